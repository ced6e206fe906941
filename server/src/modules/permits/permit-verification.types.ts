import { Field, ObjectType } from 'type-graphql';
import { PERMIT_VERIFICATION_RESULTS, type PermitVerificationResult } from '@cc/shared';
import { graphqlEnum } from '../../core/graphql/enums';

export const PermitVerificationResultEnum = graphqlEnum(
  PERMIT_VERIFICATION_RESULTS,
  'PermitVerificationResult',
  '有效 VALID, 未生效 NOT_YET_VALID, 已过期 EXPIRED, 已吊销 REVOKED, 查无此证 UNKNOWN (also for a malformed number).',
);

/** Deliberately two fields: the public check tells whether a permit holds, never whose it is. */
@ObjectType('PermitVerification', { description: 'The public answer about a permit number: its standing and validity end, nothing else.' })
export class PermitVerificationType {
  @Field(() => PermitVerificationResultEnum) result!: PermitVerificationResult;
  @Field(() => Date, { nullable: true, description: 'When the permit stops being valid; null for UNKNOWN.' }) validUntil!: Date | null;
}
