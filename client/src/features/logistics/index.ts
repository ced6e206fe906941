import { defineFeature } from '../../app/feature';
import { logisticsCacheKeys, logisticsCacheUpdates } from './cache-updates';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { logisticsRoutes } from './routes';

/** 后勤保障: live stock balances, the ledger (台账), intake's four steps, issue/transfer/count/reversal. */
export const logistics = defineFeature({
  name: 'logistics',
  routes: logisticsRoutes,
  messages: { 'zh-CN': zhCN, en },
  homeFor: { LOGISTICS_OFFICER: 'logistics' },
  cacheKeys: logisticsCacheKeys,
  cacheUpdates: logisticsCacheUpdates,
  resumable: { StockChanged: 'supplyStock' },
});
