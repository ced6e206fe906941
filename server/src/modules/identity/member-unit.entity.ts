import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../core/database/base-entity';

const MemberUnitSchema = defineEntity({
  name: 'MemberUnit',
  tableName: 'member_unit',
  properties: {
    ...baseProperties,
    code: p.string().length(40).unique(),
    name: p.string().length(120),
    active: p.boolean().default(true),
  },
});

/** 成员单位: a member unit of the HQ; its liaison files reports and requests for it alone. */
export class MemberUnit extends MemberUnitSchema.class {}
MemberUnitSchema.setClass(MemberUnit);
export { MemberUnitSchema };
