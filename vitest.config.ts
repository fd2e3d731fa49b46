import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The real corpus is built once, for every end-to-end test file.
    globalSetup: ['tests/setup/corpus-build.ts'],
    // Generous: a loaded CI machine is slow, and timings are the benchmarks' business, not the tests'.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // End-to-end tests each drive a browser: run files one at a time on small CI machines.
    fileParallelism: false,
    reporters: ['default'],
  },
});
