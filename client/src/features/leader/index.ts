import { defineFeature } from '../../app/feature';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { leaderRoutes } from './routes';

/** 领导总览: the leader's live overview (the server's `leader` module). */
export const leader = defineFeature({
  name: 'leader',
  routes: leaderRoutes,
  messages: { 'zh-CN': zhCN, en },
  homeFor: { LEADER: 'leader' },
  cacheKeys: {
    // The dashboard and its figures are answers computed for the moment, not records.
    LeaderDashboard: () => null,
    OpenIncidentCount: () => null,
    IncidentClassSummary: () => null,
    AlertLevelCount: () => null,
    CompanyReadyCount: () => null,
    ResponseTimeFigures: () => null,
  },
});
