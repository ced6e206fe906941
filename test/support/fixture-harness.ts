import { randomBytes } from 'node:crypto';
import { policyModuleOf, type Role } from '@cc/shared';
import { allFixtures, fixturesFileOf, type FixtureActor, type FixtureEnv, type OperationFixture, type Variables } from './module-tests';
import type { TestApp } from './test-app';

const HQ_ROLES: Role[] = ['DUTY_OFFICER', 'LEADER', 'DISPATCHER', 'LOGISTICS_OFFICER', 'COORDINATOR', 'ADMIN'];
const ACTOR_PASSWORD = 'actor-password-1';

/**
 * Prepares what the generic authorization and audit tests need on a running test app: a setup
 * administrator holding every HQ role, fresh users of any role, and the fixture environment.
 */
export class FixtureHarness {
  private counter = 0;
  private liaisonCookie: Promise<string> | undefined;
  private readonly run = randomBytes(3).toString('hex');

  private constructor(
    private readonly t: TestApp,
    private readonly setupCookie: string,
    private readonly units: ReadonlyMap<string, string>,
    private readonly fixtures: ReadonlyMap<string, { module: string; fixture: OperationFixture }>,
  ) {}

  static async start(t: TestApp): Promise<FixtureHarness> {
    const admin = await t.login('admin');
    const units = await t.gql<{ memberUnits: { id: string; code: string }[] }>('{ memberUnits { id code } }', {}, admin);
    if (!units.data) throw new Error(`could not list member units: ${JSON.stringify(units.errors)}`);
    const unitIds = new Map(units.data.memberUnits.map((u) => [u.code, u.id]));
    const username = `fixture-setup-${randomBytes(3).toString('hex')}`;
    const created = await t.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { username, displayName: '测试准备', password: ACTOR_PASSWORD, roles: HQ_ROLES } },
      admin,
    );
    if (created.errors) throw new Error(`could not create the setup user: ${JSON.stringify(created.errors)}`);
    return new FixtureHarness(t, await t.login(username, ACTOR_PASSWORD), unitIds, await allFixtures());
  }

  unique(prefix: string): string {
    return `${prefix}-${this.run}-${++this.counter}`;
  }

  async setup<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.t.gql<T>(query, variables, this.setupCookie);
    if (response.errors?.length || !response.data) throw new Error(`fixture setup failed: ${JSON.stringify(response.errors)}`);
    return response.data;
  }

  /** As a liaison of AGRICULTURE, created on first use and kept for the run. */
  async asLiaison<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    this.liaisonCookie ??= this.actor(['UNIT_LIAISON']).then((a) => a.cookie);
    const response = await this.t.gql<T>(query, variables, await this.liaisonCookie);
    if (response.errors?.length || !response.data) throw new Error(`fixture setup (as liaison) failed: ${JSON.stringify(response.errors)}`);
    return response.data;
  }

  unitId(code: string): string {
    const id = this.units.get(code);
    if (!id) throw new Error(`no demo member unit ${code}`);
    return id;
  }

  /** A new, signed-in user holding exactly `roles` (a liaison belongs to AGRICULTURE). */
  async actor(roles: readonly Role[]): Promise<FixtureActor> {
    const username = this.unique(
      roles
        .map((r) => r.toLowerCase().replaceAll('_', ''))
        .join('-')
        .slice(0, 40),
    );
    const unitId = roles.includes('UNIT_LIAISON') ? this.unitId('AGRICULTURE') : null;
    const { createUser } = await this.setup<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: { username, displayName: `测试 ${roles.join('+')}`, password: ACTOR_PASSWORD, roles, unitId },
      },
    );
    return {
      userId: createUser.id,
      username,
      password: ACTOR_PASSWORD,
      roles,
      unitId,
      cookie: await this.t.login(username, ACTOR_PASSWORD),
    };
  }

  env(actor: FixtureActor | null): FixtureEnv {
    return {
      actor,
      setup: (query, variables) => this.setup(query, variables),
      asLiaison: (query, variables) => this.asLiaison(query, variables),
      unitId: (code) => this.unitId(code),
      unique: (prefix) => this.unique(prefix),
    };
  }

  /** The fixture's variables for one call, or a failure naming the operation that has none. */
  async variables(operation: string, actor: FixtureActor | null): Promise<Variables> {
    const found = this.fixtures.get(operation);
    if (!found) {
      const module = policyModuleOf(operation);
      throw new Error(
        `No fixture for "${operation}": add one to ${module ? fixturesFileOf(module) : 'its module’s test/integration/<module>/<module>.fixtures.ts'}.`,
      );
    }
    return found.fixture(this.env(actor));
  }
}
