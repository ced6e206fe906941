import { defineFeature } from '../../app/feature';
import { adminCacheKeys, adminCacheUpdates } from './cache-updates';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { adminRoutes } from './routes';

/** 系统管理: users, member units, the audit trail and one's own password (the server's `identity` and `audit` modules). */
export const admin = defineFeature({
  name: 'admin',
  routes: adminRoutes,
  messages: { 'zh-CN': zhCN, en },
  homeFor: { ADMIN: 'admin' },
  cacheKeys: adminCacheKeys,
  cacheUpdates: adminCacheUpdates,
});
