import type { MessagesLike } from '../../../app/messages-like';
import type zhCN from './zh-CN';

export default {
  title: 'Vehicle dispatch',
  lead: 'Dispatch vehicles carrying epidemic supplies and daily necessities, coordinate traffic permits, collect and report information.',
  duties: {
    d1: 'Three companies keep 5 emergency vehicles each on standby (15 in all)',
    d2: 'Dispatch orders: assigned, en route, on site, returning',
    d3: 'Traffic permit review, green channel first',
    d4: 'Medical transfers and checkpoint replenishment',
  },
} satisfies MessagesLike<typeof zhCN>;
