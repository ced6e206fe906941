import { defineFeature } from '../../app/feature';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { dutyRoutes } from './routes';

/** 值班值守: the duty log, a placeholder page until the server's future `duty` module exists. */
export const duty = defineFeature({
  name: 'duty',
  routes: dutyRoutes,
  messages: { 'zh-CN': zhCN, en },
});
