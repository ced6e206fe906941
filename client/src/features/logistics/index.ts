import { defineFeature, type AlertSource } from '../../app/feature';
import { logisticsCacheKeys, logisticsCacheUpdates } from './cache-updates';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { logisticsRoutes } from './routes';

/** A stock alert leads to the stock page, on that place's balances. */
const stockAtPlace = (source: AlertSource) => ({ name: 'logistics', query: { place: source.entityId } });

/** 后勤保障: live stock balances, the ledger (台账), intake's four steps, issue/transfer/count/reversal. */
export const logistics = defineFeature({
  name: 'logistics',
  routes: logisticsRoutes,
  messages: { 'zh-CN': zhCN, en },
  homeFor: { LOGISTICS_OFFICER: 'logistics' },
  cacheKeys: logisticsCacheKeys,
  cacheUpdates: logisticsCacheUpdates,
  resumable: { StockChanged: 'supplyStock' },
  alertRules: {
    'supply-below-minimum': { link: stockAtPlace },
    'supply-low-cover': { link: stockAtPlace },
  },
});
