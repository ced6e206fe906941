/**
 * Writes the committed contract, shared/schema.graphql, from the code.
 * `npm run schema`; the drift test (server/src/core/graphql/schema-drift.test.ts) fails when it is stale.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildGraphQLSchema, printContract } from '../src/core/graphql/schema';
import { createModules } from '../src/modules';

export const SCHEMA_FILE = new URL('../../shared/schema.graphql', import.meta.url);

const schema = await buildGraphQLSchema(createModules({ sessionTtlMs: 1 }).resolvers);
writeFileSync(SCHEMA_FILE, printContract(schema));
console.log(`wrote ${SCHEMA_FILE.pathname}`);
