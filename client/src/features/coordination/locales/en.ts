import type { MessagesLike } from '../../../app/messages-like';
import type zhCN from './zh-CN';

export default {
  title: 'Directives',
  lead: 'Communication and coordination, document circulation, staff deployment, meetings and every task HQ assigns.',
  duties: {
    d1: 'Assigning and tracking HQ directives',
    d2: 'Document circulation and instructions',
    d3: 'Daily and zero reports from member units (due 16:00)',
    d4: 'Organising meetings',
  },
  alertRules: {
    documentSignoffOverdue: {
      title: 'Document sign-off overdue',
      message: '{target} has not signed for document {docNumber} ({title}) by its due time',
    },
  },
} satisfies MessagesLike<typeof zhCN>;
