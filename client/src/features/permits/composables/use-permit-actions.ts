import { ElMessage, ElMessageBox } from 'element-plus';
import {
  AskPermitRequestInfoDocument,
  RejectPermitRequestDocument,
  ResubmitPermitRequestDocument,
  RevokeTrafficPermitDocument,
  WithdrawPermitRequestDocument,
} from '@cc/shared/operations';
import { i18n } from '../../../app/i18n';
import { useAction } from '../../../app/use-action';
import { useKeyedMutation } from '../../../app/use-form-mutation';
import { askReason } from '../../../components/ui/ask-reason';

/** The one-field actions on requests and permits: each asks for its text first, and sends nothing when cancelled. */
export function usePermitActions() {
  const t = i18n.global.t;
  const { busy, run } = useAction();
  const reject = useKeyedMutation(RejectPermitRequestDocument);
  const ask = useKeyedMutation(AskPermitRequestInfoDocument);
  const resubmit = useKeyedMutation(ResubmitPermitRequestDocument);
  const withdraw = useKeyedMutation(WithdrawPermitRequestDocument);
  const revoke = useKeyedMutation(RevokeTrafficPermitDocument);
  const required = (field: string) => t('permits.form.required', { field });

  return {
    busy,
    async reject(requestId: string): Promise<void> {
      const reason = await askReason({
        title: t('permits.reject.title'),
        message: t('permits.reject.reason'),
        confirm: t('permits.queue.reject'),
        required: required(t('permits.fields.rejectionReason')),
      });
      if (reason === null) return;
      if (await run(`reject:${requestId}`, () => reject({ input: { requestId, reason } })))
        ElMessage({ type: 'success', message: t('permits.reject.done') });
    },
    async askInfo(requestId: string): Promise<void> {
      const question = await askReason({
        title: t('permits.askInfo.title'),
        message: t('permits.askInfo.question'),
        confirm: t('permits.queue.askInfo'),
        required: required(t('permits.fields.question')),
      });
      if (question === null) return;
      if (await run(`ask:${requestId}`, () => ask({ input: { requestId, question } })))
        ElMessage({ type: 'success', message: t('permits.askInfo.done') });
    },
    async answer(requestId: string, question: string): Promise<void> {
      const answer = await askReason({
        title: t('permits.mine.answer'),
        message: question,
        confirm: t('permits.mine.answer'),
        required: required(t('permits.fields.answer')),
      });
      if (answer === null) return;
      if (await run(`answer:${requestId}`, () => resubmit({ input: { requestId, answer } })))
        ElMessage({ type: 'success', message: t('permits.mine.resubmitted') });
    },
    async withdraw(requestId: string): Promise<void> {
      const sure = await ElMessageBox.confirm(t('permits.mine.withdrawConfirm'), t('permits.mine.withdraw'), {
        confirmButtonText: t('permits.mine.withdraw'),
        cancelButtonText: t('common.cancel'),
        type: 'warning',
      }).then(
        () => true,
        () => false,
      );
      if (!sure) return;
      if (await run(`withdraw:${requestId}`, () => withdraw({ input: { requestId } })))
        ElMessage({ type: 'success', message: t('permits.mine.withdrawn') });
    },
    async revoke(permitId: string, number: string): Promise<void> {
      const reason = await askReason({
        title: `${t('permits.issued.revoke')} ${number}`,
        message: t('permits.issued.revokeReason'),
        confirm: t('permits.issued.revoke'),
        required: required(t('permits.fields.revocationReason')),
      });
      if (reason === null) return;
      if (await run(`revoke:${permitId}`, () => revoke({ input: { permitId, reason } })))
        ElMessage({ type: 'success', message: t('permits.issued.revoked', { number }) });
    },
  };
}
