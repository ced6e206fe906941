import { Field, ObjectType, type ClassType } from 'type-graphql';
import type { Change } from '../realtime/live-changes';
import type { ChangeKind } from '../realtime/topics';
import { ChangeKindEnum } from './change-kind';
import { EventPositionScalar } from './scalars';

/**
 * The GraphQL side of `Change<R>` (core/realtime/live-changes.ts): position, kind, committedAt
 * and the record under the module's own field name (`incident`, `order`…), so the schema keeps
 * its names while every module delivers the same shape. A module declares its type as
 *
 *   @ObjectType('IncidentChange', { description: … })
 *   export class IncidentChangeType extends ChangeOf(() => IncidentType, 'incident') {}
 */
export function ChangeOf<R extends object>(recordType: () => ClassType<R>, field: string) {
  @ObjectType()
  abstract class ChangeBase implements Change<R> {
    @Field(() => EventPositionScalar) position!: bigint;
    @Field(() => ChangeKindEnum) kind!: ChangeKind;
    @Field(() => Date) committedAt!: Date;
    @Field(recordType, { name: field }) record!: R;
  }
  return ChangeBase;
}
