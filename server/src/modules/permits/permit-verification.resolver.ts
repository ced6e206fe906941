import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { assertWithinRate, type RateLimiter } from '../../core/rate-limit';
import type { PermitLookup } from './permit-verification';
import { PermitVerificationType } from './permit-verification.types';

/** Longer than any permit number however typed; longer text is UNKNOWN without a read. */
const MAX_TYPED_NUMBER = 64;

/** The public check (no sign-in) a scanned or typed permit number gets (issue 21). */
@Resolver()
export class PermitVerificationResolver {
  constructor(
    private readonly permits: PermitLookup,
    private readonly limiter: RateLimiter,
  ) {}

  @Allow('verifyPermit')
  @Query(() => PermitVerificationType, {
    description:
      'Public: whether a permit number is valid, expired, revoked or unknown, and its validity end; nothing else. Limited per client address (RATE_LIMITED).',
  })
  async verifyPermit(@Ctx() ctx: Context, @Arg('number', () => String) number: string): Promise<PermitVerificationType> {
    assertWithinRate(this.limiter, ctx, 'permit checks');
    const record = number.length <= MAX_TYPED_NUMBER ? await this.permits.findByNumber(ctx.em, number, ctx.clock.now()) : null;
    if (!record) return { result: 'UNKNOWN', validUntil: null };
    return { result: record.status, validUntil: record.validUntil };
  }
}
