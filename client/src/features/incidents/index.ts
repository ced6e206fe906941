import { defineFeature, type AlertSource } from '../../app/feature';
import { incidentCacheUpdates } from './cache-updates';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { incidentRoutes } from './routes';

const incidentPage = (source: AlertSource) =>
  source.entityType === 'Incident' ? { name: 'incident-detail', params: { id: source.entityId } } : null;

/** 突发事件: the incident board and an incident's page (the server's `incidents` module). */
export const incidents = defineFeature({
  name: 'incidents',
  routes: incidentRoutes,
  messages: { 'zh-CN': zhCN, en },
  cacheKeys: {
    // A change is an event wrapping an incident, not an entity of its own.
    IncidentChange: () => null,
    // A timeline entry's reference to another record, embedded in the entry.
    IncidentLink: () => null,
  },
  cacheUpdates: incidentCacheUpdates,
  resumable: { IncidentChanged: 'incident' },
  alertRules: {
    'incident-class-a-logged': { link: incidentPage },
    'incident-past-deadline': { link: incidentPage },
    'incident-unacknowledged': { link: incidentPage },
  },
});
