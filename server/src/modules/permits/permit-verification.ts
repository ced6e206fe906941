import { generateKeyPairSync } from 'node:crypto';
import type { ModuleHttpRoutes } from '../../core/module';
import { RateLimiter, type RateLimits } from '../../core/rate-limit';
import { PermitSigner } from './permit-signer';

export interface PermitVerificationOptions {
  signer: PermitSigner;
  /** The public check's rate per client address (PERMIT_VERIFY_PER_MINUTE / PERMIT_VERIFY_BURST). */
  verifyLimits: RateLimits;
}

/** For schema builds and unit tests that never sign anything a person keeps: a throwaway key. */
export function throwawayVerificationOptions(): PermitVerificationOptions {
  return { signer: new PermitSigner(generateKeyPairSync('ed25519').privateKey), verifyLimits: { perMinute: 20, burst: 10 } };
}

/** The public JSON a checkpoint downloads while online: every key it should accept (GET /permits/verification-keys). */
export function verificationKeysDocument(signer: PermitSigner) {
  return { currentKeyId: signer.keyId, keys: signer.verificationKeys() };
}

/**
 * The verification side of permits (issue 21): signing, the public check's rate limiter, and the
 * checkpoints' HTTP routes. Issuing and revoking are the registry's (permits' own service).
 */
export function createPermitVerification(options: PermitVerificationOptions = throwawayVerificationOptions()) {
  const limiter = new RateLimiter(options.verifyLimits);
  const httpRoutes: ModuleHttpRoutes = (router) => {
    router.get('/permits/verification-keys', (_req, res) => {
      // Short-lived caching only: after a rotation devices should see the new key within minutes.
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.json(verificationKeysDocument(options.signer));
    });
  };
  return { signer: options.signer, limiter, httpRoutes };
}

export type PermitVerification = ReturnType<typeof createPermitVerification>;
