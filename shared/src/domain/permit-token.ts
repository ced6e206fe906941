/**
 * The signed permit token a printed permit's QR code carries, and its offline check (issue 21).
 *
 * A checkpoint must be able to tell a real permit from a forged one without a network, so the
 * QR holds the permit's essentials signed with the HQ's Ed25519 key:
 *
 *   token   = base64url(payload) "." base64url(signature)
 *   payload = UTF-8 JSON array [version, keyId, number, plate, green (0|1), cargoKind, validFrom, validUntil]
 *             (times in whole seconds since the epoch)
 *
 * The signature covers the payload segment's ASCII text exactly as printed (as JWS does), so
 * there is no re-serialising to agree on and no second spelling of the same payload.
 * The key id names the key, so a rotated key does not invalidate permits issued before it:
 * the verification set keeps old public keys (docs/adr/0016-signed-permit-tokens.md).
 *
 * No imports, no Node-only APIs: WebCrypto (`globalThis.crypto.subtle`) runs the same check in
 * Node 24, browsers and scripts/verify-permit.mjs, which imports this file directly.
 */

export const PERMIT_TOKEN_VERSION = 1;

/** What the QR proves about a permit (nothing personal beyond the plate). */
export interface PermitTokenPayload {
  version: number;
  keyId: string;
  number: string;
  plate: string;
  greenChannel: boolean;
  cargoKind: string;
  validFrom: Date;
  validUntil: Date;
}

/** A public key checkpoints verify with: Ed25519, the 32 raw bytes in base64url. */
export interface PermitVerificationKey {
  keyId: string;
  publicKey: string;
}

/** The answer of an offline check; FORGED covers every token that is malformed or not signed by a known key. */
export type PermitTokenStatus = 'VALID' | 'EXPIRED' | 'REVOKED' | 'NOT_YET_VALID' | 'FORGED';

export interface PermitTokenCheck {
  status: PermitTokenStatus;
  /** Null when FORGED: nothing in an unsigned token is to be believed. */
  payload: PermitTokenPayload | null;
}

/** A document signed like a token (the revocation list): its JSON in base64url, and the signature over that text. */
export interface SignedDocument {
  keyId: string;
  payload: string;
  signature: string;
}

/** One revoked permit in the revocation list. */
export interface PermitRevocation {
  number: string;
  revokedAt: string;
}

/** The revocation list's contents (GET /permits/revocations): every revocation after `since`, as of `issuedAt`. */
export interface PermitRevocationList {
  kind: 'permit-revocations';
  issuedAt: string;
  since: string | null;
  revocations: PermitRevocation[];
}

/**
 * The public check's whole answer (verifyPermit): one of these and the validity end, nothing else.
 * UNKNOWN also stands for a malformed number, so the answer tells nothing about the numbering.
 */
export const PERMIT_VERIFICATION_RESULTS = ['VALID', 'NOT_YET_VALID', 'EXPIRED', 'REVOKED', 'UNKNOWN'] as const;
export type PermitVerificationResult = (typeof PERMIT_VERIFICATION_RESULTS)[number];

/** Where the public verification page lives; a QR holds `<origin>/verify/<number>#<token>`. */
export const PERMIT_VERIFY_PATH = '/verify';

const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** The URL a permit's QR code holds: a phone opens the public page; a checkpoint reads the token after '#', which no server ever sees. */
export function permitQrText(origin: string, number: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}${PERMIT_VERIFY_PATH}/${encodeURIComponent(number)}#${token}`;
}

/** The token in what a scanner read: the fragment of a permit URL, or a bare token. */
export function tokenFromScan(text: string): string {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  return hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
}

/** The payload segment to sign (the server signs it; see permit-signer.ts). */
export function encodePermitPayload(payload: Omit<PermitTokenPayload, 'version'>): string {
  for (const [name, value] of [
    ['number', payload.number],
    ['plate', payload.plate],
    ['cargoKind', payload.cargoKind],
    ['keyId', payload.keyId],
  ] as const) {
    if (!value) throw new RangeError(`A permit token needs a ${name}.`);
  }
  const row = [
    PERMIT_TOKEN_VERSION,
    payload.keyId,
    payload.number,
    payload.plate,
    payload.greenChannel ? 1 : 0,
    payload.cargoKind,
    Math.floor(payload.validFrom.getTime() / 1000),
    Math.ceil(payload.validUntil.getTime() / 1000),
  ];
  return base64UrlEncode(new TextEncoder().encode(JSON.stringify(row)));
}

