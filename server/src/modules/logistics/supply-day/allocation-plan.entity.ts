import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../../core/database/base-entity';

export const ALLOCATION_PLAN_STATUSES = ['DRAFT', 'APPROVED'] as const;
export type AllocationPlanStatus = (typeof ALLOCATION_PLAN_STATUSES)[number];

const AllocationPlanSchema = defineEntity({
  name: 'AllocationPlan',
  tableName: 'allocation_plan',
  properties: {
    ...baseProperties,
    day: p.string().length(10).unique(),
    status: p.enum(ALLOCATION_PLAN_STATUSES).length(12),
    proposedAt: p.datetime(),
    proposedById: p.uuid().nullable(),
    proposedByName: p.string().length(100),
    approvedAt: p.datetime().nullable(),
    approvedById: p.uuid().nullable(),
    approvedByName: p.string().length(100).default(''),
  },
});

/** 当日防控物资调配方案: one per HQ day, proposed by the four principles, edited by logistics, approved by a leader. */
export class AllocationPlan extends AllocationPlanSchema.class {}
AllocationPlanSchema.setClass(AllocationPlan);
export { AllocationPlanSchema };

const AllocationPlanLineSchema = defineEntity({
  name: 'AllocationPlanLine',
  tableName: 'allocation_plan_line',
  properties: {
    ...baseProperties,
    planId: p.uuid(),
    position: p.integer(),
    requisitionId: p.uuid(),
    requisitionLineId: p.uuid(),
    itemId: p.uuid(),
    placeId: p.uuid(),
    quantity: p.integer(),
  },
});

/** One take of the plan: so much of a requisition line's item from one place. */
export class AllocationPlanLine extends AllocationPlanLineSchema.class {}
AllocationPlanLineSchema.setClass(AllocationPlanLine);
export { AllocationPlanLineSchema };
