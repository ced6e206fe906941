import { ElMessage } from 'element-plus';
import { AcknowledgeDutyForwardDocument, ClaimDutyCallDocument, CloseDutyCallDocument } from '@cc/shared/operations';
import { i18n } from '../../../app/i18n';
import { useAction } from '../../../app/use-action';
import { useKeyedMutation } from '../../../app/use-form-mutation';
import { reportDutyError } from './duty-errors';

/**
 * The one-click actions on a call: claim it (atomic: a second officer is told who holds it),
 * close it, and acknowledge a forward (签收). Each is sent with an idempotency key.
 */
export function useDutyActions() {
  const { busy, run } = useAction(reportDutyError);
  const claim = useKeyedMutation(ClaimDutyCallDocument);
  const close = useKeyedMutation(CloseDutyCallDocument);
  const acknowledge = useKeyedMutation(AcknowledgeDutyForwardDocument);
  const t = i18n.global.t;

  return {
    busy,
    async claim(callId: string): Promise<void> {
      const data = await run(`claim:${callId}`, () => claim({ input: { callId } }));
      if (data) ElMessage({ type: 'success', message: t('duty.call.claimed', { number: data.claimDutyCall.number }) });
    },
    async close(callId: string, note: string): Promise<void> {
      const data = await run(`close:${callId}`, () => close({ input: { callId, note: note || null } }));
      if (data) ElMessage({ type: 'success', message: t('duty.call.closed', { number: data.closeDutyCall.number }) });
    },
    async acknowledge(forwardId: string): Promise<boolean> {
      const data = await run(`ack:${forwardId}`, () => acknowledge({ input: { forwardId } }));
      if (data) ElMessage({ type: 'success', message: t('duty.inbox.acknowledgedToast', { number: data.acknowledgeDutyForward.number }) });
      return !!data;
    },
  };
}
