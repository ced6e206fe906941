import { describe, expect, it } from 'vitest';
import { AUDIT_SKIPPED_FIELDS, AUDITED_FIELDS } from '@cc/shared';
import { createModules } from '../modules';

/** What the audit collector records of each entity: every property but the skipped bookkeeping. */
function auditedByTheServer(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const schema of createModules({ sessionTtlMs: 60_000 }).entities) {
    const { className, properties } = schema.meta;
    if (className === 'AuditRecord') continue; // the trail does not audit itself
    out[className] = Object.keys(properties).filter((field) => !AUDIT_SKIPPED_FIELDS.includes(field));
  }
  return out;
}

describe('the audited-field list the console translates', () => {
  it('names exactly the entities and fields the server audits', () => {
    const server = auditedByTheServer();
    const shared = Object.fromEntries(Object.entries(AUDITED_FIELDS).map(([entity, fields]) => [entity, [...fields].sort()]));
    expect(shared).toEqual(Object.fromEntries(Object.entries(server).map(([entity, fields]) => [entity, fields.sort()])));
  });
});
