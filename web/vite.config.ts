import { defineConfig } from 'vite';

export default defineConfig({
  root: __dirname,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // One bundle: Cytoscape and fCoSE are most of its ~600 kB (185 kB gzipped), all needed by the ring view.
    chunkSizeWarningLimit: 900,
  },
});
