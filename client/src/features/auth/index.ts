import { defineFeature } from '../../app/feature';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { authRoutes } from './routes';

/** Signing in and out (the server's `identity` module, sessions part). */
export const auth = defineFeature({
  name: 'auth',
  standaloneRoutes: authRoutes,
  messages: { 'zh-CN': zhCN, en },
  cacheKeys: {
    // One viewer per signed-in user.
    Viewer: (viewer) => (viewer['userId'] as string | undefined) ?? null,
  },
});
