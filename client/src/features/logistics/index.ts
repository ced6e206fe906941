import { defineFeature, type AlertSource } from '../../app/feature';
import { logisticsCacheKeys, logisticsCacheUpdates } from './cache-updates';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { logisticsRoutes } from './routes';
import { supplyWorkCacheKeys, supplyWorkCacheUpdates } from './supply-work-cache';

/** A stock alert leads to the stock page, on that place's balances. */
const stockAtPlace = (source: AlertSource) => ({ name: 'logistics', query: { place: source.entityId } });

/** The supply day's alerts lead to the day's plan page; the summary's to the summary. */
const planPage = (_source: AlertSource) => ({ name: 'logistics-plan' });
const summaryPage = (_source: AlertSource) => ({ name: 'logistics-summary' });

/**
 * 后勤保障: live stock balances, the ledger (台账), intake's four steps, issue/transfer/count/reversal;
 * requisitions, the daily allocation plan, call-ups and the daily summary.
 */
export const logistics = defineFeature({
  name: 'logistics',
  routes: logisticsRoutes,
  messages: { 'zh-CN': zhCN, en },
  homeFor: { LOGISTICS_OFFICER: 'logistics', INSPECTOR: 'logistics-summary' },
  cacheKeys: { ...logisticsCacheKeys, ...supplyWorkCacheKeys },
  cacheUpdates: {
    Subscription: { ...logisticsCacheUpdates['Subscription'], ...supplyWorkCacheUpdates['Subscription'] },
    Mutation: { ...logisticsCacheUpdates['Mutation'], ...supplyWorkCacheUpdates['Mutation'] },
  },
  resumable: { StockChanged: 'supplyStock', RequisitionChanged: 'requisition', SupplyDayChanged: 'supplyDay', CallUpChanged: 'callUp' },
  alertRules: {
    'supply-below-minimum': { link: stockAtPlace },
    'supply-low-cover': { link: stockAtPlace },
    'allocation-plan-not-approved': { link: planPage },
    'allocation-plan-not-delivered': { link: planPage },
    'daily-supply-summary-late': { link: summaryPage },
  },
});
