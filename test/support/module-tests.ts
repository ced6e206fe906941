/**
 * What each module gives the generic tests, declared next to that module's own tests in
 * test/integration/<module>/<module>.fixtures.ts (exported as `MODULE`) and found here by
 * reading the folders, not from a central list:
 *   - fixtures: sample arguments for each of the module's root operations, read by the
 *     authorization matrix, the audit-of-every-mutation test and the fuzzer;
 *   - field hints: plausible values for input fields the fuzzer rarely hits by chance;
 *   - invariants: for each of the module's database tables, rules no request may break (checked
 *     in SQL by the fuzzer after every mutation's run), or `none` with the reason.
 * test/integration/module-coverage.test.ts fails, naming the module and what is missing, when an
 * operation of the schema has no fixture or a table has no invariant entry.
 *
 * A fixture returns the operation's variables (argument name -> value) and must make the call
 * SUCCEED for any caller the policy allows (the matrix and the audit test rely on it). It runs
 * once per call, so it should prepare a fresh record for a mutation that changes one (through
 * `env.setup`, as an administrator holding every HQ role): every attempt then starts from the same
 * state, whichever role or transport ran before. Mutations run as a freshly created user, so
 * signing out or changing the caller's password harms nothing else.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '@cc/shared';

export interface FixtureActor {
  userId: string;
  username: string;
  password: string;
  roles: readonly Role[];
  /** The member unit of a unit liaison (AGRICULTURE for the matrix's liaisons); null for HQ staff. */
  unitId: string | null;
  cookie: string;
}

export interface FixtureEnv {
  /** Who will send the operation; null when it is sent anonymously. */
  actor: FixtureActor | null;
  /** Runs a GraphQL request as the fixture administrator (every HQ role, ADMIN included); throws on any error. */
  setup<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /**
   * Runs a GraphQL request as a unit liaison of AGRICULTURE (the matrix's liaisons' unit), for
   * records only a liaison can create (a requisition); throws on any error.
   */
  asLiaison<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The id of a demo member unit by code (AGRICULTURE, COMMERCE, INDUSTRY, HEALTH). */
  unitId(code: string): string;
  /** A name unique in this test run: lower-case letters, digits and dashes. */
  unique(prefix: string): string;
}

export type Variables = Record<string, unknown>;
export type OperationFixture = (env: FixtureEnv) => Variables | Promise<Variables>;

/** A rule the database must satisfy whatever requests were sent: a query that returns the rows breaking it. */
export interface Invariant {
  /** What a returned row is, e.g. "a vehicle with more than one active assignment". */
  broken: string;
  sql: string;
  /** Checked only once fuzzing has begun; `$1` is that moment (for rules about what requests did). */
  sinceFuzzingBegan?: boolean;
}

/** A table's rules, or why it has none beyond its constraints. */
export type TableInvariants = readonly Invariant[] | { readonly none: string };

export interface ModuleTests {
  /** The module's name: its folder here, server/src/modules/<module> and shared/src/policy/<module>.ts. */
  module: string;
  /** One per root operation of the module (its policy slice's operations). */
  fixtures: Readonly<Record<string, OperationFixture>>;
  fieldHints?: Readonly<Record<string, readonly unknown[]>>;
  /** One entry per database table the module owns. */
  invariants: Readonly<Record<string, TableInvariants>>;
}

const INTEGRATION = fileURLToPath(new URL('../integration/', import.meta.url));

/** Where a module's declarations live, as a path from the repository root (for messages). */
export function fixturesFileOf(module: string): string {
  return `test/integration/${module}/${module}.fixtures.ts`;
}

async function discover(): Promise<ModuleTests[]> {
  const folders = (await readdir(INTEGRATION, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  const found: ModuleTests[] = [];
  for (const folder of folders.sort()) {
    const file = path.join(INTEGRATION, folder, `${folder}.fixtures.ts`);
    if (!existsSync(file))
      throw new Error(`test/integration/${folder}/ has no ${folder}.fixtures.ts: declare the module's fixtures and invariants there.`);
    const { MODULE } = (await import(file)) as { MODULE?: ModuleTests };
    if (!MODULE) throw new Error(`${fixturesFileOf(folder)} exports no MODULE.`);
    if (MODULE.module !== folder) throw new Error(`${fixturesFileOf(folder)} declares module "${MODULE.module}"; it must be "${folder}".`);
    found.push(MODULE);
  }
  return found;
}

let discovered: Promise<ModuleTests[]> | undefined;

/** Every module's declarations, each folder read once per test file. */
export function moduleTests(): Promise<ModuleTests[]> {
  return (discovered ??= discover());
}

/** Every module's fixtures in one table, operation -> fixture; an operation declared twice fails here. */
export async function allFixtures(): Promise<Map<string, { module: string; fixture: OperationFixture }>> {
  const fixtures = new Map<string, { module: string; fixture: OperationFixture }>();
  for (const { module, fixtures: own } of await moduleTests()) {
    for (const [operation, fixture] of Object.entries(own)) {
      const earlier = fixtures.get(operation);
      if (earlier) throw new Error(`${operation} has a fixture in both ${fixturesFileOf(earlier.module)} and ${fixturesFileOf(module)}.`);
      fixtures.set(operation, { module, fixture });
    }
  }
  return fixtures;
}

/** Every module's field hints, merged by field name. */
export async function allFieldHints(): Promise<Map<string, unknown[]>> {
  const hints = new Map<string, unknown[]>();
  for (const { fieldHints } of await moduleTests()) {
    for (const [name, values] of Object.entries(fieldHints ?? {})) hints.set(name, [...(hints.get(name) ?? []), ...values]);
  }
  return hints;
}
