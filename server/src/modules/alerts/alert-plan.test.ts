import { describe, expect, it } from 'vitest';
import { planAlertChanges, type StandingAlert } from './alert-plan';
import type { AlertCondition } from '../../core/alerts/alert-rule';

const standing = (over: Partial<StandingAlert> = {}): StandingAlert => ({
  id: 'a1',
  dedupeKey: 'k1',
  level: 'WARNING',
  status: 'RAISED',
  recurrence: 0,
  params: { title: 'x' },
  workingGroup: 'DUTY',
  sourceType: 'Incident',
  sourceId: 'i1',
  raisedAt: new Date(0),
  escalatedAt: null,
  assignedLeaderId: null,
  ...over,
});
const condition = (over: Partial<AlertCondition> = {}): AlertCondition => ({
  dedupeKey: 'k1',
  source: { entityType: 'Incident', entityId: 'i1' },
  params: { title: 'x' },
  ...over,
});

describe('planning alert changes from a rule’s conditions', () => {
  it('raises a condition that has no standing alert', () => {
    const plan = planAlertChanges([], [condition()], 'DUTY');
    expect(plan.raise.map((c) => c.dedupeKey)).toEqual(['k1']);
    expect(plan.fold).toEqual([]);
  });

  it('changes nothing when the same condition is seen again unchanged (so a second replica does nothing)', () => {
    const plan = planAlertChanges([standing()], [condition()], 'DUTY');
    expect(plan).toEqual({ raise: [], fold: [], refresh: [], resolve: [] });
  });

  it('folds a recurrence into the standing alert by how much it grew', () => {
    const plan = planAlertChanges([standing({ recurrence: 1 })], [condition({ recurrence: 3 })], 'DUTY');
    expect(plan.fold).toHaveLength(1);
    expect(plan.fold[0]!.by).toBe(2);
    expect(plan.raise).toEqual([]);
  });

  it('never folds backwards when an evaluation sees an older recurrence', () => {
    const plan = planAlertChanges([standing({ recurrence: 3 })], [condition({ recurrence: 2 })], 'DUTY');
    expect(plan.fold).toEqual([]);
  });

  it('refreshes an alert whose message values changed without a new firing', () => {
    const plan = planAlertChanges([standing()], [condition({ params: { title: 'renamed' } })], 'DUTY');
    expect(plan.refresh).toHaveLength(1);
  });

  it('refreshes when the condition moves to another group', () => {
    const plan = planAlertChanges([standing()], [condition({ group: 'TRANSPORT' })], 'DUTY');
    expect(plan.refresh).toHaveLength(1);
  });

  it('resolves standing alerts whose condition is gone', () => {
    const plan = planAlertChanges([standing(), standing({ id: 'a2', dedupeKey: 'k2' })], [condition()], 'DUTY');
    expect(plan.resolve.map((a) => a.id)).toEqual(['a2']);
  });

  it('treats one condition named twice by a rule as one alert', () => {
    const plan = planAlertChanges([], [condition(), condition()], 'DUTY');
    expect(plan.raise).toHaveLength(1);
  });
});
