import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../server/src/core/config';
import { TEST_PERMIT_SIGNING_KEY } from '../support/permit-keys';

/**
 * There is no container engine on the build machine, so docker-compose.yml and the Dockerfile
 * are checked by reading them: the services a user gets, their ports, and that every variable
 * handed to the server is one it reads and accepts (a typo there would be silently ignored).
 */
const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

interface Service {
  image?: string;
  build?: string | { context: string };
  ports?: string[];
  expose?: string[];
  environment?: Record<string, string | number | boolean>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
  volumes?: string[];
  init?: boolean;
  restart?: string;
}

interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

// Compose files use YAML merge keys (`<<: *app`) to share the replicas' settings.
const composeText = read('docker-compose.yml');
const compose = parse(composeText, { merge: true }) as Compose;

/** Docker Compose's variable interpolation: `${X}`, `${X:-default}`, `${X:?error}`. */
function interpolate(value: string, shell: Record<string, string>): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?:(:-|:\?)([^}]*))?\}/g,
    (_match, name: string, op: string | undefined, arg: string | undefined) => {
      const set = shell[name];
      if (set !== undefined && set !== '') return set;
      if (op === ':?') throw new Error(`${name}: ${arg}`);
      return op === ':-' ? (arg ?? '') : '';
    },
  );
}

function environmentOf(service: Service, shell: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([name, value]) => [name, interpolate(String(value), shell)]));
}

const SHELL = {
  ADMIN_PASSWORD: 'correct-horse-battery-staple',
  POSTGRES_PASSWORD: 'a-database-secret',
  PERMIT_SIGNING_KEY: TEST_PERMIT_SIGNING_KEY,
};
const REPLICAS = ['app', 'app-2'] as const;

