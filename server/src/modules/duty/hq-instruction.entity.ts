import { defineEntity, p } from '@mikro-orm/core';
import { HQ_INSTRUCTION_PRIORITIES, WORKING_GROUPS } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const HqInstructionSchema = defineEntity({
  name: 'HqInstruction',
  tableName: 'hq_instruction',
  properties: {
    ...baseProperties,
    source: p.string().length(100),
    receivedAt: p.datetime(),
    content: p.string().length(4000),
    priority: p.enum(HQ_INSTRUCTION_PRIORITIES).length(10),
    recordedById: p.uuid().nullable(),
    recordedByName: p.string().length(100).default(''),
    /** When the last of its deliveries was acknowledged; null while one is still waiting. */
    fullyAcknowledgedAt: p.datetime().nullable(),
  },
});

/** 指挥部指示: a new instruction from HQ the duty officer recorded and passed on (传达). */
export class HqInstruction extends HqInstructionSchema.class {}
HqInstructionSchema.setClass(HqInstruction);
export { HqInstructionSchema };

const HqInstructionDeliverySchema = defineEntity({
  name: 'HqInstructionDelivery',
  tableName: 'hq_instruction_delivery',
  properties: {
    ...baseProperties,
    instructionId: p.uuid(),
    targetGroup: p.enum(WORKING_GROUPS).length(16).nullable(),
    targetUnitId: p.uuid().nullable(),
    /** The unit's name when it was delivered, so the list needs no read of identity's tables. */
    targetUnitName: p.string().length(120).default(''),
    deliveredAt: p.datetime(),
    acknowledgedAt: p.datetime().nullable(),
    acknowledgedById: p.uuid().nullable(),
    acknowledgedByName: p.string().length(100).default(''),
    acknowledgementNote: p.string().length(500).default(''),
  },
});

/** One copy of an instruction, to one working group or one member unit, and its acknowledgement (签收). */
export class HqInstructionDelivery extends HqInstructionDeliverySchema.class {}
HqInstructionDeliverySchema.setClass(HqInstructionDelivery);
export { HqInstructionDeliverySchema };
