import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  base64UrlDecode,
  base64UrlEncode,
  decodePermitToken,
  permitQrText,
  tokenFromScan,
  verifyPermitToken,
  verifySignedDocument,
  type PermitRevocationList,
} from '@cc/shared';
import { loadConfig } from '../../core/config';
import { createLogger } from '../../core/logger';
import { developmentKeyFile, PermitSigner, permitSignerFromConfig } from './permit-signer';

const FACTS = {
  number: 'TX-7Q4M-KD2P-9WXA',
  plate: '京A·12345',
  greenChannel: true,
  cargoKind: 'EPIDEMIC_SUPPLIES',
  validFrom: new Date('2026-12-01T00:00:00Z'),
  validUntil: new Date('2026-12-08T00:00:00Z'),
};
const DURING = new Date('2026-12-03T10:00:00Z');

const newSigner = (retired: readonly string[] = []) => new PermitSigner(generateKeyPairSync('ed25519').privateKey, retired);

describe('signed permit tokens (the QR code a checkpoint checks offline)', () => {
  it('verifies a token it signed, with the permit as printed, using WebCrypto alone', async () => {
    const signer = newSigner();
    const token = signer.signPermit(FACTS);
    const check = await verifyPermitToken(token, signer.verificationKeys(), DURING);
    expect(check.status).toBe('VALID');
    expect(check.payload).toEqual({ ...FACTS, version: 1, keyId: signer.keyId });
  });

  it('signs deterministically: the same permit always prints the same QR', () => {
    const signer = newSigner();
    expect(signer.signPermit(FACTS)).toBe(signer.signPermit({ ...FACTS }));
  });

  it('answers by the validity window: not yet valid, valid, expired at validUntil', async () => {
    const signer = newSigner();
    const token = signer.signPermit(FACTS);
    const keys = signer.verificationKeys();
    expect((await verifyPermitToken(token, keys, new Date('2026-11-30T23:59:59Z'))).status).toBe('NOT_YET_VALID');
    expect((await verifyPermitToken(token, keys, FACTS.validFrom)).status).toBe('VALID');
    expect((await verifyPermitToken(token, keys, new Date(FACTS.validUntil.getTime() - 1000))).status).toBe('VALID');
    expect((await verifyPermitToken(token, keys, FACTS.validUntil)).status).toBe('EXPIRED');
  });

  it('answers REVOKED for a number on the revocation list the device holds', async () => {
    const signer = newSigner();
    const check = await verifyPermitToken(signer.signPermit(FACTS), signer.verificationKeys(), DURING, new Set([FACTS.number]));
    expect(check.status).toBe('REVOKED');
  });

  it('refuses a tampered payload (a longer validity, another plate) as FORGED', async () => {
    const signer = newSigner();
    const token = signer.signPermit(FACTS);
    const [, signature] = token.split('.');
    const decoded = decodePermitToken(token)!;
    for (const change of [{ validUntil: new Date('2027-12-08T00:00:00Z') }, { plate: '京B·99999' }, { greenChannel: false }]) {
      const forgedSegment = signer.signPermit({ ...FACTS, ...change }).split('.')[0];
      const check = await verifyPermitToken(`${forgedSegment}.${signature}`, signer.verificationKeys(), DURING);
      expect(check).toEqual({ status: 'FORGED', payload: null });
    }
    expect(decoded.payload.number).toBe(FACTS.number);
  });

  it('refuses a token signed by a key it does not know, even one claiming a known key id', async () => {
    const trusted = newSigner();
    const stranger = newSigner();
    const foreign = stranger.signPermit(FACTS);
    expect((await verifyPermitToken(foreign, trusted.verificationKeys(), DURING)).status).toBe('FORGED');
    // The stranger's signature over a payload naming the trusted key id still fails.
    const segment = trusted.signPermit(FACTS).split('.')[0];
    const strangerSig = stranger.signDocument('x').signature;
    expect((await verifyPermitToken(`${segment}.${strangerSig}`, trusted.verificationKeys(), DURING)).status).toBe('FORGED');
  });

  it('refuses malformed text as FORGED, never throwing', async () => {
    const keys = newSigner().verificationKeys();
    for (const text of ['', '.', 'abc', 'a.b.c', '!!!.???', `${base64UrlEncode(new TextEncoder().encode('[1]'))}.AAAA`]) {
      expect((await verifyPermitToken(text, keys, DURING)).status).toBe('FORGED');
    }
  });

  it('refuses a second spelling of the same signature bytes (stray base64 bits)', async () => {
    const signer = newSigner();
    const [segment, signature] = signer.signPermit(FACTS).split('.') as [string, string];
    const last = signature.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 64 bytes end in a character carrying 2 data bits and 4 padding bits; flipping a padding bit keeps the bytes.
    const twin = alphabet[alphabet.indexOf(last) ^ 1]!;
    expect(() => base64UrlDecode(signature.slice(0, -1) + twin)).toThrow(RangeError);
    expect((await verifyPermitToken(`${segment}.${signature.slice(0, -1)}${twin}`, signer.verificationKeys(), DURING)).status).toBe(
      'FORGED',
    );
  });

  it('keeps permits signed with a retired key valid after rotation, when its public key stays in the set', async () => {
    const before = newSigner();
    const oldToken = before.signPermit(FACTS);
    const retiredKey = before.verificationKeys()[0]!.publicKey;
    const after = newSigner([retiredKey]);
    expect(after.keyId).not.toBe(before.keyId);
    expect(after.verificationKeys().map((k) => k.keyId)).toEqual([after.keyId, before.keyId]);
    expect((await verifyPermitToken(oldToken, after.verificationKeys(), DURING)).status).toBe('VALID');
    expect((await verifyPermitToken(after.signPermit(FACTS), after.verificationKeys(), DURING)).status).toBe('VALID');
    // Without the retired key the old permit is no longer provable.
    expect((await verifyPermitToken(oldToken, newSigner().verificationKeys(), DURING)).status).toBe('FORGED');
  });

  it('signs the revocation list so a device can tell it came from the HQ', async () => {
    const signer = newSigner();
    const list: PermitRevocationList = {
      kind: 'permit-revocations',
      issuedAt: DURING.toISOString(),
      since: null,
      revocations: [{ number: FACTS.number, revokedAt: DURING.toISOString() }],
    };
    const document = signer.signDocument(list);
    expect(await verifySignedDocument(document, signer.verificationKeys())).toEqual(list);
    const altered = { ...document, payload: signer.signDocument({ ...list, revocations: [] }).payload };
    expect(await verifySignedDocument(altered, signer.verificationKeys())).toBeNull();
  });

  it('puts the token in the URL fragment of the QR text, and reads it back from a scan', () => {
    const token = newSigner().signPermit(FACTS);
    const text = permitQrText('https://hq.example/', FACTS.number, token);
    expect(text).toBe(`https://hq.example/verify/${FACTS.number}#${token}`);
    expect(tokenFromScan(text)).toBe(token);
    expect(tokenFromScan(` ${token}\n`)).toBe(token);
  });

  it('keeps one development key on disk, beside the embedded database, so a restart verifies yesterday’s permits', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'permit-key-'));
    const config = loadConfig({ NODE_ENV: 'development', EMBEDDED_PG_DIR: path.join(dir, 'postgres') });
    const logger = createLogger('silent', 'test');
    const first = permitSignerFromConfig(config, logger);
    const token = first.signPermit(FACTS);
    const afterRestart = permitSignerFromConfig(config, logger);
    expect(afterRestart.keyId).toBe(first.keyId);
    expect((await verifyPermitToken(token, afterRestart.verificationKeys(), DURING)).status).toBe('VALID');
    expect(developmentKeyFile(config)).toBe(path.join(dir, 'permit-signing-key.pem'));
    expect(statSync(developmentKeyFile(config)).mode & 0o777).toBe(0o600);
  });

  it('signs with the configured key, keeping the retired ones for verification', () => {
    const key = generateKeyPairSync('ed25519');
    const retired = newSigner().verificationKeys()[0]!;
    const config = loadConfig({
      PERMIT_SIGNING_KEY: key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      PERMIT_VERIFY_KEYS: retired.publicKey,
    });
    const signer = permitSignerFromConfig(config, createLogger('silent', 'test'));
    expect(signer.verificationKeys()).toEqual([{ keyId: signer.keyId, publicKey: key.publicKey.export({ format: 'jwk' }).x }, retired]);
  });
});
