import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * A floor under the dependencies that face the network or build what browsers run. `npm audit`
 * cannot reach this registry, so the known advisories are written down here, each with the
 * first fixed release of every release line that got a fix, and checked against
 * package-lock.json (every installed copy, nested ones included).
 *
 * Reading a row: a version is safe when its release line (major, or 0.minor below 1.0) is listed
 * and it is at or above that fix; or when its line is newer than every listed line (released
 * after the fix); or when it is older than `since` (never affected). An older line with no fix
 * of its own is vulnerable. Add a row when an advisory is published; never delete one.
 */
interface Advisory {
  id: string;
  packages: RegExp;
  fixed: readonly string[];
  since?: string;
  what: string;
}

const ADVISORIES: readonly Advisory[] = [
  // GraphQL over HTTP
  { id: 'GHSA-8r69-3cvp-wxc3', packages: /^@apollo\/server$/, fixed: ['4.1.0'], what: 'cache-control header wrong for batched requests' },
  {
    id: 'GHSA-j5g3-5c8r-7qfx',
    packages: /^@apollo\/server$/,
    fixed: ['4.9.3'],
    what: 'API key leaked in an error message (usage reporting)',
  },
  {
    id: 'CVE-2026-23897 / GHSA-mp6q-xf9x-fwf7',
    packages: /^@apollo\/server$/,
    fixed: ['4.13.0', '5.4.0'],
    since: '4.2.0',
    what: 'DoS through exotic charsets (standalone server)',
  },
  { id: 'GHSA-9q82-xgwf-vj6h', packages: /^@apollo\/server$/, fixed: ['5.5.0'], what: 'XS-Search CSRF bypass through a browser CORS bug' },
  {
    id: 'CVE-2023-26144 / GHSA-9pv7-vfvm-6vr7',
    packages: /^graphql$/,
    fixed: ['16.8.1'],
    since: '16.3.0',
    what: 'DoS in OverlappingFieldsCanBeMerged',
  },
  // WebSocket
  {
    id: 'CVE-2021-32640 / GHSA-6fc8-4gx4-v693',
    packages: /^ws$/,
    fixed: ['5.2.3', '6.2.2', '7.4.6'],
    what: 'ReDoS in Sec-Websocket-Protocol',
  },
  {
    id: 'CVE-2024-37890 / GHSA-3h5v-q93c-6h6q',
    packages: /^ws$/,
    fixed: ['5.2.4', '6.2.3', '7.5.10', '8.17.1'],
    what: 'DoS by a request with many headers',
  },
  {
    id: 'CVE-2026-45736 / GHSA-58qx-3vcg-4xpx',
    packages: /^ws$/,
    fixed: ['8.20.1'],
    since: '8.0.0',
    what: 'uninitialised memory disclosure',
  },
  {
    id: 'CVE-2026-48779 / GHSA-96hv-2xvq-fx4p',
    packages: /^ws$/,
    fixed: ['8.21.0'],
    since: '8.0.0',
    what: 'memory exhaustion by tiny fragmented frames',
  },
  // Database
  {
    id: 'CVE-2026-34220 / GHSA-gwhv-j974-6fxm',
    packages: /^@mikro-orm\//,
    fixed: ['6.6.10', '7.0.6'],
    what: 'SQL injection through crafted objects',
  },
  { id: 'GHSA-qpfv-44f3-qqx6', packages: /^@mikro-orm\//, fixed: ['6.6.10', '7.0.6'], what: 'prototype pollution in Utils.merge' },
  {
    id: 'CVE-2026-44680 / GHSA-cfw5-68c4-ffqp',
    packages: /^@mikro-orm\//,
    fixed: ['6.6.14', '7.0.14'],
    what: 'SQL injection through JSON-path keys and identifiers',
  },
  // HTTP
  {
    id: 'CVE-2024-29041 / GHSA-rv95-896h-c2vc',
    packages: /^express$/,
    fixed: ['4.19.2', '5.0.0-beta.3'],
    what: 'open redirect with malformed URLs',
  },
  { id: 'CVE-2024-43796 / GHSA-qw6h-vgh9-j6wx', packages: /^express$/, fixed: ['4.20.0', '5.0.0'], what: 'XSS in res.redirect()' },
  {
    id: 'CVE-2024-47764 / GHSA-pxg6-pf52-xh8x',
    packages: /^cookie$/,
    fixed: ['0.7.0'],
    what: 'cookie name, path and domain accept out-of-bounds characters',
  },
  {
    id: 'CVE-2024-45296 / GHSA-9wv6-86v2-598j',
    packages: /^path-to-regexp$/,
    fixed: ['0.1.10', '1.9.0', '3.3.0', '6.3.0', '8.0.0'],
    what: 'ReDoS from backtracking patterns',
  },
  {
    id: 'CVE-2024-52798 / GHSA-rhx6-c78j-4q9w',
    packages: /^path-to-regexp$/,
    fixed: ['0.1.12'],
    what: 'ReDoS in 0.1.x (incomplete earlier fix)',
  },
  {
    id: 'CVE-2026-4926 / GHSA-j3q9-mxjg-w52f',
    packages: /^path-to-regexp$/,
    fixed: ['8.4.0'],
    since: '8.0.0',
    what: 'DoS by sequential optional groups',
  },
  {
    id: 'CVE-2026-4923 / GHSA-27v5-c462-wpq7',
    packages: /^path-to-regexp$/,
    fixed: ['8.4.0'],
    since: '8.0.0',
    what: 'ReDoS with multiple wildcards',
  },
  { id: 'CVE-2024-45590 / GHSA-qwcr-r2fm-qrc7', packages: /^body-parser$/, fixed: ['1.20.3'], what: 'DoS when URL encoding is enabled' },
  {
    id: 'CVE-2025-13466 / GHSA-wqch-xfxh-vrr4',
    packages: /^body-parser$/,
    fixed: ['2.2.1'],
    since: '2.2.0',
    what: 'DoS when URL encoding is used (2.2.0)',
  },
  // Build tools (they build what every console runs, and serve it in development)
  {
    id: 'CVE-2026-39363 / GHSA-p9ff-h696-f583',
    packages: /^vite$/,
    fixed: ['6.4.2', '7.3.2', '8.0.5'],
    since: '6.0.0',
    what: 'arbitrary file read over the dev server WebSocket',
  },
  { id: 'CVE-2026-39364 / GHSA-v2wj-q39q-566r', packages: /^vite$/, fixed: ['7.3.2', '8.0.5'], what: 'server.fs.deny bypass with queries' },
  {
    id: 'CVE-2026-39365 / GHSA-4w7w-66w2-5vf9',
    packages: /^vite$/,
    fixed: ['6.4.2', '7.3.2', '8.0.5'],
    since: '6.0.0',
    what: 'path traversal in optimised deps .map handling',
  },
  {
    id: 'CVE-2026-53571 / GHSA-fx2h-pf6j-xcff',
    packages: /^vite$/,
    fixed: ['6.4.3', '7.3.5', '8.0.16'],
    since: '6.0.0',
    what: 'server.fs.deny bypass on Windows alternate paths',
  },
  { id: 'GHSA-67mh-4wv8-2f99', packages: /^esbuild$/, fixed: ['0.25.0'], what: 'any website can read the dev server’s responses (CORS)' },
  {
    id: 'GHSA-gv7w-rqvm-qjhr',
    packages: /^esbuild$/,
    fixed: ['0.28.1'],
    since: '0.17.0',
    what: 'binary integrity not verified in the Deno module',
  },
  { id: 'GHSA-g7r4-m6w7-qqqr', packages: /^esbuild$/, fixed: ['0.28.1'], what: 'file read through the dev server on Windows' },
];

/** The packages this floor watches; every one of them must be in the lock file. */
const WATCHED = [
  '@apollo/server',
  'graphql',
  'ws',
  '@mikro-orm/core',
  'express',
  'cookie',
  'path-to-regexp',
  'body-parser',
  'vite',
  'esbuild',
];

/** Every MikroORM package moves together: mixed versions share no metadata and fail at runtime. */
const MIKRO_ORM_VERSION = '7.2.1';

interface Version {
  parts: [number, number, number];
  pre: string | undefined;
}

function parse(version: string): Version {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(version);
  if (!match) throw new Error(`not a semantic version: ${version}`);
  return { parts: [Number(match[1]), Number(match[2]), Number(match[3])], pre: match[4] };
}

function compare(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.parts[i] !== y.parts[i]) return x.parts[i]! - y.parts[i]!;
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** A release line: the major, or `0.minor` below 1.0 (where minors break, as in semver carets). */
function lineOf(version: string): [number, number] {
  const { parts } = parse(version);
  return parts[0] === 0 ? [0, parts[1]] : [parts[0], -1];
}

const compareLines = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];

