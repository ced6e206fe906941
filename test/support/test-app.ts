import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createApp, type App } from '../../server/src/app';
import { ManualClock, systemClock, type Clock } from '../../server/src/core/clock';
import { loadConfig } from '../../server/src/core/config';
import { createLogger } from '../../server/src/core/logger';
import { seedDemo } from '../../server/src/demo/seed';
import { DEMO_PASSWORD } from '../../server/src/demo/demo-users';
import { createDatabase, dropDatabase } from './database';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown }; path?: (string | number)[] }[];
}

export interface TestApp {
  app: App;
  url: string;
  wsUrl: string;
  databaseUrl: string;
  /** Signs in a demo user (or any user with the demo password) and returns the session cookie. */
  login(username: string, password?: string): Promise<string>;
  /** POSTs a GraphQL request, with a session cookie if given. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    cookie?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  clock?: Clock | ManualClock;
  seed?: boolean;
  env?: Record<string, string>;
  /** Reuse an existing database (a second replica); it is not dropped on close. */
  databaseUrl?: string;
}

/** Migrates a fresh database, seeds the demo data and starts a real server on a free port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const adminUrl = inject('pgAdminUrl');
  const name = `cc_t_${randomBytes(6).toString('hex')}`;
  const databaseUrl = options.databaseUrl ?? (await createDatabase(adminUrl, name));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
    // Every test client is 127.0.0.1: the generic tests (matrix, fuzzer) call the public permit check
    // far more than one address may; the throttle's own tests set a small burst.
    PERMIT_VERIFY_BURST: '10000',
    ...options.env,
  });
  const logger = createLogger(config.logLevel, 'test-server');
  const app = await createApp({ config, logger, databaseUrl, clock: options.clock ?? systemClock });
  if (options.seed ?? !options.databaseUrl) await seedDemo(app.orm.em.fork(), logger, app.modules.list);
  const url = await app.listen(0, '127.0.0.1');
  const gql: TestApp['gql'] = async (query, variables, cookie, headers = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<never>;
  };
  return {
    app,
    url,
    wsUrl: url.replace(/^http/, 'ws') + '/graphql',
    databaseUrl,
    gql,
    async login(username, password = DEMO_PASSWORD) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($u:String!,$p:String!){login(username:$u,password:$p){userId}}',
          variables: { u: username, p: password },
        }),
      });
      const cookie = response.headers.get('set-cookie')?.split(';')[0];
      if (!cookie) throw new Error(`login as ${username} failed: ${await response.text()}`);
      return cookie;
    },
    async close() {
      await app.close();
      if (!options.databaseUrl) await dropDatabase(adminUrl, name);
    },
  };
}
