import { defineFeature, type AlertSource } from '../../app/feature';
import { permitsCacheKeys, permitsCacheUpdates } from './cache-updates';
import { permitLinksCacheKeys } from './links-cache';
import { permitLinksRoutes } from './links-routes';
import en from './locales/en';
import linksEn from './locales/links.en';
import linksZhCN from './locales/links.zh-CN';
import zhCN from './locales/zh-CN';
import { permitsRoutes } from './routes';
import { permitVerificationRoutes } from './verification-routes';

/** A request left waiting leads to its page, where it can be reviewed at once. */
const requestPage = (source: AlertSource) =>
  source.entityType === 'PermitRequest' ? { name: 'permit-request', params: { id: source.entityId } } : null;
/** A job outliving its permit leads to the standby board, where the vehicle on the road and its permit show. */
const standbyBoard = () => ({ name: 'dispatch' });

/**
 * 通行证: the dispatchers' live review queue (green channel first), the request form, a liaison's
 * own requests, the issued permits with search, revocation and export; and on the dispatch side
 * (permit-links: links-*, locales/links.*), a job's permit, standing permits and the day's figures.
 */
export const permits = defineFeature({
  name: 'permits',
  routes: [...permitsRoutes, ...permitLinksRoutes],
  standaloneRoutes: permitVerificationRoutes,
  // The dispatch side's strings live in their own files, under `links` and `alertRules`.
  messages: {
    'zh-CN': { ...zhCN, ...linksZhCN, alertRules: { ...zhCN.alertRules, ...linksZhCN.alertRules } },
    en: { ...en, ...linksEn, alertRules: { ...en.alertRules, ...linksEn.alertRules } },
  },
  // Dispatchers land on the standby board (dispatch); a liaison's landing stays the duty inbox.
  cacheKeys: {
    ...permitsCacheKeys,
    ...permitLinksCacheKeys,
    // The public check's answer belongs to the number asked, not to a record: never normalised.
    PermitVerification: () => null,
  },
  cacheUpdates: permitsCacheUpdates,
  resumable: {
    PermitRequestChanged: 'permitRequest',
    TrafficPermitChanged: 'trafficPermit',
  },
  alertRules: {
    'permit-request-waiting': { link: requestPage },
    'permit-outlived-by-job': { link: standbyBoard },
  },
});