/** Reads a token's payload without checking its signature (null when malformed). Never trust it unverified. */
export function decodePermitToken(token: string): { segment: string; signature: string; payload: PermitTokenPayload } | null {
  const parts = token.trim().split('.');
  if (parts.length !== 2) return null;
  const [segment, signature] = parts as [string, string];
  if (!SEGMENT.test(segment) || !SEGMENT.test(signature)) return null;
  let row: unknown;
  try {
    row = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64UrlDecode(segment)));
  } catch {
    return null;
  }
  if (!Array.isArray(row) || row.length !== 8) return null;
  const [version, keyId, number, plate, green, cargoKind, from, until] = row as unknown[];
  if (version !== PERMIT_TOKEN_VERSION) return null;
  if (typeof keyId !== 'string' || typeof number !== 'string' || typeof plate !== 'string' || typeof cargoKind !== 'string') return null;
  if ((green !== 0 && green !== 1) || !Number.isSafeInteger(from) || !Number.isSafeInteger(until)) return null;
  return {
    segment,
    signature,
    payload: {
      version,
      keyId,
      number,
      plate,
      greenChannel: green === 1,
      cargoKind,
      validFrom: new Date((from as number) * 1000),
      validUntil: new Date((until as number) * 1000),
    },
  };
}

/** Where `now` falls in a permit's validity: [validFrom, validUntil). */
export function permitWindowStatus(validFrom: Date, validUntil: Date, now: Date): 'VALID' | 'EXPIRED' | 'NOT_YET_VALID' {
  if (now.getTime() < validFrom.getTime()) return 'NOT_YET_VALID';
  if (now.getTime() >= validUntil.getTime()) return 'EXPIRED';
  return 'VALID';
}

/**
 * The offline check: is the token signed by one of `keys`, and is the permit valid at `now`?
 * `revoked` is the set of numbers of a (verified) revocation list the device holds.
 */
export async function verifyPermitToken(
  token: string,
  keys: readonly PermitVerificationKey[],
  now: Date,
  revoked: ReadonlySet<string> = new Set(),
): Promise<PermitTokenCheck> {
  const decoded = decodePermitToken(token);
  if (!decoded) return { status: 'FORGED', payload: null };
  if (!(await signatureHolds(decoded.segment, decoded.signature, decoded.payload.keyId, keys))) return { status: 'FORGED', payload: null };
  const { payload } = decoded;
  if (revoked.has(payload.number)) return { status: 'REVOKED', payload };
  return { status: permitWindowStatus(payload.validFrom, payload.validUntil, now), payload };
}

/** A signed document's contents, or null when its signature does not hold under `keys`. */
export async function verifySignedDocument<T>(document: SignedDocument, keys: readonly PermitVerificationKey[]): Promise<T | null> {
  if (typeof document?.payload !== 'string' || !SEGMENT.test(document.payload)) return null;
  if (typeof document.signature !== 'string' || !SEGMENT.test(document.signature)) return null;
  if (!(await signatureHolds(document.payload, document.signature, document.keyId, keys))) return null;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64UrlDecode(document.payload))) as T;
  } catch {
    return null;
  }
}

/** The payload segment of a signed document (the server signs it). */
export function encodeDocumentPayload(value: unknown): string {
  return base64UrlEncode(new TextEncoder().encode(JSON.stringify(value)));
}

async function signatureHolds(segment: string, signature: string, keyId: string, keys: readonly PermitVerificationKey[]): Promise<boolean> {
  const key = keys.find((k) => k.keyId === keyId);
  if (!key) return false;
  try {
    const raw = base64UrlDecode(key.publicKey);
    const sig = base64UrlDecode(signature);
    if (raw.length !== 32 || sig.length !== 64) return false;
    const publicKey = await globalThis.crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    return await globalThis.crypto.subtle.verify({ name: 'Ed25519' }, publicKey, sig, asciiBytes(segment));
  } catch {
    return false;
  }
}

function asciiBytes(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws on text that is not base64url, or that is but not in its one canonical spelling. */
export function base64UrlDecode(text: string): Uint8Array<ArrayBuffer> {
  if (!SEGMENT.test(text) || text.length % 4 === 1) throw new RangeError('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // atob ignores stray low bits in the last character: refuse them, so a tampered spelling is no second valid one.
  if (base64UrlEncode(bytes) !== text) throw new RangeError('not canonical base64url');
  return bytes;
}
