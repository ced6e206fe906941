import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the console, from the committed schema contract and the one-file-per-
 * operation documents. `npm run codegen` writes them; `scripts/check-codegen.mjs` fails when
 * the committed output is stale.
 */
const config: CodegenConfig = {
  schema: 'shared/schema.graphql',
  documents: ['shared/src/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'shared/src/generated/graphql.ts': {
      // typescript-operations 6 emits the enums and inputs it needs itself; adding the
      // `typescript` plugin as well would declare them twice.
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumsAsTypes: true,
        onlyOperationTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { EventPosition: 'string', DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
        // A scalar added to the schema later is typed `unknown` until it is mapped here.
        defaultScalarType: 'unknown',
        dedupeFragments: true,
      },
    },
  },
};

export default config;
