import { createPrivateKey, createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { ATTACHMENT_HARD_MAX_BYTES, DEFAULT_ATTACHMENT_MAX_BYTES } from '@cc/shared';
import { DEFAULT_WRITE_SHARE } from './realtime/delivery-rounds';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'use true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'use development, production or test' }).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(4000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  EMBEDDED_PG_DIR: z.string().default('.data/postgres'),
  EMBEDDED_PG_PORT: z.coerce.number({ message: 'must be a port number' }).int().min(1024).max(65535).default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_MODE: bool.optional(),
  SESSION_TTL_HOURS: z.coerce
    .number({ message: 'must be a number of hours' })
    .positive()
    .max(24 * 30)
    .default(12),
  // Overrides SESSION_TTL_HOURS when set; tests use it to watch a session expire in seconds.
  SESSION_TTL_SECONDS: z.coerce
    .number({ message: 'must be a whole number of seconds' })
    .int()
    .min(1)
    .max(30 * 24 * 3600)
    .optional(),
  CONSOLE_ORIGINS: z.string().optional(),
  ADMIN_USERNAME: z.string().min(3).optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  EVENT_RETENTION_DAYS: z.coerce.number({ message: 'must be a number of days' }).int().positive().default(30),
  CONSOLE_DIST: z.string().optional(),
  WS_MAX_BUFFERED_BYTES: z.coerce
    .number({ message: 'must be a number of bytes' })
    .int()
    .min(16_384)
    .default(4 * 1024 * 1024),
  SUBSCRIPTION_MAX_QUEUED: z.coerce.number({ message: 'must be a whole number of events' }).int().min(10).default(5_000),
  WS_MAX_SOCKETS_PER_USER: z.coerce.number({ message: 'must be a whole number' }).int().min(1).default(20),
  WS_KEEPALIVE_SECONDS: z.coerce.number({ message: 'must be a whole number of seconds' }).int().min(1).max(600).default(12),
  // Bounds how long a client may take to send one whole request (slow-loris); not how long the answer takes.
  HTTP_REQUEST_TIMEOUT_SECONDS: z.coerce.number({ message: 'must be a whole number of seconds' }).int().min(1).max(3_600).default(30),
  // The most of the event loop that writing live updates may take before more updates ride on each write (delivery-rounds.ts).
  FANOUT_WRITE_SHARE: z.coerce.number({ message: 'must be a number above 0 and at most 1' }).gt(0).max(1).default(DEFAULT_WRITE_SHARE),
  // 'per-socket' is graphql-js's own path (one execution per subscriber per event), kept for the benchmark's before/after.
  SUBSCRIPTION_EXECUTION: z.enum(['shared', 'per-socket'], { message: 'use shared or per-socket' }).default('shared'),
  // Bearer token a Prometheus scraper sends for /metrics (core/http/metrics.ts says who else may read it).
  // Which peers are proxies whose X-Forwarded-For names the real client (sign-in throttling by address).
  TRUST_PROXY: z
    .string()
    .regex(
      /^\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?))*\s*$/,
      {
        message: 'use a comma-separated list of loopback, linklocal, uniquelocal or IP addresses / CIDR ranges',
      },
    )
    .default('loopback'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (use a random secret)').optional(),
  // Largest file POST /attachments stores; the database refuses more than 50 MB whatever this says (migration 0020).
  ATTACHMENT_MAX_BYTES: z.coerce
    .number({ message: 'must be a number of bytes' })
    .int()
    .min(1_024, 'must be at least 1024 bytes')
    .max(ATTACHMENT_HARD_MAX_BYTES, 'must be at most 52428800 bytes (50 MB)')
    .default(DEFAULT_ATTACHMENT_MAX_BYTES),
  // The Ed25519 private key permits' QR codes are signed with (PKCS#8 PEM, or its DER in base64); required in production.
  PERMIT_SIGNING_KEY: z
    .string()
    .refine(isEd25519PrivateKey, {
      message: 'must be an Ed25519 private key, PKCS#8 PEM or base64 DER (openssl genpkey -algorithm ed25519)',
    })
    .optional(),
  // Retired signing keys' public halves (base64url, comma-separated, as GET /permits/verification-keys lists them): permits they signed stay valid.
  PERMIT_VERIFY_KEYS: z
    .string()
    .refine((v) => v.split(',').every((k) => isEd25519PublicKey(k.trim())), {
      message:
        'must be comma-separated Ed25519 public keys, each its 32 raw bytes in base64url (as GET /permits/verification-keys lists them)',
    })
    .optional(),
  // Public permit verification (verifyPermit): requests one client address may make per minute, and in a burst.
  PERMIT_VERIFY_PER_MINUTE: z.coerce.number({ message: 'must be a whole number of requests' }).int().min(1).max(10_000).default(20),
  PERMIT_VERIFY_BURST: z.coerce.number({ message: 'must be a whole number of requests' }).int().min(1).max(10_000).default(10),
});

/** PKCS#8 PEM as is; anything else is read as base64 DER. */
export function permitKeyPem(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return trimmed.replace(/\\n/g, '\n');
  return `-----BEGIN PRIVATE KEY-----\n${trimmed.replace(/\s+/g, '')}\n-----END PRIVATE KEY-----\n`;
}

