import { cpSync, existsSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { platformPackage, SHARED_ROOT, startEmbeddedPostgres } from '../../server/src/core/database/embedded-postgres';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface LogLine {
  msg: string;
  dir?: string;
  binaries?: string;
}

// What a newcomer does as root: `git clone . "$(mktemp -d)/c"` (mode 700) or a clone under /root,
// then `npm start`. PostgreSQL's own system user can enter neither the project's node_modules
// (its binaries) nor its .data directory there.
describe('the embedded PostgreSQL of a project in a directory only its owner may enter', () => {
  it('starts, answers and stops; as root it runs its binaries and keeps its data in the shared directory', async () => {
    const privateDir = mkdtempSync(path.join(tmpdir(), 'cc-private-'));
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    // The project as the clone has it: the binaries package in its node_modules, the data in .data.
    const installed = platformPackage();
    const projectPackage = path.join(privateDir, 'project', 'node_modules', installed.name);
    mkdirSync(path.dirname(projectPackage), { recursive: true });
    cpSync(installed.dir, projectPackage, { recursive: true, verbatimSymlinks: true });
    const binaries = { ...installed, dir: projectPackage, entry: path.join(projectPackage, path.relative(installed.dir, installed.entry)) };
    const dir = path.join(privateDir, 'project', '.data', 'postgres');

    const lines: LogLine[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
    const database = await startEmbeddedPostgres({ dir, port: await freePort(), database: 'cc_private_dir', logger, binaries });
    const sharedData = lines.find((l) => l.dir?.startsWith(SHARED_ROOT))?.dir;
    const sharedBinaries = lines.find((l) => l.binaries)?.binaries;
    try {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ answer: number; pid: number }>('select 41 + 1 as answer, pg_backend_pid() as pid');
      // Which binary the server process runs, read while this connection's backend is alive.
      const executable = readlinkSync(`/proc/${rows[0]!.pid}/exe`);
      await client.end();
      expect(rows[0]!.answer).toBe(42);
      if (process.getuid?.() === 0) {
        expect(sharedBinaries).toBe(path.join(SHARED_ROOT, `${installed.name.replace('/', '+')}@${installed.version}`));
        expect(existsSync(path.join(sharedBinaries!, '.complete'))).toBe(true);
        // The server process runs the copy, not the project's own binaries it could not reach.
        expect(executable.startsWith(`${sharedBinaries}/`)).toBe(true);
        expect(sharedData).toMatch(new RegExp(`^${SHARED_ROOT}/data-[0-9a-f]{12}/postgres$`));
        expect(existsSync(path.join(sharedData!, 'PG_VERSION'))).toBe(true);
        expect(existsSync(dir)).toBe(false);
      } else {
        // An ordinary user runs PostgreSQL as themselves: nothing moves.
        expect([sharedBinaries, sharedData]).toEqual([undefined, undefined]);
        expect(existsSync(path.join(dir, 'PG_VERSION'))).toBe(true);
        expect(executable.startsWith(SHARED_ROOT)).toBe(false);
      }
    } finally {
      await database.stop();
      if (sharedData) rmSync(path.dirname(sharedData), { recursive: true, force: true });
      rmSync(privateDir, { recursive: true, force: true });
    }
  });
});
