import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDatabase, dropDatabase } from '../support/database';
import { startTestApp } from '../support/test-app';
import { PDF_BYTES, registerOk, uploadOk } from './coordination/document-helpers';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** Everything a restore must bring back: each table's rows (as a digest), sequence positions and triggers. */
async function snapshot(url: string) {
  const tables = await query(url, `select tablename from pg_tables where schemaname = 'public' order by tablename`);
  const rows: Record<string, { count: number; digest: string }> = {};
  for (const { tablename } of tables) {
    const [result] = await query(
      url,
      `select count(*)::int as count, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as digest from "${String(tablename)}" t`,
    );
    rows[String(tablename)] = { count: Number(result!.count), digest: String(result!.digest) };
  }
  const sequences = await query(url, `select sequencename, last_value from pg_sequences where schemaname = 'public' order by 1`);
  const triggers = await query(
    url,
    `select tgrelid::regclass::text as on_table, tgname, pg_get_triggerdef(oid) as definition
       from pg_trigger where not tgisinternal order by 1, 2`,
  );
  return { rows, sequences, triggers };
}

async function npmScript(script: 'backup' | 'restore', databaseUrl: string, file: string) {
  return run(process.execPath, [`scripts/${script}.mjs`, '--file', file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

describe('npm run backup, then npm run restore into a fresh database', () => {
  const adminUrl = inject('pgAdminUrl');
  const source = `cc_t_${randomBytes(6).toString('hex')}`;
  const target = `cc_t_${randomBytes(6).toString('hex')}`;
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cc-backup-')), 'command-centre.dump');
  let sourceUrl: string;
  let targetUrl: string;
  let attachmentId: string;

  beforeAll(async () => {
    sourceUrl = await createDatabase(adminUrl, source);
    const t = await startTestApp({ databaseUrl: sourceUrl, seed: true });
    try {
      const cookie = await t.login('leader');
      const reported = await t.gql<{ reportIncident: { id: string } }>(
        'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
        { input: { title: '备份演练：堤坝渗漏', incidentClass: 'A' } },
        cookie,
      );
      expect(reported.errors).toBeUndefined();
      const assigned = await t.gql(
        'mutation($input: AssignIncidentInput!) { assignIncident(input: $input) { id } }',
        { input: { id: reported.data!.reportIncident.id, assignedGroup: 'TRANSPORT' } },
        await t.login('duty'),
      );
      expect(assigned.errors).toBeUndefined();
      // A document's attachment: its bytes live in the database (ADR 0021), so the dump carries them.
      const coordinator = await t.login('coordinator');
      attachmentId = await uploadOk(t, coordinator);
      await registerOk(t, coordinator, { attachmentIds: [attachmentId] });
    } finally {
      await t.close(); // quiet: nothing writes between the snapshot and the dump
    }
    targetUrl = new URL(sourceUrl).toString().replace(`/${source}`, `/${target}`);
  });
  afterAll(async () => {
    await dropDatabase(adminUrl, source);
    await dropDatabase(adminUrl, target);
  });

  it('restores records, audit trail, outbox events, sequences and append-only triggers identically', async () => {
    const before = await snapshot(sourceUrl);
    expect(before.rows.audit_record!.count).toBeGreaterThan(0);
    expect(before.rows.event!.count).toBeGreaterThan(0);
    expect(before.triggers.map((t) => t.tgname)).toContain('audit_record_no_update');
    expect(before.rows.attachment_content!.count).toBe(1);

    const backup = await npmScript('backup', sourceUrl, file);
    expect(backup.stdout).toMatch(/Backed up .* \(PostgreSQL \d+\)/);
    const restore = await npmScript('restore', targetUrl, file);
    expect(restore.stdout).toMatch(/Restored/);

    expect(await snapshot(targetUrl)).toEqual(before);
    await expect(query(targetUrl, `update audit_record set operation = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(query(targetUrl, `delete from audit_record`)).rejects.toThrow(/append-only/);
  });

  it('refuses to restore over a database that already has tables', async () => {
    await expect(npmScript('restore', sourceUrl, file)).rejects.toMatchObject({ stderr: expect.stringMatching(/already has \d+ tables/) });
  });

  it('the restored database serves: a server starts on it and the demo users sign in', async () => {
    const t = await startTestApp({ databaseUrl: targetUrl, seed: false });
    try {
      expect(await t.login('leader')).toMatch(/=/);
      // The attachment comes back byte for byte, served to those who may see its document.
      const download = await fetch(`${t.url}/attachments/${attachmentId}`, { headers: { cookie: await t.login('coordinator') } });
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    } finally {
      await t.close();
    }
  });
});