function isEd25519PrivateKey(text: string): boolean {
  try {
    return createPrivateKey(permitKeyPem(text)).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

function isEd25519PublicKey(text: string): boolean {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) return false;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: text }, format: 'jwk' }).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/** Every environment variable the server reads; README, docker-compose.yml and their tests follow this list. */
export type ConfigVariable = keyof typeof schema.shape;
export const CONFIG_VARIABLES = Object.keys(schema.shape) as readonly ConfigVariable[];

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  embeddedPg: { dir: string; port: number };
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  demoMode: boolean;
  sessionTtlMs: number;
  consoleOrigins: readonly string[] | undefined;
  firstAdmin: { username: string; password: string } | undefined;
  eventRetentionDays: number;
  consoleDist: string | undefined;
  metricsToken: string | undefined;
  /** Express's `trust proxy`: the proxies whose X-Forwarded-For is believed. */
  trustProxy: string[];
  realtime: {
    maxBufferedBytes: number;
    maxQueuedEvents: number;
    maxSocketsPerUser: number;
    keepAliveMs: number;
    execution: 'shared' | 'per-socket';
    /** The most of the event loop broadcast writes may take (delivery-rounds.ts). */
    writeShare: number;
  };
  http: HttpLimits;
  /** Files uploaded over POST /attachments. */
  attachments: { maxBytes: number };
  permits: PermitKeysConfig;
}>;

/** The permit signing keyring (server/src/modules/permits/permit-signer.ts) and the public check's throttle. */
export interface PermitKeysConfig {
  /** PKCS#8 PEM; undefined outside production means "use the development key" (generated once, kept on disk). */
  signingKeyPem: string | undefined;
  /** Retired public keys (base64url raw) still accepted. */
  retiredPublicKeys: readonly string[];
  /** Public verification: a token bucket per client address. */
  verifyThrottle: { perMinute: number; burst: number };
}

/** What one HTTP request may cost the server before GraphQL sees it. */
export interface HttpLimits {
  /** node:http's requestTimeout: the whole request (headers and body) must arrive within it, else 408. */
  requestTimeoutMs: number;
  /** node:http's headersTimeout: the headers must arrive within it (never more than requestTimeoutMs). */
  headersTimeoutMs: number;
  /** Largest JSON body on POST /graphql; larger ones are refused with 413. */
  maxBodyBytes: number;
}

export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const MAX_BODY_BYTES = 256 * 1024;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; every bad value is named with what to do about it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const demoMode = e.DEMO_MODE ?? !production;
  const problems: string[] = [];
  if (production && !demoMode && (!e.ADMIN_USERNAME || !e.ADMIN_PASSWORD)) {
    problems.push('ADMIN_USERNAME and ADMIN_PASSWORD: required in production to create the first administrator');
  }
  if (production && !e.PERMIT_SIGNING_KEY) {
    problems.push(
      'PERMIT_SIGNING_KEY: required in production to sign traffic permits (an Ed25519 private key: openssl genpkey -algorithm ed25519); keep it secret and stable, and list retired keys in PERMIT_VERIFY_KEYS',
    );
  }
  if (production && demoMode) problems.push('DEMO_MODE: demo users must not run in production; set DEMO_MODE=false');
  if (problems.length) throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    embeddedPg: { dir: e.EMBEDDED_PG_DIR, port: e.EMBEDDED_PG_PORT },
    logLevel: e.LOG_LEVEL,
    demoMode,
    sessionTtlMs: e.SESSION_TTL_SECONDS !== undefined ? e.SESSION_TTL_SECONDS * 1_000 : e.SESSION_TTL_HOURS * 3_600_000,
    consoleOrigins: e.CONSOLE_ORIGINS?.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    firstAdmin: e.ADMIN_USERNAME && e.ADMIN_PASSWORD ? { username: e.ADMIN_USERNAME, password: e.ADMIN_PASSWORD } : undefined,
    eventRetentionDays: e.EVENT_RETENTION_DAYS,
    consoleDist: e.CONSOLE_DIST,
    metricsToken: e.METRICS_TOKEN,
    trustProxy: e.TRUST_PROXY.split(',').map((p) => p.trim()),
    realtime: {
      maxBufferedBytes: e.WS_MAX_BUFFERED_BYTES,
      maxQueuedEvents: e.SUBSCRIPTION_MAX_QUEUED,
      maxSocketsPerUser: e.WS_MAX_SOCKETS_PER_USER,
      keepAliveMs: e.WS_KEEPALIVE_SECONDS * 1_000,
      execution: e.SUBSCRIPTION_EXECUTION,
      writeShare: e.FANOUT_WRITE_SHARE,
    },
    http: {
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_SECONDS * 1_000,
      headersTimeoutMs: Math.min(DEFAULT_HEADERS_TIMEOUT_MS, e.HTTP_REQUEST_TIMEOUT_SECONDS * 1_000),
      maxBodyBytes: MAX_BODY_BYTES,
    },
    attachments: { maxBytes: e.ATTACHMENT_MAX_BYTES },
    permits: {
      signingKeyPem: e.PERMIT_SIGNING_KEY ? permitKeyPem(e.PERMIT_SIGNING_KEY) : undefined,
      retiredPublicKeys: (e.PERMIT_VERIFY_KEYS ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
      verifyThrottle: { perMinute: e.PERMIT_VERIFY_PER_MINUTE, burst: e.PERMIT_VERIFY_BURST },
    },
  };
}
