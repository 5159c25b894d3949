import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql instance: Pothos and yoga load the CommonJS build, so our code must too
    // (graphql's instanceof checks reject types from the other build).
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'rest-compat/**/*.test.ts', 'ui/src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts', 'test/console-global-setup.ts', 'test/server-build-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
