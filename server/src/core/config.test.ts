import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig, type ConfigVariable } from './config';

/** Reads the environment and returns the problems the server would print before exiting. */
function problemsWith(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

const signingKey = generateKeyPairSync('ed25519').privateKey;
const SIGNING_KEY_DER = signingKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
const PRODUCTION_ADMIN = { ADMIN_USERNAME: 'hq-admin', ADMIN_PASSWORD: 'a-long-enough-secret', PERMIT_SIGNING_KEY: SIGNING_KEY_DER };

/**
 * One wrong value for every variable that can be wrong (null: free text, anything goes).
 * Typed by the schema's own keys, so a new variable does not compile until it has a case here.
 */
const BAD_VALUES: Record<ConfigVariable, readonly string[] | null> = {
  NODE_ENV: ['staging'],
  HOST: null,
  PORT: ['http', '70000', '-1', '4000.5'],
  DATABASE_URL: ['mysql://db/command_centre', 'localhost:5432'],
  EMBEDDED_PG_DIR: null,
  EMBEDDED_PG_PORT: ['80', 'pg', '99999'],
  LOG_LEVEL: ['loud'],
  DEMO_MODE: ['maybe', 'TRUE!'],
  SESSION_TTL_HOURS: ['0', '-3', 'twelve', '1000'],
  SESSION_TTL_SECONDS: ['0', '1.5', 'soon'],
  CONSOLE_ORIGINS: null,
  ADMIN_USERNAME: ['ab'],
  ADMIN_PASSWORD: ['short'],
  EVENT_RETENTION_DAYS: ['0', '1.5', 'month'],
  CONSOLE_DIST: null,
  WS_MAX_BUFFERED_BYTES: ['1024', 'lots'],
  SUBSCRIPTION_MAX_QUEUED: ['1', 'many'],
  WS_MAX_SOCKETS_PER_USER: ['0', 'lots'],
  WS_KEEPALIVE_SECONDS: ['0', '601', 'often'],
  SUBSCRIPTION_EXECUTION: ['naive'],
  FANOUT_WRITE_SHARE: ['0', '1.5', 'half'],
  HTTP_REQUEST_TIMEOUT_SECONDS: ['0', 'soon', '1.5', '3601'],
  METRICS_TOKEN: ['short'],
  ATTACHMENT_MAX_BYTES: ['big', '10', '999999999'],
  TRUST_PROXY: ['everyone', '10.0.0.0/8; rm'],
  PERMIT_SIGNING_KEY: [
    'not a key',
    // An RSA key is a key, but not an Ed25519 one.
    generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  ],
  PERMIT_VERIFY_KEYS: ['short', 'A'.repeat(43) + ',,', 'A'.repeat(44)],
  PERMIT_VERIFY_PER_MINUTE: ['0', 'many', '1.5'],
  PERMIT_VERIFY_BURST: ['0', 'lots'],
};

describe('configuration (environment variables)', () => {
  it('starts with working defaults on a developer machine: embedded PostgreSQL, demo data, port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      host: '0.0.0.0',
      port: 4000,
      databaseUrl: undefined,
      embeddedPg: { dir: '.data/postgres', port: 54329 },
      logLevel: 'info',
      demoMode: true,
      sessionTtlMs: 12 * 3_600_000,
      consoleOrigins: undefined,
      firstAdmin: undefined,
      eventRetentionDays: 30,
      consoleDist: undefined,
    });
  });

  it('lists every variable it reads, and the bad-value table below covers each of them', () => {
    expect([...CONFIG_VARIABLES].sort()).toEqual(Object.keys(BAD_VALUES).sort());
  });

  for (const [variable, values] of Object.entries(BAD_VALUES)) {
    if (!values) continue;
    for (const value of values) {
      it(`refuses ${variable}=${JSON.stringify(value)} with a message that names ${variable}`, () => {
        const problems = problemsWith({ [variable]: value });
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(new RegExp(`^${variable}: \\S`));
        // The thrown message (what the server prints before exiting) carries the same line.
        expect(() => loadConfig({ [variable]: value })).toThrow(variable);
      });
    }
  }

  it('reports every bad variable at once, so one restart fixes them all', () => {
    const problems = problemsWith({ PORT: 'http', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://db' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
  });

  it('treats an empty variable as unset (an empty line in an .env file means "use the default")', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', LOG_LEVEL: '' });
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.logLevel).toBe('info');
  });

  it('refuses to start in production without the first administrator’s credentials', () => {
    const problems = problemsWith({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/cc', PERMIT_SIGNING_KEY: SIGNING_KEY_DER });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('ADMIN_USERNAME');
    expect(problems[0]).toContain('ADMIN_PASSWORD');
    expect(problemsWith({ NODE_ENV: 'production', ADMIN_USERNAME: 'hq-admin', PERMIT_SIGNING_KEY: SIGNING_KEY_DER })[0]).toContain(
      'ADMIN_PASSWORD',
    );
    expect(
      problemsWith({ NODE_ENV: 'production', ADMIN_PASSWORD: 'a-long-enough-secret', PERMIT_SIGNING_KEY: SIGNING_KEY_DER })[0],
    ).toContain('ADMIN_USERNAME');
  });

  it('refuses to start in production without a permit signing key, saying how to make one', () => {
    const { PERMIT_SIGNING_KEY: _omitted, ...withoutKey } = PRODUCTION_ADMIN;
    expect(problemsWith({ NODE_ENV: 'production', ...withoutKey })).toEqual([
      expect.stringMatching(/^PERMIT_SIGNING_KEY: required in production .*openssl genpkey -algorithm ed25519/),
    ]);
  });

  it('reads the permit signing key as PEM (also with escaped newlines) or base64 DER, and retired public keys as a list', () => {
    const pem = signingKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const retired = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!;
    for (const spelling of [pem, pem.replace(/\n/g, '\\n'), SIGNING_KEY_DER]) {
      const config = loadConfig({ PERMIT_SIGNING_KEY: spelling, PERMIT_VERIFY_KEYS: ` ${retired} ` });
      expect(config.permits.signingKeyPem?.trim()).toBe(pem.trim());
      expect(config.permits.retiredPublicKeys).toEqual([retired]);
    }
    expect(loadConfig({}).permits).toEqual({
      signingKeyPem: undefined,
      retiredPublicKeys: [],
      verifyThrottle: { perMinute: 20, burst: 10 },
    });
  });

  it('refuses demo users in production, even with administrator credentials', () => {
    const problems = problemsWith({ NODE_ENV: 'production', DEMO_MODE: 'true', ...PRODUCTION_ADMIN });
    expect(problems).toEqual([expect.stringMatching(/^DEMO_MODE: .*DEMO_MODE=false/)]);
  });

  it('runs in production with credentials, demo mode off by default', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://cc:secret@db:5432/cc', ...PRODUCTION_ADMIN });
    expect(config.env).toBe('production');
    expect(config.demoMode).toBe(false);
    expect(config.firstAdmin).toEqual({ username: 'hq-admin', password: 'a-long-enough-secret' });
    expect(config.databaseUrl).toBe('postgresql://cc:secret@db:5432/cc');
  });

  it('accepts the usual spellings of a yes/no switch', () => {
    for (const yes of ['true', '1', 'yes']) expect(loadConfig({ DEMO_MODE: yes }).demoMode).toBe(true);
    for (const no of ['false', '0', 'no']) expect(loadConfig({ DEMO_MODE: no }).demoMode).toBe(false);
  });

  it('reads CONSOLE_ORIGINS as a comma-separated list, ignoring spaces and empty items', () => {
    const config = loadConfig({ CONSOLE_ORIGINS: ' https://hq.example.org , http://localhost:5173,, ' });
    expect(config.consoleOrigins).toEqual(['https://hq.example.org', 'http://localhost:5173']);
  });

  it('converts units once, here: hours and seconds to milliseconds', () => {
    expect(loadConfig({ SESSION_TTL_HOURS: '8' }).sessionTtlMs).toBe(8 * 3_600_000);
    expect(loadConfig({ SESSION_TTL_HOURS: '8', SESSION_TTL_SECONDS: '5' }).sessionTtlMs).toBe(5_000);
  });
});
