import { defineFeature, type AlertSource } from '../../app/feature';
import { coordinationCacheKeys, coordinationCacheUpdates } from './cache-updates';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { coordinationRoutes } from './routes';

/** An overdue directive leads to its page: who has not finished, and their notes. */
const directivePage = (source: AlertSource) =>
  source.entityType === 'Directive' ? { name: 'coordination-directive', params: { id: source.entityId } } : null;

/**
 * 综合协调: the landing page linking the group's pages, directives (交办事项) with each assignee's
 * steps, and the HQ's response level (the header's badge and its history).
 */
export const coordination = defineFeature({
  name: 'coordination',
  routes: coordinationRoutes,
  messages: { 'zh-CN': zhCN, en },
  homeFor: { COORDINATOR: 'coordination' },
  cacheKeys: coordinationCacheKeys,
  cacheUpdates: coordinationCacheUpdates,
  resumable: {
    DirectiveChanged: 'directive',
    ResponseLevelChanged: 'responseLevel',
    MeetingChanged: 'meeting',
  },
  alertRules: {
    'directive-overdue': { link: directivePage },
  },
});
