import { defineFeature } from '../../app/feature';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { permitsRoutes } from './routes';

/** 通行证: traffic-permit requests and their review, issued permits, printing and public verification. */
export const permits = defineFeature({
  name: 'permits',
  routes: permitsRoutes,
  messages: { 'zh-CN': zhCN, en },
});
