import { defineFeature, type AlertSource } from '../../app/feature';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { dutyRoutes } from './routes';

/** Alerts about the roster lead to the roster page, which opens on the current week (both rules look at the next 24 hours). */
const rosterPage = (_source: AlertSource) => ({ name: 'duty-roster' });

/** 值班值守: the duty log (the calls console's, still a placeholder) and the roster (排班表). */
export const duty = defineFeature({
  name: 'duty',
  routes: dutyRoutes,
  messages: { 'zh-CN': zhCN, en },
  cacheKeys: {
    // A change is an event wrapping a shift; who is on duty is part of the leader's board.
    DutyShiftChange: () => null,
    DutyOnDuty: () => null,
  },
  resumable: { DutyShiftChanged: 'dutyShift' },
  alertRules: {
    'roster-hour-uncovered': { link: rosterPage },
    'shift-not-checked-in': { link: rosterPage },
  },
});
