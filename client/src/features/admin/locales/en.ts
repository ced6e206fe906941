import type { MessagesLike } from '../../../app/messages-like';
import type zhCN from './zh-CN';

export default {
  title: 'Users and roles',
  lead: 'Manage users, roles, member units, fleets and depots.',
  duties: {
    d1: 'Users and roles',
    d2: 'Member units',
    d3: 'Fleets and vehicles',
    d4: 'Depots and checkpoints',
  },
} satisfies MessagesLike<typeof zhCN>;
