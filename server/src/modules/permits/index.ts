import { defineModule } from '../../core/module';
import { createPermitVerification, type PermitVerificationOptions } from './permit-verification';

/** 通行证: traffic-permit requests, their review, issued permits, verification and revocation (issue 21). */
export function createPermitsModule(verificationOptions?: PermitVerificationOptions) {
  const verification = createPermitVerification(verificationOptions);
  return defineModule(
    {
      name: 'permits',
      workingGroup: 'TRANSPORT',
      entities: [],
      resolvers: [],
      httpRoutes: verification.httpRoutes,
    },
    { verification },
  );
}
