import { generateKeyPairSync } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PermitRevocationList } from '@cc/shared';
import type { ModuleHttpRoutes } from '../../core/module';
import { RateLimiter, type RateLimits } from '../../core/rate-limit';
import { PermitSigner } from './permit-signer';
import { PermitTokenFields, type EffectiveUntil } from './permit-token.resolver';
import { PermitVerificationResolver } from './permit-verification.resolver';

export interface PermitVerificationOptions {
  signer: PermitSigner;
  /** The public check's rate per client address (PERMIT_VERIFY_PER_MINUTE / PERMIT_VERIFY_BURST). */
  verifyLimits: RateLimits;
}

/** What the verification side reads of an issued permit (the registry's record). */
export interface VerifiablePermit {
  number: string;
  plate: string;
  greenChannel: boolean;
  cargoKind: string;
  validFrom: Date;
  /** The effective end (the response's end may cut it short). */
  validUntil: Date;
  revokedAt: Date | null;
  status: 'VALID' | 'NOT_YET_VALID' | 'EXPIRED' | 'REVOKED';
}

/** The permits registry (permits' own service), as the verification side uses it. */
export interface PermitLookup {
  /** Null for an unknown or malformed number. */
  findByNumber(em: EntityManager, number: string, at: Date): Promise<VerifiablePermit | null>;
  /** Revoked at or after `since`, oldest first. */
  revokedSince(em: EntityManager, since: Date, at: Date): Promise<VerifiablePermit[]>;
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
 * The verification side of permits (issue 21): the token signer, the public check (throttled per
 * address on both doors), and a checkpoint's HTTP routes: the keys and the signed revocation list.
 */
export function createPermitVerification(
  permits: PermitLookup,
  issued: EffectiveUntil,
  options: PermitVerificationOptions = throwawayVerificationOptions(),
) {
  const limiter = new RateLimiter(options.verifyLimits);
  const { signer } = options;

  const httpRoutes: ModuleHttpRoutes = (router, deps) => {
    router.get('/permits/verification-keys', (_req, res) => {
      // Short-lived caching only: after a rotation devices should see the new key within minutes.
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.json(verificationKeysDocument(signer));
    });

    router.get('/permits/revocations', async (req, res, next) => {
      try {
        const now = deps.clock.now();
        const wait = limiter.take(req.ip ?? '', now);
        if (wait > 0) {
          const seconds = Math.max(1, Math.ceil(wait / 1_000));
          res.setHeader('Retry-After', String(seconds));
          res.status(429).json({ code: 'RATE_LIMITED', message: `Too many requests from this address. Try again in ${seconds} s.` });
          return;
        }
        const sinceText = typeof req.query['since'] === 'string' && req.query['since'] !== '' ? req.query['since'] : null;
        const since = sinceText === null ? new Date(0) : new Date(sinceText);
        if (Number.isNaN(since.getTime())) {
          res
            .status(400)
            .json({ code: 'BAD_USER_INPUT', message: `since=${sinceText} is not a time: use ISO 8601, e.g. 2026-12-07T08:00:00Z.` });
          return;
        }
        // Read from the database on every request, never cached: a revocation is listed once it commits.
        const revoked = await permits.revokedSince(deps.em(), since, now);
        const list: PermitRevocationList = {
          kind: 'permit-revocations',
          issuedAt: now.toISOString(),
          since: sinceText === null ? null : since.toISOString(),
          revocations: revoked.map((p) => ({ number: p.number, revokedAt: (p.revokedAt ?? now).toISOString() })),
        };
        res.setHeader('Cache-Control', 'no-store');
        res.json(signer.signDocument(list));
      } catch (error) {
        next(error);
      }
    });
  };

  return {
    signer,
    limiter,
    httpRoutes,
    resolvers: [new PermitVerificationResolver(permits, limiter), new PermitTokenFields(signer, issued)],
  };
}

export type PermitVerification = ReturnType<typeof createPermitVerification>;
