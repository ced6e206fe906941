import { defineFeature } from '../../app/feature';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { permitsRoutes } from './routes';
import { permitVerificationRoutes } from './verification-routes';

/** 通行证: traffic-permit requests and their review, issued permits, printing and public verification. */
export const permits = defineFeature({
  name: 'permits',
  routes: permitsRoutes,
  standaloneRoutes: permitVerificationRoutes,
  messages: { 'zh-CN': zhCN, en },
  cacheKeys: {
    // The public check's answer belongs to the number asked, not to a record: never normalised.
    PermitVerification: () => null,
  },
});
