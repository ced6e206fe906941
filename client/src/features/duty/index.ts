import { defineFeature, type AlertSource } from '../../app/feature';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { dutyRoutes } from './routes';

/** 值班值守: the duty log, a placeholder page until the server's future `duty` module exists. */
/** Call alerts lead to the call's page (its forwards and acknowledgements). */
const dutyCallPage = (source: AlertSource) =>
  source.entityType === 'DutyCall' ? { name: 'duty-call', params: { id: source.entityId } } : null;

export const duty = defineFeature({
  name: 'duty',
  routes: dutyRoutes,
  messages: { 'zh-CN': zhCN, en },
  resumable: { DutyCallChanged: 'dutyCall' },
  alertRules: {
    'duty-forward-unacknowledged': { link: dutyCallPage },
  },
});
