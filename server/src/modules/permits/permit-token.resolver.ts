import type { EntityManager } from '@mikro-orm/postgresql';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import type { PermitSigner } from './permit-signer';
import { TrafficPermitType } from './permits.types';
import type { TrafficPermit } from './traffic-permit.entity';

/** How long an issued permit really runs (the response's end may cut it short): permits' own service. */
export interface EffectiveUntil {
  effectiveUntil(em: EntityManager, permit: TrafficPermit): Promise<Date>;
}

/** The signed token a printed permit's QR code carries (docs/adr/0016-signed-permit-tokens.md). */
@Resolver(() => TrafficPermitType)
export class PermitTokenFields {
  constructor(
    private readonly signer: PermitSigner,
    private readonly permits: EffectiveUntil,
  ) {}

  @FieldResolver(() => String, {
    description:
      'The signed token the printed QR code carries (after “#” in <origin>/verify/<number>), for checking offline with GET /permits/verification-keys. Signed on read, deterministically: the same permit always gives the same token.',
  })
  async signedToken(@Root() permit: TrafficPermit, @Ctx() ctx: Context): Promise<string> {
    return this.signer.signPermit({
      number: permit.number,
      plate: permit.plate,
      greenChannel: permit.greenChannel,
      cargoKind: permit.cargoKind,
      validFrom: permit.validFrom,
      validUntil: await this.permits.effectiveUntil(ctx.em, permit),
    });
  }
}
