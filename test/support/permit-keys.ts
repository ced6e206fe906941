import { generateKeyPairSync } from 'node:crypto';

/**
 * A permit signing key for tests that run the server in production mode (which refuses to start
 * without PERMIT_SIGNING_KEY): fresh for each test process, PKCS#8 DER in base64.
 */
export const TEST_PERMIT_SIGNING_KEY = generateKeyPairSync('ed25519')
  .privateKey.export({ format: 'der', type: 'pkcs8' })
  .toString('base64');
