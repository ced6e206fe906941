import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  encodeDocumentPayload,
  encodePermitPayload,
  type PermitTokenPayload,
  type PermitVerificationKey,
  type SignedDocument,
} from '@cc/shared';
import type { Config } from '../../core/config';
import type { Logger } from '../../core/logger';

/** What a permit's token states; the signer adds the key id and version. */
export type PermitTokenFacts = Omit<PermitTokenPayload, 'version' | 'keyId'>;

/** A key's id: derived from the public key itself, so no one has to assign or keep ids in step. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(publicKey), 'base64url').digest('base64url').slice(0, 11);
}

/** The 32 raw bytes of an Ed25519 public key, in base64url. */
export function rawPublicKey(publicKey: KeyObject): string {
  const { x } = publicKey.export({ format: 'jwk' });
  if (!x) throw new Error('not an Ed25519 public key');
  return x;
}

/**
 * Signs permit tokens and the revocation list with the current key; lists every key a
 * checkpoint should accept (the current one and the retired ones), so rotating the key does not
 * invalidate a permit already printed (docs/adr/0016-signed-permit-tokens.md).
 * Ed25519 signatures are deterministic: the same permit always prints the same QR.
 */
export class PermitSigner {
  readonly keyId: string;
  private readonly keys: readonly PermitVerificationKey[];

  constructor(
    private readonly privateKey: KeyObject,
    retiredPublicKeys: readonly string[] = [],
  ) {
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The permit signing key must be an Ed25519 key.');
    const current = createPublicKey(privateKey);
    this.keyId = keyIdOf(current);
    const retired = retiredPublicKeys.map((x) => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' }));
    const all = [current, ...retired].map((k) => ({ keyId: keyIdOf(k), publicKey: rawPublicKey(k) }));
    this.keys = all.filter((k, i) => all.findIndex((o) => o.keyId === k.keyId) === i);
  }

  /** The text a permit's QR code carries after '#'. */
  signPermit(facts: PermitTokenFacts): string {
    const segment = encodePermitPayload({ ...facts, keyId: this.keyId });
    return `${segment}.${this.signSegment(segment)}`;
  }

  /** A JSON document signed the same way (the revocation list). */
  signDocument(value: unknown): SignedDocument {
    const payload = encodeDocumentPayload(value);
    return { keyId: this.keyId, payload, signature: this.signSegment(payload) };
  }

  /** Every key a checkpoint accepts, current first. */
  verificationKeys(): readonly PermitVerificationKey[] {
    return this.keys;
  }

  private signSegment(segment: string): string {
    return sign(null, Buffer.from(segment, 'ascii'), this.privateKey).toString('base64url');
  }
}

/**
 * The signer from configuration. Production has a configured key (config.ts refuses to start
 * without one). Development keeps one generated key in a file beside the embedded database, so
 * permits printed yesterday still verify after a restart; tests use a key of their own per server.
 */
export function permitSignerFromConfig(config: Config, logger: Logger): PermitSigner {
  const { signingKeyPem, retiredPublicKeys } = config.permits;
  if (signingKeyPem) return new PermitSigner(createPrivateKey(signingKeyPem), retiredPublicKeys);
  if (config.env === 'production') throw new Error('PERMIT_SIGNING_KEY is required in production.');
  if (config.env === 'test') return new PermitSigner(generateKeyPairSync('ed25519').privateKey, retiredPublicKeys);
  const file = developmentKeyFile(config);
  return new PermitSigner(createPrivateKey(readOrCreateKeyFile(file, logger)), retiredPublicKeys);
}

/** `.data/permit-signing-key.pem` by default: next to the embedded PostgreSQL directory. */
export function developmentKeyFile(config: Config): string {
  return path.join(path.dirname(path.resolve(config.embeddedPg.dir)), 'permit-signing-key.pem');
}

function readOrCreateKeyFile(file: string, logger: Logger): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  try {
    // 'wx': of two servers starting at once, one writes and the other reads what it wrote.
    writeFileSync(file, pem, { flag: 'wx', mode: 0o600 });
    logger.warn({ file }, 'generated a development permit signing key; set PERMIT_SIGNING_KEY in production');
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8');
    throw error;
  }
}
