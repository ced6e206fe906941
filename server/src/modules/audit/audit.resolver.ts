import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { AUDIT_PAGE_DEFAULT, type AuditService } from './audit.service';
import { AuditFilterInput, AuditRecordPageType, type AuditRecordType } from './audit.types';

/** The audit trail, for administrators and leaders. Queries only: nothing here (or anywhere) changes it. */
@Resolver()
export class AuditResolver {
  constructor(private readonly service: AuditService) {}

  @Allow('auditRecords')
  @Query(() => AuditRecordPageType, { description: 'Searches the audit trail by person, record, operation and time; newest first.' })
  async auditRecords(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter: AuditFilterInput | null,
    @Arg('first', () => Int, { defaultValue: AUDIT_PAGE_DEFAULT, description: '1 to 200.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
  ): Promise<AuditRecordPageType> {
    const page = await this.service.search(ctx.em, filter ?? {}, first, after);
    return {
      records: page.records.map((r): AuditRecordType => ({
        id: r.id,
        at: r.at,
        actorId: r.actorId ?? null,
        actorUsername: r.actor?.username ?? null,
        actorDisplayName: r.actor?.displayName ?? null,
        requestId: r.requestId,
        operation: r.operation,
        transport: r.transport,
        entityType: r.entityType ?? null,
        entityId: r.entityId ?? null,
        change: r.change,
        before: r.before ?? null,
        after: r.after ?? null,
      })),
      endCursor: page.endCursor,
      hasMore: page.hasMore,
    };
  }
}
