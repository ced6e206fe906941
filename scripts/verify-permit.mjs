#!/usr/bin/env node
// Checks a traffic permit's QR code with no server and no network (a checkpoint's offline check):
//
//   node scripts/verify-permit.mjs --keys keys.json [--revocations revocations.json] [--now ISO-time] <scanned text>
//
// <scanned text> is what the QR holds (the URL `…/verify/<number>#<token>`, or the token alone);
// "-" or nothing reads it from standard input. keys.json is what GET /permits/verification-keys
// answers (download it while online); revocations.json what GET /permits/revocations answers.
// Prints VALID, EXPIRED, REVOKED, NOT_YET_VALID or FORGED with the permit's details, and exits
// 0 only for VALID (1 for a genuine permit that must not pass, 2 for FORGED, 3 for bad input).
// The check itself is shared/src/domain/permit-token.ts (the same code the console runs), loaded
// through Node 24's TypeScript type stripping.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { tokenFromScan, verifyPermitToken, verifySignedDocument } from '../shared/src/domain/permit-token.ts';

function fail(message) {
  console.error(`verify-permit: ${message}`);
  process.exit(3);
}

function readJson(file, what) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return fail(`cannot read the ${what} file ${file}: ${error instanceof Error ? error.message : error}`);
  }
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { keys: { type: 'string' }, revocations: { type: 'string' }, now: { type: 'string' } },
});
if (!values.keys) fail('give the public keys file: --keys keys.json (from GET /permits/verification-keys)');
const keys = readJson(values.keys, 'keys')?.keys;
if (!Array.isArray(keys) || keys.length === 0) fail(`${values.keys} lists no keys (expected {"keys":[{"keyId","publicKey"}]})`);
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) fail(`--now ${values.now} is not a time (use ISO 8601, e.g. 2026-12-07T08:00:00Z)`);

let revoked = new Set();
if (values.revocations) {
  const list = await verifySignedDocument(readJson(values.revocations, 'revocations'), keys);
  if (list?.kind !== 'permit-revocations' || !Array.isArray(list.revocations)) {
    fail(`${values.revocations} is not a revocation list signed by one of the keys; download it again`);
  }
  revoked = new Set(list.revocations.map((r) => r.number));
}

const scanned = positionals[0] && positionals[0] !== '-' ? positionals[0] : readFileSync(0, 'utf8');
const { status, payload } = await verifyPermitToken(tokenFromScan(scanned), keys, now, revoked);
if (payload) {
  const green = payload.greenChannel ? ' green-channel' : '';
  console.log(
    `${status} ${payload.number} plate ${payload.plate} cargo ${payload.cargoKind}${green} valid ${payload.validFrom.toISOString()} to ${payload.validUntil.toISOString()} key ${payload.keyId}`,
  );
} else {
  console.log(`${status} (not signed by any known key: do not let it pass)`);
}
process.exit(status === 'VALID' ? 0 : status === 'FORGED' ? 2 : 1);
