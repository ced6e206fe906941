/**
 * Checks that name what a module forgot (issue 19): every root operation of the schema needs a
 * policy entry in its module's slice (shared/src/policy/<module>.ts) and a fixture in its
 * module's test/integration/<module>/<module>.fixtures.ts; every table of a migrated database
 * needs invariants in one module's fixtures file, or `none` with the reason.
 */
import { POLICY_BY_MODULE, policyModuleOf } from '@cc/shared';
import type { GraphQLSchema } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraphQLSchema } from '../../server/src/core/graphql/schema';
import { createModules } from '../../server/src/modules';
import { allFixtures, fixturesFileOf, moduleTests } from '../support/module-tests';
import { operationOwners, serverModules, tableOwners } from '../support/module-owners';
import { rootOperations } from '../support/operation-documents';
import { startTestApp, type TestApp } from '../support/test-app';

describe('every module declares its policy, fixtures and table invariants', () => {
  let schema: GraphQLSchema;
  let owners: ReturnType<typeof operationOwners>;

  beforeAll(async () => {
    schema = await buildGraphQLSchema(createModules({ sessionTtlMs: 60_000 }).resolvers);
    owners = operationOwners();
  });

  const ownerOf = (operation: string) => owners.get(operation)?.module ?? 'an unknown module';

  it('knows which module declares each operation of the schema', () => {
    const unowned = rootOperations(schema)
      .map((o) => o.name)
      .filter((name) => !owners.has(name));
    expect(unowned, 'root operations no server module’s resolver declares').toEqual([]);
  });

  it('has a policy entry for every operation, in its own module’s slice', () => {
    const problems: string[] = [];
    for (const { name } of rootOperations(schema)) {
      const module = ownerOf(name);
      const slice = policyModuleOf(name);
      if (!slice)
        problems.push(`${module}: ${name} (${owners.get(name)?.resolver}) has no policy entry: add it to shared/src/policy/${module}.ts`);
      else if (slice !== module)
        problems.push(`${module}: ${name} is in shared/src/policy/${slice}.ts; move it to shared/src/policy/${module}.ts`);
    }
    expect(problems).toEqual([]);
  });

  it('has a policy slice for every server module, and no slice for a module the server lacks', () => {
    const modules = serverModules().map((m) => m.name);
    expect(Object.keys(POLICY_BY_MODULE).sort(), 'shared/src/policy/<module>.ts slices vs server modules').toEqual([...modules].sort());
  });

  it('has a fixture for every operation, in its own module’s fixtures file', async () => {
    const fixtures = await allFixtures();
    const problems: string[] = [];
    for (const { name } of rootOperations(schema)) {
      const module = ownerOf(name);
      const found = fixtures.get(name);
      if (!found) problems.push(`${module}: ${name} has no fixture: add it to ${fixturesFileOf(module)}`);
      else if (found.module !== module)
        problems.push(`${module}: ${name}'s fixture is in ${fixturesFileOf(found.module)}; move it to ${fixturesFileOf(module)}`);
    }
    const inSchema = new Set(rootOperations(schema).map((o) => o.name));
    for (const [name, { module }] of fixtures) {
      if (!inSchema.has(name))
        problems.push(`${module}: ${fixturesFileOf(module)} has a fixture for ${name}, which the schema does not have`);
    }
    expect(problems).toEqual([]);
  });

  it('has a test folder with a fixtures file for every server module', async () => {
    const declared = (await moduleTests()).map((m) => m.module);
    const missing = serverModules()
      .map((m) => m.name)
      .filter((name) => !declared.includes(name));
    expect(missing.map((name) => `${name}: add ${fixturesFileOf(name)}`)).toEqual([]);
  });

  describe('on a migrated database', () => {
    let t: TestApp;
    let db: pg.Client;
    let tables: string[];

    beforeAll(async () => {
      t = await startTestApp({ seed: false });
      db = new pg.Client({ connectionString: t.databaseUrl });
      await db.connect();
      const { rows } = await db.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
      );
      tables = rows.map((r) => r.table_name);
    }, 120_000);

    afterAll(async () => {
      await db?.end();
      await t?.close();
    });

    it('has invariants, or `none` with a reason, for every table, in exactly one module', async () => {
      const entityOwners = tableOwners();
      const declared = new Map<string, string[]>();
      const problems: string[] = [];
      for (const { module, invariants } of await moduleTests()) {
        for (const [table, rules] of Object.entries(invariants)) {
          declared.set(table, [...(declared.get(table) ?? []), module]);
          if (!tables.includes(table))
            problems.push(`${module}: ${fixturesFileOf(module)} declares invariants for ${table}, which no migration creates`);
          if ('none' in rules && rules.none.trim().length < 10) problems.push(`${module}: ${table} is declared \`none\` without a reason`);
          if (!('none' in rules) && rules.length === 0)
            problems.push(`${module}: ${table} has an empty invariant list: give rules or \`none\` with a reason`);
          const owner = entityOwners.get(table);
          if (owner && owner !== module)
            problems.push(`${module}: ${table} is module ${owner}’s table; declare it in ${fixturesFileOf(owner)}`);
        }
      }
      for (const table of tables) {
        const modules = declared.get(table) ?? [];
        const owner = entityOwners.get(table);
        const where = owner ? fixturesFileOf(owner) : 'the fixtures file of the module whose migration creates it';
        if (modules.length === 0)
          problems.push(
            `${owner ?? 'no module'}: table ${table} has no invariant entry: declare its rules (or \`none\` with a reason) in ${where}`,
          );
        if (modules.length > 1) problems.push(`table ${table} has invariant entries in more than one module: ${modules.join(', ')}`);
      }
      expect(tables.length).toBeGreaterThan(10);
      expect(problems).toEqual([]);
    });
  });
});