describe('docker-compose.yml', () => {
  it('runs PostgreSQL 17, two replicas of the server and a Caddy proxy', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'app-2', 'postgres', 'proxy']);
    expect(compose.services['postgres']!.image).toBe('postgres:17');
    expect(compose.services['proxy']!.image).toBe('caddy:2');
  });

  it('restarts every service that stops', () => {
    for (const [name, service] of Object.entries(compose.services)) expect(service.restart, name).toBe('unless-stopped');
  });

  it('keeps the database on a named volume and reports it healthy only when pg_isready says so', () => {
    const postgres = compose.services['postgres']!;
    const [volume, mountPoint] = postgres.volumes?.[0]?.split(':') ?? [];
    expect(mountPoint).toBe('/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes ?? {})).toContain(volume);
    expect(JSON.stringify(postgres.healthcheck?.test)).toContain('pg_isready');
  });

  for (const name of REPLICAS) {
    describe(name, () => {
      const service = compose.services[name]!;
      const env = environmentOf(service, SHELL);

      it('is built from this repository, as one image, and reached only through the proxy', () => {
        expect(typeof service.build === 'string' ? service.build : service.build?.context).toBe('.');
        expect(service.image).toBe(compose.services['app']!.image);
        expect(service.ports).toBeUndefined();
        expect(service.expose).toEqual([env['PORT']]);
      });

      it('passes only variables the server reads (a misspelt one would be ignored without a word)', () => {
        expect(Object.keys(env).filter((variable) => !(CONFIG_VARIABLES as readonly string[]).includes(variable))).toEqual([]);
      });

      it('passes an environment the server accepts: production, no demo users, a first administrator, the proxy trusted', () => {
        const config = loadConfig(env);
        expect(config.env).toBe('production');
        expect(config.demoMode).toBe(false);
        expect(config.firstAdmin).toEqual({ username: 'admin', password: SHELL.ADMIN_PASSWORD });
        expect(config.consoleOrigins).toContain('http://localhost:4000');
        expect(config.trustProxy).toContain('uniquelocal');
        expect(config.metricsToken).toBeUndefined();
      });

      it('points DATABASE_URL at the postgres service with its user, password and database', () => {
        const pg = environmentOf(compose.services['postgres']!, SHELL);
        const url = new URL(env['DATABASE_URL']!);
        expect(url.hostname).toBe('postgres');
        expect(url.port).toBe('5432');
        expect(decodeURIComponent(url.username)).toBe(pg['POSTGRES_USER']);
        expect(decodeURIComponent(url.password)).toBe(pg['POSTGRES_PASSWORD']);
        expect(url.pathname).toBe(`/${pg['POSTGRES_DB']}`);
      });

      it('waits for a healthy database and reports healthy only when /readyz does', () => {
        expect(service.depends_on?.['postgres']?.condition).toBe('service_healthy');
        const probe = JSON.stringify(service.healthcheck?.test);
        expect(probe).toContain(`127.0.0.1:${env['PORT']}/readyz`);
        expect(service.init).toBe(true);
      });
    });
  }

  it('starts the replicas together: neither waits for the other (migrations take an advisory lock)', () => {
    for (const name of REPLICAS) expect(Object.keys(compose.services[name]!.depends_on ?? {})).toEqual(['postgres']);
  });

  it('refuses to start without ADMIN_PASSWORD or POSTGRES_PASSWORD instead of inventing one', () => {
    expect(() => environmentOf(compose.services['app']!, { POSTGRES_PASSWORD: 'x' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => environmentOf(compose.services['app']!, { ADMIN_PASSWORD: 'correct-horse-battery-staple' })).toThrow(/POSTGRES_PASSWORD/);
    expect(() => environmentOf(compose.services['postgres']!, {})).toThrow(/POSTGRES_PASSWORD/);
    expect(() => environmentOf(compose.services['app']!, { ...SHELL, PERMIT_SIGNING_KEY: '' })).toThrow(/PERMIT_SIGNING_KEY/);
  });

  describe('proxy', () => {
    const proxy = compose.services['proxy']!;
    const caddyfile = read('deploy/Caddyfile');
    /** The Caddyfile without comments. */
    const directives = caddyfile
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter(Boolean);

    it('publishes one port and mounts deploy/Caddyfile', () => {
      expect(proxy.ports).toEqual(['${PUBLIC_PORT:-4000}:80']);
      expect(proxy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
      expect(directives).toContain(':80 {');
    });

    it('balances over every replica, on the port the replica listens on', () => {
      const upstreams = directives
        .find((line) => line.startsWith('reverse_proxy '))!
        .replace(/\s*\{$/, '')
        .split(/\s+/)
        .slice(1);
      const port = environmentOf(compose.services['app']!, SHELL)['PORT'];
      expect(upstreams.sort()).toEqual(REPLICAS.map((name) => `${name}:${port}`).sort());
      // Long-lived WebSockets: least connections, not round robin.
      expect(directives).toContain('lb_policy least_conn');
      expect(directives.some((line) => line.startsWith('lb_try_duration'))).toBe(true);
    });

    it('sends traffic only to ready replicas and starts after they are healthy', () => {
      expect(directives).toContain('health_uri /readyz');
      for (const name of REPLICAS) expect(proxy.depends_on?.[name]?.condition).toBe('service_healthy');
      expect(JSON.stringify(proxy.healthcheck?.test)).toContain('/readyz');
    });

    it('does not expose /metrics to the public', () => {
      expect(directives).toContain('respond /metrics 404');
    });

    it('passes WebSocket upgrades through (no directive strips Connection/Upgrade headers)', () => {
      expect(directives.filter((line) => /header_up\s+-?(Connection|Upgrade)/i.test(line))).toEqual([]);
    });
  });

  describe('.env.example', () => {
    const example = read('.env.example');
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
    const interpolated = [...new Set([...composeText.matchAll(/\$\{([A-Z0-9_]+)/g)].map((m) => m[1]!))];

    it('documents every variable docker-compose.yml reads from the shell, and no other', () => {
      expect([...documented].sort()).toEqual([...interpolated].sort());
    });

    it('explains each variable in a comment just above it', () => {
      const lines = example.split('\n');
      for (const name of documented) {
        const at = lines.findIndex((line) => line.startsWith(`${name}=`));
        expect(lines[at - 1], name).toMatch(/^#/);
      }
    });

    it('gives a working stack once the two required secrets are filled in', () => {
      const values = Object.fromEntries(
        example.split('\n').flatMap((line) => (/^[A-Z]/.test(line) ? [line.split(/=(.*)/s).slice(0, 2)] : [])),
      );
      expect(() => environmentOf(compose.services['app']!, values)).toThrow();
      const filled = { ...values, ...SHELL };
      expect(loadConfig(environmentOf(compose.services['app']!, filled)).env).toBe('production');
    });
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  /** The instructions of each stage, split at FROM. */
  const stages = instructions.reduce<string[][]>(
    (all, line) => (line.startsWith('FROM ') ? [...all, [line]] : (all.at(-1)!.push(line), all)),
    [],
  );
  const [build, runtime] = stages as [string[], string[]];
  const root = JSON.parse(read('package.json')) as { workspaces: string[]; scripts: Record<string, string> };

  it('has a build stage and a runtime stage, both on Node 24', () => {
    expect(stages).toHaveLength(2);
    expect(build[0]).toBe('FROM node:24-bookworm-slim AS build');
    expect(runtime[0]).toBe('FROM node:24-bookworm-slim');
  });

  it('builds with the whole locked dependency tree: the console and the compiled server', () => {
    expect(build).toContain('RUN npm ci');
    expect(root.scripts['build']).toContain('build-server.mjs');
    expect(build.some((line) => line.startsWith('RUN npm run build'))).toBe(true);
  });

  it('installs only the production dependencies at run time and takes the built files from the build stage', () => {
    expect(runtime.some((line) => line.startsWith('RUN npm ci --omit=dev'))).toBe(true);
    expect(runtime.some((line) => /^RUN npm ci(?! --omit=dev)/.test(line))).toBe(false);
    expect(runtime).toContain('COPY --from=build /app/server/dist server/dist');
    expect(runtime).toContain('COPY --from=build /app/client/dist client/dist');
    // No sources at run time: nothing to compile, and the start script sees a current console.
    expect(runtime.filter((line) => line.startsWith('COPY') && /\b(server\/src|client\/src|shared\/src|\. \.)\b/.test(line))).toEqual([]);
  });

  for (const [name, stage] of [
    ['build', () => build],
    ['runtime', () => runtime],
  ] as const) {
    it(`copies every workspace manifest before \`npm ci\` in the ${name} stage (npm ci fails on a workspace it cannot see)`, () => {
      const lines = stage();
      const install = lines.findIndex((line) => line.startsWith('RUN npm ci'));
      for (const workspace of root.workspaces) {
        const copy = lines.findIndex((line) => line.startsWith('COPY') && line.includes(`${workspace}/package.json`));
        expect(copy, `COPY ${workspace}/package.json`).toBeGreaterThan(-1);
        expect(copy).toBeLessThan(install);
      }
    });
  }

  it('runs in production on port 4000 as the unprivileged node user', () => {
    expect(runtime.some((line) => line.startsWith('ENV') && line.includes('NODE_ENV=production'))).toBe(true);
    expect(runtime).toContain('EXPOSE 4000');
    expect(runtime).toContain('USER node');
    expect(runtime.indexOf('USER node')).toBeGreaterThan(runtime.findIndex((line) => line.startsWith('RUN npm ci')));
    expect(runtime.find((line) => line.startsWith('HEALTHCHECK'))).toContain('/healthz');
  });

  it('starts what `npm start` starts without npm in between, so `docker stop` reaches the server', () => {
    // start.mjs runs the compiled server when tsx is absent (as here) and passes signals on.
    expect(root.scripts['start']).toBe('exec node scripts/start.mjs');
    expect(instructions.at(-1)).toBe('CMD ["node", "scripts/start.mjs"]');
    expect(
      runtime.some((line) => line.startsWith('COPY') && line.includes('scripts/start.mjs') && line.includes('scripts/build-console.mjs')),
    ).toBe(true);
  });
});
