import { defineFeature, type AlertSource } from '../../app/feature';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { dutyRoutes } from './routes';

/** Call alerts lead to the call's page (its forwards and acknowledgements). */
const dutyCallPage = (source: AlertSource) =>
  source.entityType === 'DutyCall' ? { name: 'duty-call', params: { id: source.entityId } } : null;
/** Alerts about the roster lead to the roster page, which opens on the current week (both rules look at the next 24 hours). */
const rosterPage = (_source: AlertSource) => ({ name: 'duty-roster' });

/** 值班值守: the duty log and the calls forwarded from it (运转), the roster (排班表). */
export const duty = defineFeature({
  name: 'duty',
  routes: dutyRoutes,
  messages: { 'zh-CN': zhCN, en },
  cacheKeys: {
    // A change is an event wrapping a shift; who is on duty is part of the leader's board.
    DutyShiftChange: () => null,
    DutyOnDuty: () => null,
  },
  resumable: { DutyCallChanged: 'dutyCall', DutyShiftChanged: 'dutyShift' },
  alertRules: {
    'duty-forward-unacknowledged': { link: dutyCallPage },
    'roster-hour-uncovered': { link: rosterPage },
    'shift-not-checked-in': { link: rosterPage },
  },
});
