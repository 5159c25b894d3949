import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the GraphQL operations of the REST routes (rest-compat/routes).
 * `npm run codegen` regenerates rest-compat/__generated__/ (committed);
 * rest-compat/codegen.test.ts fails when it is stale.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['rest-compat/**/*.ts', '!rest-compat/__generated__/**', '!rest-compat/**/*.test.ts'],
  ignoreNoDocuments: false,
  generates: {
    'rest-compat/__generated__/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, skipIndexFile: true },
      config: {
        useTypeImports: true,
        emitLegacyCommonJSImports: false,
        enumsAsTypes: true,
        strictScalars: true,
        // What the scalars look like in JSON variables and results (src/graphql/scalars.ts).
        scalars: { DateTime: 'string', Int64: 'string' },
      },
    },
  },
};

export default config;
