import { describe, expect, it } from 'vitest';
import {
  cleanDirective,
  cleanProgressNote,
  isDirectiveComplete,
  isDirectiveOverdue,
  nextAssigneeStatus,
  responseLevelChangeProblem,
} from './directive.rules';

const now = new Date('2026-12-07T08:00:00Z');
const valid = {
  title: '检疫点物资补给',
  source: '指挥部',
  ownerName: '张科长',
  deadline: new Date('2026-12-07T10:00:00Z'),
  assignees: [{ group: 'LOGISTICS' as const }, { group: 'LOGISTICS' as const }, { unitId: '7f0c3c1e-0000-4000-8000-000000000001' }],
};

describe('directive rules', () => {
  it('is done only when every assignee is', () => {
    expect(isDirectiveComplete([])).toBe(false);
    expect(isDirectiveComplete([{ status: 'DONE' }, { status: 'ACCEPTED' }])).toBe(false);
    expect(isDirectiveComplete([{ status: 'DONE' }, { status: 'ASSIGNED' }])).toBe(false);
    expect(isDirectiveComplete([{ status: 'DONE' }, { status: 'DONE' }])).toBe(true);
  });

  it('is overdue once open past its deadline and the grace', () => {
    const deadline = new Date('2026-12-07T08:00:00Z');
    expect(isDirectiveOverdue({ deadline, completedAt: null }, new Date('2026-12-07T07:59:59Z'))).toBe(false);
    expect(isDirectiveOverdue({ deadline, completedAt: null }, deadline)).toBe(true);
    expect(isDirectiveOverdue({ deadline, completedAt: null }, new Date('2026-12-07T08:10:00Z'), 15)).toBe(false);
    expect(isDirectiveOverdue({ deadline, completedAt: now }, new Date('2026-12-08T00:00:00Z'))).toBe(false);
  });

  it('moves an assignee assigned → accepted → done, with progress only while accepted', () => {
    expect(nextAssigneeStatus('ASSIGNED', 'ACCEPTED')).toBe('ACCEPTED');
    expect(nextAssigneeStatus('ASSIGNED', 'PROGRESS')).toBeNull();
    expect(nextAssigneeStatus('ASSIGNED', 'FINISHED')).toBeNull();
    expect(nextAssigneeStatus('ACCEPTED', 'PROGRESS')).toBe('ACCEPTED');
    expect(nextAssigneeStatus('ACCEPTED', 'FINISHED')).toBe('DONE');
    expect(nextAssigneeStatus('ACCEPTED', 'ACCEPTED')).toBeNull();
    expect(nextAssigneeStatus('DONE', 'PROGRESS')).toBeNull();
    expect(nextAssigneeStatus('DONE', 'FINISHED')).toBeNull();
  });

  it('cleans a new directive, keeping each assignee once', () => {
    const clean = cleanDirective({ ...valid, title: '  检疫点物资补给 ' }, now);
    expect(clean.title).toBe('检疫点物资补给');
    expect(clean.groups).toEqual(['LOGISTICS']);
    expect(clean.unitIds).toHaveLength(1);
  });

  it('refuses a past deadline, no assignee, or a malformed one, naming the field', () => {
    const field = (input: Parameters<typeof cleanDirective>[0]) => {
      try {
        cleanDirective(input, now);
        return null;
      } catch (error) {
        return (error as { extensions: { field: string } }).extensions.field;
      }
    };
    expect(field({ ...valid, deadline: now })).toBe('deadline');
    expect(field({ ...valid, assignees: [] })).toBe('assignees');
    expect(field({ ...valid, assignees: [{ group: 'LOGISTICS', unitId: valid.assignees[2]!.unitId }] })).toBe('assignees');
    expect(field({ ...valid, assignees: [{ unitId: 'not-a-uuid' }] })).toBe('assignees');
    expect(field({ ...valid, ownerName: ' ' })).toBe('ownerName');
    expect(field({ ...valid, title: '' })).toBe('title');
  });

  it('wants words in a progress report, not when accepting or finishing', () => {
    expect(() => cleanProgressNote('PROGRESS', '  ')).toThrow(/Say what has been done/);
    expect(cleanProgressNote('ACCEPTED', null)).toBe('');
    expect(cleanProgressNote('FINISHED', ' 已完成 ')).toBe('已完成');
  });

  it('changes the response level only to another level, and ends only a running response', () => {
    expect(responseLevelChangeProblem(null, 'LEVEL_1')).toBeNull();
    expect(responseLevelChangeProblem('LEVEL_1', 'LEVEL_1')).toBe('UNCHANGED');
    expect(responseLevelChangeProblem(null, 'ENDED')).toBe('NOTHING_TO_END');
    expect(responseLevelChangeProblem('ENDED', 'ENDED')).toBe('UNCHANGED');
    expect(responseLevelChangeProblem('LEVEL_2', 'ENDED')).toBeNull();
    expect(responseLevelChangeProblem('ENDED', 'LEVEL_3')).toBeNull();
  });
});

describe('meeting rules', () => {
  it('schedules only a request, and records minutes only once scheduled', async () => {
    const { meetingStepProblem } = await import('./meeting.rules');
    expect(meetingStepProblem('REQUESTED', 'SCHEDULE')).toBeNull();
    expect(meetingStepProblem('SCHEDULED', 'SCHEDULE')).toBe('meeting/already_scheduled');
    expect(meetingStepProblem('REQUESTED', 'MINUTES')).toBe('meeting/not_scheduled');
    expect(meetingStepProblem('SCHEDULED', 'MINUTES')).toBeNull();
    expect(meetingStepProblem('HELD', 'MINUTES')).toBeNull();
  });

  it('keeps decisions that say something, and refuses a meeting time far off', async () => {
    const { cleanMinutes, checkScheduledAt } = await import('./meeting.rules');
    expect(cleanMinutes({ minutes: ' 会议纪要 ', decisions: ['  ', '增设检疫点 1 处'] })).toEqual({
      minutes: '会议纪要',
      decisions: ['增设检疫点 1 处'],
    });
    expect(() => checkScheduledAt(new Date(now.getTime() + 100 * 86_400_000), now)).toThrow(/days away/);
    expect(() => checkScheduledAt(new Date(now.getTime() - 2 * 86_400_000), now)).toThrow(/more than a day ago/);
  });
});
