import { AuditRecordSchema } from './audit-record.entity';
import { AuditResolver } from './audit.resolver';
import { AuditService, type PeopleDirectory } from './audit.service';

/**
 * The audit trail's read side. Writing is not here: the unit of work (core/unit-of-work.ts)
 * writes an audit row for every entity change of every mutation, in the mutation's transaction.
 */
export function createAuditModule(deps: { people: PeopleDirectory }) {
  const service = new AuditService(deps.people);
  return {
    name: 'audit',
    entities: [AuditRecordSchema],
    resolvers: [new AuditResolver(service)],
    service,
  };
}
