import { defineModule } from '../../core/module';
import { AuditRecordSchema } from './audit-record.entity';
import { AuditResolver } from './audit.resolver';
import { AuditService, type PeopleDirectory } from './audit.service';

/**
 * The audit trail's read side. Writing is not here: the unit of work (core/unit-of-work.ts)
 * writes an audit row for every entity change of every mutation, in the mutation's transaction,
 * so its table is core's (migration 0001).
 */
export function createAuditModule(deps: { people: PeopleDirectory }) {
  const service = new AuditService(deps.people);
  return defineModule(
    {
      name: 'audit',
      workingGroup: null,
      entities: [AuditRecordSchema],
      resolvers: [new AuditResolver(service)],
    },
    { service },
  );
}
