import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: path.dirname(fileURLToPath(import.meta.url)),
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // One bundle: Cytoscape and fCoSE are most of its ~600 kB (185 kB gzipped), all needed by the ring view.
    chunkSizeWarningLimit: 900,
  },
});
