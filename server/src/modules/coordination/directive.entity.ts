import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DIRECTIVE_ASSIGNEE_STATUSES, DIRECTIVE_ORIGINS, DIRECTIVE_PRIORITIES, DIRECTIVE_PROGRESS_KINDS, WORKING_GROUPS } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const DirectiveSchema = defineEntity({
  name: 'Directive',
  tableName: 'directive',
  properties: {
    ...baseProperties,
    title: p.string().length(200),
    content: p.string().length(4000).default(''),
    source: p.string().length(100),
    origin: p.enum(DIRECTIVE_ORIGINS).length(16),
    hqInstructionId: p.uuid().nullable(),
    dutyCallId: p.uuid().nullable(),
    meetingDecisionId: p.uuid().nullable(),
    ownerName: p.string().length(100),
    deadline: p.datetime(),
    priority: p.enum(DIRECTIVE_PRIORITIES).length(10),
    createdById: p.uuid().nullable(),
    createdByName: p.string().length(100).default(''),
    /** When the last assignee finished; null while one is still at work. */
    completedAt: p.datetime().nullable(),
  },
});

/** 交办事项: a task from HQ with an owner, a deadline and one or more assignees. */
export class Directive extends DirectiveSchema.class {}
DirectiveSchema.setClass(Directive);
export { DirectiveSchema };

const DirectiveAssigneeSchema = defineEntity({
  name: 'DirectiveAssignee',
  tableName: 'directive_assignee',
  properties: {
    ...baseProperties,
    directiveId: p.uuid(),
    targetGroup: p.enum(WORKING_GROUPS).length(16).nullable(),
    targetUnitId: p.uuid().nullable(),
    /** The unit's name when it was assigned, so the board needs no read of identity's tables. */
    targetUnitName: p.string().length(120).default(''),
    status: p.enum(DIRECTIVE_ASSIGNEE_STATUSES).length(10),
    acceptedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
});

/** One working group or member unit a directive is assigned to, and how far it has got. */
export class DirectiveAssignee extends DirectiveAssigneeSchema.class {}
DirectiveAssigneeSchema.setClass(DirectiveAssignee);
export { DirectiveAssigneeSchema };

const DirectiveProgressSchema = defineEntity({
  name: 'DirectiveProgress',
  tableName: 'directive_progress',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    directiveId: p.uuid(),
    assigneeId: p.uuid(),
    kind: p.enum(DIRECTIVE_PROGRESS_KINDS).length(10),
    note: p.string().length(1000).default(''),
    at: p.datetime(),
    byId: p.uuid().nullable(),
    byName: p.string().length(100).default(''),
  },
});

/** An assignee's accept, progress report or finish, with its note: appended, never changed. */
export class DirectiveProgress extends DirectiveProgressSchema.class {}
DirectiveProgressSchema.setClass(DirectiveProgress);
export { DirectiveProgressSchema };
