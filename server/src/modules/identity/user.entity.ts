import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../core/database/base-entity';
import type { Role } from '@cc/shared';

const UserSchema = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    ...baseProperties,
    username: p.string().length(64).unique(),
    displayName: p.string().length(100),
    passwordHash: p.text().lazy(),
    roles: p.array().$type<Role[]>().columnType('text[]'),
    unitId: p.uuid().nullable(),
    active: p.boolean().default(true),
    phone: p.string().length(40).default(''),
  },
});

/** A person who signs in to the console; may hold several roles. */
export class User extends UserSchema.class {}
UserSchema.setClass(User);
export { UserSchema };
