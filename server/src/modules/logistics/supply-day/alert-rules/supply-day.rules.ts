import { hqDay, type SupplyDayStep } from '@cc/shared';
import { defineAlertRule, type AlertCondition } from '../../../../core/alerts/alert-rule';
import type { RuleContext } from '../../../../core/alerts/alert-rule';
import { REQUISITION_TOPIC } from '../../requisitions/requisition.events';
import type { SupplyDayService } from '../allocation-plan.service';
import { SUPPLY_DAY_TOPIC } from '../supply-day.events';

/** Today's (HQ) step missed at `now`, as one condition keyed by the day; none when it is not missed. */
async function missed(
  days: SupplyDayService,
  { em, now }: RuleContext,
  step: SupplyDayStep,
  needsWork: boolean,
): Promise<AlertCondition[]> {
  const day = hqDay(now);
  const state = await days.state(em, day, now);
  if (!state.missed.includes(step)) return [];
  // A day with no needs and no plan has nothing to approve or deliver; the summary is due every day.
  if (needsWork && !state.plan && state.waitingNeeds === 0) return [];
  // Deliveries are late only for an approved plan; an unapproved one is the other rule's alert.
  if (step === 'DELIVERED' && state.plan?.status !== 'APPROVED') return [];
  const deadline = state.deadlines[step];
  const time =
    step === 'PLAN_APPROVED' ? state.times.planApprovedBy : step === 'DELIVERED' ? state.times.deliveredBy : state.times.summaryBy;
  return [
    {
      dedupeKey: `${step}:${day}`,
      source: { entityType: 'SupplyDay', entityId: day },
      params: { day, deadline: deadline.toISOString(), time, waitingNeeds: state.waitingNeeds },
    },
  ];
}

const triggers = [SUPPLY_DAY_TOPIC, REQUISITION_TOPIC] as const;

/**
 * The supply day's missed steps (plan 2 §3.5), each an alert for logistics that clears when the
 * step is done: the plan not approved by its time, the supplies not all delivered by 17:00, the
 * summary not ready by 17:30. Deadlines are the supply day's settings (HQ time).
 */
export const supplyDayRules = (days: SupplyDayService) => [
  defineAlertRule({
    id: 'allocation-plan-not-approved',
    level: 'WARNING',
    group: 'LOGISTICS',
    description: 'Today’s allocation plan is not approved by its deadline while needs wait for it.',
    thresholds: {},
    escalationMinutes: null,
    triggers,
    evaluate: (ctx) => missed(days, ctx, 'PLAN_APPROVED', true),
    summary: (p) =>
      `The allocation plan of ${p['day']} is not approved (due ${p['time']} HQ time); ${p['waitingNeeds']} requisitions wait.`,
  }),
  defineAlertRule({
    id: 'allocation-plan-not-delivered',
    level: 'CRITICAL',
    group: 'LOGISTICS',
    description: 'Today’s planned supplies have not all arrived by the delivery deadline (17:00).',
    thresholds: {},
    escalationMinutes: 30,
    triggers,
    evaluate: (ctx) => missed(days, ctx, 'DELIVERED', true),
    summary: (p) => `The supplies of ${p['day']}’s plan are not all delivered (due ${p['time']} HQ time).`,
  }),
  defineAlertRule({
    id: 'daily-supply-summary-late',
    level: 'WARNING',
    group: 'LOGISTICS',
    description: 'The day’s supply summary is not ready by its deadline (17:30).',
    thresholds: {},
    escalationMinutes: null,
    triggers,
    evaluate: (ctx) => missed(days, ctx, 'SUMMARY', false),
    summary: (p) => `The supply summary of ${p['day']} is not ready (due ${p['time']} HQ time).`,
  }),
];
