import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { permitQrText, type PermitRevocationList } from '@cc/shared';
import { PermitSigner } from '../../../server/src/modules/permits/permit-signer';

// No server and no database here: the checkpoint's check is scripts/verify-permit.mjs run as its own process.
const SCRIPT = path.resolve(import.meta.dirname, '../../../scripts/verify-permit.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'verify-permit-'));

const FACTS = {
  number: 'TX-7Q4M-KD2P-9WXA',
  plate: '京A·12345',
  greenChannel: true,
  cargoKind: 'EPIDEMIC_SUPPLIES',
  validFrom: new Date('2026-12-01T00:00:00Z'),
  validUntil: new Date('2026-12-08T00:00:00Z'),
};
const DURING = '2026-12-03T10:00:00Z';

const newSigner = (retired: readonly string[] = []) => new PermitSigner(generateKeyPairSync('ed25519').privateKey, retired);

function file(name: string, value: unknown): string {
  const at = path.join(dir, name);
  writeFileSync(at, JSON.stringify(value));
  return at;
}

function keysFile(signer: PermitSigner): string {
  return file(`keys-${signer.keyId}.json`, { keys: signer.verificationKeys() });
}

function verify(scanned: string, args: string[], input?: string) {
  const run = spawnSync(process.execPath, [SCRIPT, ...args, ...(input === undefined ? [scanned] : ['-'])], {
    encoding: 'utf8',
    input,
    timeout: 20_000,
  });
  return { code: run.status, out: run.stdout.trim(), err: run.stderr.trim() };
}

describe('the offline permit verifier (scripts/verify-permit.mjs, no server)', () => {
  it('says VALID for the URL a printed QR holds, with the permit details, and exits 0', () => {
    const signer = newSigner();
    const qr = permitQrText('https://hq.example', FACTS.number, signer.signPermit(FACTS));
    const result = verify(qr, ['--keys', keysFile(signer), '--now', DURING]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toMatch(
      /^VALID TX-7Q4M-KD2P-9WXA plate 京A·12345 cargo EPIDEMIC_SUPPLIES green-channel valid 2026-12-01T00:00:00.000Z to 2026-12-08T00:00:00.000Z/,
    );
  });

  it('reads the scan from standard input too', () => {
    const signer = newSigner();
    const result = verify('', ['--keys', keysFile(signer), '--now', DURING], `${signer.signPermit(FACTS)}\n`);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^VALID /);
  });

  it('says EXPIRED and NOT_YET_VALID outside the validity window, exiting 1', () => {
    const signer = newSigner();
    const token = signer.signPermit(FACTS);
    expect(verify(token, ['--keys', keysFile(signer), '--now', '2026-12-08T00:00:00Z'])).toMatchObject({
      code: 1,
      out: expect.stringMatching(/^EXPIRED /),
    });
    expect(verify(token, ['--keys', keysFile(signer), '--now', '2026-11-30T00:00:00Z'])).toMatchObject({
      code: 1,
      out: expect.stringMatching(/^NOT_YET_VALID /),
    });
  });

  it('says FORGED for a tampered token or one signed by an unknown key, exiting 2', () => {
    const signer = newSigner();
    const [, signature] = signer.signPermit(FACTS).split('.');
    const longer = signer.signPermit({ ...FACTS, validUntil: new Date('2027-06-01T00:00:00Z') }).split('.')[0];
    expect(verify(`${longer}.${signature}`, ['--keys', keysFile(signer), '--now', DURING])).toMatchObject({
      code: 2,
      out: expect.stringMatching(/^FORGED /),
    });
    expect(verify(newSigner().signPermit(FACTS), ['--keys', keysFile(signer), '--now', DURING]).code).toBe(2);
    expect(verify('not a permit', ['--keys', keysFile(signer), '--now', DURING]).code).toBe(2);
  });

  it('keeps a permit signed before a key rotation VALID with the rotated key set', () => {
    const before = newSigner();
    const oldToken = before.signPermit(FACTS);
    const after = newSigner([before.verificationKeys()[0]!.publicKey]);
    expect(verify(oldToken, ['--keys', keysFile(after), '--now', DURING])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^VALID /),
    });
    expect(verify(after.signPermit(FACTS), ['--keys', keysFile(after), '--now', DURING]).code).toBe(0);
  });

  it('says REVOKED for a number on a signed revocation list, and refuses an unsigned or altered list', () => {
    const signer = newSigner();
    const token = signer.signPermit(FACTS);
    const list: PermitRevocationList = {
      kind: 'permit-revocations',
      issuedAt: DURING,
      since: null,
      revocations: [{ number: FACTS.number, revokedAt: DURING }],
    };
    const signed = signer.signDocument(list);
    const keys = keysFile(signer);
    expect(verify(token, ['--keys', keys, '--revocations', file('list.json', signed), '--now', DURING])).toMatchObject({
      code: 1,
      out: expect.stringMatching(/^REVOKED TX-7Q4M-KD2P-9WXA/),
    });
    const emptied = { ...signed, payload: signer.signDocument({ ...list, revocations: [] }).payload };
    const refused = verify(token, ['--keys', keys, '--revocations', file('emptied.json', emptied), '--now', DURING]);
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/not a revocation list signed by one of the keys/);
  });

  it('names what is missing when the keys file is not given', () => {
    const result = verify('x', []);
    expect(result.code).toBe(3);
    expect(result.err).toMatch(/--keys keys\.json/);
  });
});
