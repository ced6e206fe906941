import { ElMessage } from 'element-plus';
import { AcknowledgeAlertDocument, ResolveAlertDocument, type AlertFieldsFragment } from '@cc/shared/operations';
import { i18n } from '../../../app/i18n';
import { useAction } from '../../../app/use-action';
import { useKeyedMutation } from '../../../app/use-form-mutation';
import { askReason } from '../../../components/ui/ask-reason';

/** Acknowledging and resolving an alert, with one busy flag per alert. */
export function useAlertActions() {
  const acknowledgeAlert = useKeyedMutation(AcknowledgeAlertDocument);
  const resolveAlert = useKeyedMutation(ResolveAlertDocument);
  const { busy: busyId, run } = useAction();
  const { t } = i18n.global;

  async function acknowledge(alert: AlertFieldsFragment): Promise<boolean> {
    const done = await run(alert.id, () => acknowledgeAlert({ id: alert.id }));
    if (done) ElMessage({ type: 'success', message: t('alerts.item.acknowledged'), grouping: true });
    return done !== null;
  }

  /** Asks how it was dealt with, then resolves; cancelling the prompt changes nothing. */
  async function resolve(alert: AlertFieldsFragment): Promise<boolean> {
    const note = await askReason({
      title: t('alerts.item.resolveTitle'),
      message: t('alerts.item.resolveHint'),
      placeholder: t('alerts.item.resolveNotePlaceholder'),
      required: t('alerts.item.resolveNote'),
      confirm: t('alerts.item.resolve'),
    });
    if (note === null) return false;
    const done = await run(alert.id, () => resolveAlert({ id: alert.id, note }));
    if (done) ElMessage({ type: 'success', message: t('alerts.item.resolved'), grouping: true });
    return done !== null;
  }

  return { acknowledge, resolve, busyId };
}
