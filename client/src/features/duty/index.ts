import { defineFeature } from '../../app/feature';
import { dutyCacheKeys, dutyCacheUpdates } from './cache-updates';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { dutyRoutes } from './routes';

/** An unsigned HQ instruction leads to the instructions page, where who has not signed shows. */
const instructionsPage = () => ({ name: 'duty-instructions' });

/** 值班值守: the duty log, HQ instructions passed on (传达) and the shift handover (交接班); the server's `duty` module. */
export const duty = defineFeature({
  name: 'duty',
  routes: dutyRoutes,
  messages: { 'zh-CN': zhCN, en },
  cacheKeys: dutyCacheKeys,
  cacheUpdates: dutyCacheUpdates,
  resumable: { HqInstructionChanged: 'hqInstruction', ShiftHandoverChanged: 'shiftHandover' },
  alertRules: {
    'hq-instruction-unacknowledged': { link: instructionsPage },
  },
});
