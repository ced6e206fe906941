import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { MEETING_KINDS, MEETING_STATUSES } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const MeetingSchema = defineEntity({
  name: 'Meeting',
  tableName: 'meeting',
  properties: {
    ...baseProperties,
    kind: p.enum(MEETING_KINDS).length(16),
    status: p.enum(MEETING_STATUSES).length(10),
    title: p.string().length(200),
    agenda: p.string().length(4000).default(''),
    attendees: p.string().length(1000).default(''),
    location: p.string().length(200).default(''),
    scheduledAt: p.datetime().nullable(),
    minutes: p.string().length(20000).default(''),
    heldAt: p.datetime().nullable(),
    requestedByUnitId: p.uuid().nullable(),
    requestedByUnitName: p.string().length(120).default(''),
    requestedById: p.uuid().nullable(),
    requestedByName: p.string().length(100).default(''),
  },
});

/** 会议: the daily dispatch meeting or a coordination meeting on a major issue, with its agenda and minutes. */
export class Meeting extends MeetingSchema.class {}
MeetingSchema.setClass(Meeting);
export { MeetingSchema };

const MeetingDecisionSchema = defineEntity({
  name: 'MeetingDecision',
  tableName: 'meeting_decision',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    meetingId: p.uuid(),
    content: p.string().length(2000),
    decidedAt: p.datetime(),
    recordedById: p.uuid().nullable(),
    recordedByName: p.string().length(100).default(''),
  },
});

/** A meeting's decision (会议决定): appended, never changed; it may become a directive with one action. */
export class MeetingDecision extends MeetingDecisionSchema.class {}
MeetingDecisionSchema.setClass(MeetingDecision);
export { MeetingDecisionSchema };
