import { defineFeature } from '../../app/feature';
import { permitLinksCacheKeys } from './links-cache';
import { permitLinksRoutes } from './links-routes';
import en from './locales/en';
import linksEn from './locales/links.en';
import linksZhCN from './locales/links.zh-CN';
import zhCN from './locales/zh-CN';
import { permitsRoutes } from './routes';

/** A job outliving its permit leads to the standby board, where the vehicle on the road and its permit show. */
const standbyBoard = () => ({ name: 'dispatch' });

/** 通行证: traffic-permit requests and their review, issued permits, printing and public verification. */
export const permits = defineFeature({
  name: 'permits',
  routes: [...permitsRoutes, ...permitLinksRoutes],
  // The dispatch side's strings (issue 21) live in their own files, under `links` and `alertRules`.
  messages: { 'zh-CN': { ...zhCN, ...linksZhCN }, en: { ...en, ...linksEn } },
  cacheKeys: permitLinksCacheKeys,
  alertRules: {
    'permit-outlived-by-job': { link: standbyBoard },
  },
});
