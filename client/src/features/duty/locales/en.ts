import type { MessagesLike } from '../../../app/messages-like';
import type zhCN from './zh-CN';

export default {
  title: 'Duty log',
  lead: '24-hour emergency watch: answer the duty phone, log each call, forward it at once and pass on HQ instructions.',
  duties: {
    d1: 'Logging calls on the emergency duty phone',
    d2: 'Forwarding each call to the right working group',
    d3: 'Shift handover and roster',
    d4: 'No empty post: check-ins and alerts',
  },
  alertRules: {
    dutyForwardUnacknowledged: {
      title: 'Forwarded call not acknowledged',
      message: 'Duty call {number} was forwarded {minutes} minutes ago and is still not acknowledged',
    },
  },
} satisfies MessagesLike<typeof zhCN>;
