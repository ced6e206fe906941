import { defineFeature } from '../../app/feature';
import { alertCacheKeys, alertCacheUpdates } from './cache-updates';
import en from './locales/en';
import zhCN from './locales/zh-CN';

/**
 * 预警: the tray, the critical banner (mounted by the console frame, so no pages of its own;
 * the server's `alerts` module). Each rule's words and link come from the feature that owns
 * the rule's records (`alertRules` in its manifest).
 */
export const alerts = defineFeature({
  name: 'alerts',
  messages: { 'zh-CN': zhCN, en },
  cacheKeys: alertCacheKeys,
  cacheUpdates: alertCacheUpdates,
  resumable: { AlertChanged: 'alert' },
});
