/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 60000,
  // Browser, Redis and HTTP tests each start real processes; one worker keeps 2-core machines steady.
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 1,
};
