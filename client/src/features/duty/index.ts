import { defineFeature, type AlertSource } from '../../app/feature';
import { dutyCacheKeys, dutyCacheUpdates } from './cache-updates';
import { instructionCacheKeys, instructionCacheUpdates } from './instruction-cache-updates';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { dutyRoutes } from './routes';

/** Call alerts lead to the call's page (its forwards and acknowledgements). */
const dutyCallPage = (source: AlertSource) =>
  source.entityType === 'DutyCall' ? { name: 'duty-call', params: { id: source.entityId } } : null;
/** Alerts about the roster lead to the roster page, which opens on the current week (both rules look at the next 24 hours). */
const rosterPage = (_source: AlertSource) => ({ name: 'duty-roster' });

/** An unsigned HQ instruction leads to the instructions page, where who has not signed shows. */
const instructionsPage = () => ({ name: 'duty-instructions' });

/**
 * 值班值守: the duty log with its keyboard call entry, a call's page and the forwarded-calls inbox
 * (运转), the roster (排班表), HQ instructions passed on (传达) and the shift handover (交接班).
 */
export const duty = defineFeature({
  name: 'duty',
  routes: dutyRoutes,
  messages: { 'zh-CN': zhCN, en },
  homeFor: { DUTY_OFFICER: 'duty', UNIT_LIAISON: 'duty-inbox' },
  cacheKeys: {
    ...dutyCacheKeys,
    ...instructionCacheKeys,
    // A change is an event wrapping a shift; who is on duty is part of the leader's board.
    DutyShiftChange: () => null,
    DutyOnDuty: () => null,
  },
  cacheUpdates: {
    Subscription: { ...dutyCacheUpdates['Subscription'], ...instructionCacheUpdates['Subscription'] },
    Mutation: { ...dutyCacheUpdates['Mutation'], ...instructionCacheUpdates['Mutation'] },
  },
  resumable: {
    DutyCallChanged: 'dutyCall',
    DutyShiftChanged: 'dutyShift',
    HqInstructionChanged: 'hqInstruction',
    ShiftHandoverChanged: 'shiftHandover',
  },
  alertRules: {
    'duty-forward-unacknowledged': { link: dutyCallPage },
    'roster-hour-uncovered': { link: rosterPage },
    'shift-not-checked-in': { link: rosterPage },
    'hq-instruction-unacknowledged': { link: instructionsPage },
  },
});