/** The fixed release this version needs, or null when it is not affected. */
function requiredFix(advisory: Pick<Advisory, 'fixed' | 'since'>, version: string): string | null {
  if (advisory.since && compare(version, advisory.since) < 0) return null;
  const line = lineOf(version);
  const sameLine = advisory.fixed.filter((f) => compareLines(lineOf(f), line) === 0).sort(compare)[0];
  if (sameLine) return compare(version, sameLine) >= 0 ? null : sameLine;
  const newest = [...advisory.fixed].sort(compare).at(-1)!;
  if (compareLines(line, lineOf(newest)) > 0) return null;
  // An older line that never got a fix: the lowest fixed release above it is the way out.
  return [...advisory.fixed].sort(compare).find((f) => compare(f, version) > 0) ?? newest;
}

interface LockFile {
  lockfileVersion: number;
  packages: Record<string, { version?: string; link?: boolean; name?: string }>;
}

/** Every installed copy: name, version and where it sits (`node_modules/a/node_modules/b`). */
function installed(): { name: string; version: string; path: string }[] {
  const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as LockFile;
  expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.includes('node_modules/') && entry.version && !entry.link)
    .map(([path, entry]) => ({
      name: entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
      version: entry.version!,
      path,
    }));
}

describe('dependency advisory floor (package-lock.json)', () => {
  const packages = installed();

  it('has every watched package in the lock file (a renamed or dropped package must update this floor)', () => {
    const names = new Set(packages.map((p) => p.name));
    expect(WATCHED.filter((name) => !names.has(name))).toEqual([]);
  });

  for (const advisory of ADVISORIES) {
    it(`has no installed copy affected by ${advisory.id} (${advisory.what})`, () => {
      const affected = packages
        .filter((p) => advisory.packages.test(p.name))
        .map((p) => ({ ...p, needs: requiredFix(advisory, p.version) }))
        .filter((p) => p.needs !== null)
        .map((p) => `${p.path}@${p.version} needs >= ${p.needs}`);
      expect(affected).toEqual([]);
    });
  }

  it(`keeps every @mikro-orm/* package at exactly ${MIKRO_ORM_VERSION}`, () => {
    const orm = packages.filter((p) => p.name.startsWith('@mikro-orm/'));
    expect(orm.length).toBeGreaterThanOrEqual(3);
    expect(orm.filter((p) => p.version !== MIKRO_ORM_VERSION).map((p) => `${p.path}@${p.version}`)).toEqual([]);
  });

  it('reads release lines the way the advisories publish them', () => {
    const ws = { fixed: ['5.2.4', '6.2.3', '7.5.10', '8.17.1'] };
    expect(requiredFix(ws, '8.17.0')).toBe('8.17.1');
    expect(requiredFix(ws, '8.17.1')).toBeNull();
    expect(requiredFix(ws, '7.5.9')).toBe('7.5.10');
    expect(requiredFix(ws, '9.0.0')).toBeNull();
    expect(requiredFix(ws, '4.1.0')).toBe('5.2.4');
    const pathToRegexp = { fixed: ['0.1.10', '1.9.0', '3.3.0', '6.3.0', '8.0.0'] };
    expect(requiredFix(pathToRegexp, '0.1.7')).toBe('0.1.10');
    expect(requiredFix(pathToRegexp, '2.4.0')).toBe('3.3.0');
    expect(requiredFix(pathToRegexp, '7.1.0')).toBe('8.0.0');
    const cookie = { fixed: ['0.7.0'] };
    expect(requiredFix(cookie, '0.6.0')).toBe('0.7.0');
    expect(requiredFix(cookie, '1.0.2')).toBeNull();
    expect(requiredFix({ fixed: ['2.2.1'], since: '2.2.0' }, '1.20.3')).toBeNull();
    expect(requiredFix({ fixed: ['2.2.1'], since: '2.2.0' }, '2.2.0')).toBe('2.2.1');
    expect(requiredFix({ fixed: ['4.19.2', '5.0.0-beta.3'] }, '5.0.0-beta.1')).toBe('5.0.0-beta.3');
    expect(requiredFix({ fixed: ['4.19.2', '5.0.0-beta.3'] }, '5.3.0')).toBeNull();
  });
});
