import { defineFeature, type AlertSource } from '../../app/feature';
import { permitsCacheKeys, permitsCacheUpdates } from './cache-updates';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { permitsRoutes } from './routes';
import { permitVerificationRoutes } from './verification-routes';

/** A request left waiting leads to its page, where it can be reviewed at once. */
const requestPage = (source: AlertSource) =>
  source.entityType === 'PermitRequest' ? { name: 'permit-request', params: { id: source.entityId } } : null;

/**
 * 通行证: the dispatchers' live review queue (green channel first), the request form, a liaison's
 * own requests, the issued permits with search, revocation and export.
 */
export const permits = defineFeature({
  name: 'permits',
  routes: permitsRoutes,
  standaloneRoutes: permitVerificationRoutes,
  messages: { 'zh-CN': zhCN, en },
  // Dispatchers land on the standby board (dispatch); a liaison's landing stays the duty inbox.
  cacheKeys: {
    ...permitsCacheKeys,
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
  },
});
