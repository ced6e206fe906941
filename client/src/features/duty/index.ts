import { defineFeature, type AlertSource } from '../../app/feature';
import { dutyCacheKeys, dutyCacheUpdates } from './cache-updates';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { dutyRoutes } from './routes';

/** An alert about a forwarded call leads to the call's page, where its forwards are. */
const callPage = (source: AlertSource) =>
  source.entityType === 'DutyCall' ? { name: 'duty-call', params: { id: source.entityId } } : null;

/** 值班值守: the duty log with its call entry, a call's page, and the forwarded-calls inbox (the server's `duty` module). */
export const duty = defineFeature({
  name: 'duty',
  routes: dutyRoutes,
  messages: { 'zh-CN': zhCN, en },
  cacheKeys: dutyCacheKeys,
  cacheUpdates: dutyCacheUpdates,
  resumable: { DutyCallChanged: 'dutyCall' },
  alertRules: {
    'duty-forward-unacknowledged': { link: callPage },
  },
});
