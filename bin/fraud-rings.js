#!/usr/bin/env node
// Runs the compiled CLI; falls back to the TypeScript source (via tsx) in a checkout that has not
// been built, or when FRAUD_RINGS_FROM_SOURCE=1 (the tests use this so they always run the source).
const fs = require('node:fs');
const path = require('node:path');

const compiled = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (process.env.FRAUD_RINGS_FROM_SOURCE !== '1' && fs.existsSync(compiled)) {
  require(compiled).main(process.argv);
} else {
  require('tsx/cjs');
  require(path.join(__dirname, '..', 'cli', 'main.ts')).main(process.argv);
}
