import { defineFeature } from '../../app/feature';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { logisticsRoutes } from './routes';

/** 后勤保障: the supply ledger, a placeholder page until the server's future `logistics` module exists. */
export const logistics = defineFeature({
  name: 'logistics',
  routes: logisticsRoutes,
  messages: { 'zh-CN': zhCN, en },
  homeFor: { LOGISTICS_OFFICER: 'logistics' },
});
