import type { ResponseLevel } from '@cc/shared';
import type { PillTone } from '../../../components/ui/pill-tone';

/** 一级 is the loudest; the end of the response is good news. */
export const RESPONSE_LEVEL_TONE: Record<ResponseLevel, PillTone> = {
  LEVEL_1: 'red-solid',
  LEVEL_2: 'red',
  LEVEL_3: 'amber',
  LEVEL_4: 'blue',
  ENDED: 'green',
};
