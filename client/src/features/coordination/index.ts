import { defineFeature } from '../../app/feature';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { coordinationRoutes } from './routes';

/** 综合协调: directives, a placeholder page until the server's future `coordination` module exists. */
export const coordination = defineFeature({
  name: 'coordination',
  routes: coordinationRoutes,
  messages: { 'zh-CN': zhCN, en },
  homeFor: { COORDINATOR: 'coordination' },
});
