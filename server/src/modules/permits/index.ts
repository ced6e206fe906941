import { defineModule } from '../../core/module';
import { createPermitVerification, type PermitLookup, type PermitVerificationOptions } from './permit-verification';

/** Until the registry of issued permits exists, every number is unknown and nothing is revoked. */
const NO_PERMITS_YET: PermitLookup = { findByNumber: async () => null, revokedSince: async () => [] };

/** 通行证: traffic-permit requests, their review, issued permits, verification and revocation (issue 21). */
export function createPermitsModule(verificationOptions?: PermitVerificationOptions) {
  const verification = createPermitVerification(NO_PERMITS_YET, verificationOptions);
  return defineModule(
    {
      name: 'permits',
      workingGroup: 'TRANSPORT',
      entities: [],
      resolvers: [...verification.resolvers],
      httpRoutes: verification.httpRoutes,
    },
    { verification },
  );
}
