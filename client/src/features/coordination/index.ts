import { defineFeature, type AlertSource } from '../../app/feature';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { documentCacheKeys, documentCacheUpdates } from './cache-updates';
import { coordinationRoutes } from './routes';

const documentPage = (source: AlertSource) =>
  source.entityType === 'Document' ? { name: 'coordination-document', params: { id: source.entityId } } : null;

/** 综合协调: directives, a placeholder page until the server's future `coordination` module exists. */
export const coordination = defineFeature({
  name: 'coordination',
  routes: coordinationRoutes,
  messages: { 'zh-CN': zhCN, en },
  homeFor: { COORDINATOR: 'coordination' },
  resumable: { DocumentChanged: 'document' },
  cacheKeys: { ...documentCacheKeys },
  cacheUpdates: { ...documentCacheUpdates },
  alertRules: {
    // An overdue sign-off leads to its document, where who has not signed shows and can be reminded.
    'document-signoff-overdue': { link: documentPage },
  },
});
