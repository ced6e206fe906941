import type { MessagesLike } from '../../../app/messages-like';
import type zhCN from './zh-CN';

export default {
  title: 'Supplies',
  lead: 'Keep the supply reserve, issue and distribution; forecast the reserve needed; keep the traffic quarantine checkpoints supplied.',
  duties: {
    d1: 'Intake: accept, verify, register, put into stock',
    d2: 'Supply ledger with daily stock and issue reports',
    d3: 'Reviewing and approving requisitions',
    d4: 'Daily allocation plan: urgent first, key areas first, nearest stock',
  },
} satisfies MessagesLike<typeof zhCN>;
