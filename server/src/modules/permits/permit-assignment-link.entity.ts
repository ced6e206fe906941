import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../core/database/base-entity';

const PermitAssignmentLinkSchema = defineEntity({
  name: 'PermitAssignmentLink',
  tableName: 'permit_assignment_link',
  properties: {
    ...baseProperties,
    permitId: p.uuid(),
    /** One permit per vehicle on a job: attaching another replaces it (the audit trail keeps the earlier one). */
    assignmentId: p.uuid().unique(),
    /** Copied from the assignment when attached: the alert and the figures read them without dispatch's tables. */
    orderId: p.uuid(),
    vehicleId: p.uuid(),
    plate: p.string().length(16),
    /** When the job is expected to end; the permit must last until then. */
    expectedEndAt: p.datetime(),
    attachedAt: p.datetime(),
    attachedById: p.uuid().nullable(),
    attachedByName: p.string().length(100),
  },
});

/** The permit (通行证) a vehicle travels under on one dispatch-order job. */
export class PermitAssignmentLink extends PermitAssignmentLinkSchema.class {}
PermitAssignmentLinkSchema.setClass(PermitAssignmentLink);
export { PermitAssignmentLinkSchema };
