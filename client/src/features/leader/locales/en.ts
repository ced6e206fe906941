import type { MessagesLike } from '../../../app/messages-like';
import type zhCN from './zh-CN';

export default {
  title: 'Situation overview',
  lead: 'The leader on duty sees every working group live, receives alerts and approves.',
  duties: {
    d1: 'Open incidents and overdue alerts',
    d2: 'Roster and who is on duty',
    d3: 'Vehicle standby and dispatch',
    d4: 'Supply stock and allocation plans to approve',
  },
} satisfies MessagesLike<typeof zhCN>;
