import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { RESPONSE_LEVELS } from '@cc/shared';

const ResponseLevelChangeSchema = defineEntity({
  name: 'ResponseLevelChange',
  tableName: 'response_level_change',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    level: p.enum(RESPONSE_LEVELS).length(10),
    effectiveAt: p.datetime(),
    note: p.string().length(500).default(''),
    setById: p.uuid().nullable(),
    setByName: p.string().length(100).default(''),
  },
});

/** One change of the HQ's response level: appended, never changed (the database refuses UPDATE and DELETE). */
export class ResponseLevelChange extends ResponseLevelChangeSchema.class {}
ResponseLevelChangeSchema.setClass(ResponseLevelChange);
export { ResponseLevelChangeSchema };
