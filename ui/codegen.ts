import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the console's GraphQL documents (`graphql(...)` calls in ui/src).
 * `npm run ui:codegen` regenerates ui/src/__generated__/ (committed);
 * ui/src/codegen.test.ts fails when it is stale. Documents are emitted as
 * strings (documentMode 'string') so the browser bundle carries no GraphQL AST
 * printer: a document is sent as its text over HTTP and graphql-ws.
 * Paths are relative to the repository root, where the npm scripts run.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['ui/src/**/*.{ts,tsx}', '!ui/src/__generated__/**', '!ui/src/**/*.test.ts'],
  ignoreNoDocuments: false,
  generates: {
    'ui/src/__generated__/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        // What the scalars look like in JSON variables and results (src/graphql/scalars.ts).
        scalars: { DateTime: 'string', Int64: 'string' },
      },
    },
  },
};

export default config;
