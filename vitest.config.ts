import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    // End-to-end tests each drive a browser: run files one at a time on small CI machines.
    fileParallelism: false,
    reporters: ['default'],
  },
});
