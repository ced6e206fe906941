import { useMutation } from '@urql/vue';
import { ElMessage, ElMessageBox } from 'element-plus';
import { ref } from 'vue';
import { AcknowledgeAlertDocument, ResolveAlertDocument, type AlertFieldsFragment } from '@cc/shared/operations';
import { i18n } from '../../../app/i18n';
import { reportError } from '../../../app/report-error';

/** Acknowledging and resolving an alert, with one busy flag per alert. */
export function useAlertActions() {
  const acknowledgeMutation = useMutation(AcknowledgeAlertDocument);
  const resolveMutation = useMutation(ResolveAlertDocument);
  const busyId = ref<string | null>(null);
  const { t } = i18n.global;

  async function acknowledge(alert: AlertFieldsFragment): Promise<boolean> {
    busyId.value = alert.id;
    try {
      const result = await acknowledgeMutation.executeMutation({ id: alert.id });
      if (result.error) {
        reportError(result.error);
        return false;
      }
      ElMessage({ type: 'success', message: t('alerts.item.acknowledged'), grouping: true });
      return true;
    } catch (error) {
      reportError(error);
      return false;
    } finally {
      busyId.value = null;
    }
  }

  /** Asks how it was dealt with, then resolves; cancelling the prompt changes nothing. */
  async function resolve(alert: AlertFieldsFragment): Promise<boolean> {
    let note: string;
    try {
      const answer = await ElMessageBox.prompt(t('alerts.item.resolveHint'), t('alerts.item.resolveTitle'), {
        inputPlaceholder: t('alerts.item.resolveNotePlaceholder'),
        inputValidator: (value: string) => value.trim().length > 0 || t('alerts.item.resolveNote'),
        confirmButtonText: t('alerts.item.resolve'),
        cancelButtonText: t('common.cancel'),
      });
      note = answer.value;
    } catch {
      return false; // cancelled
    }
    busyId.value = alert.id;
    try {
      const result = await resolveMutation.executeMutation({ id: alert.id, note });
      if (result.error) {
        reportError(result.error);
        return false;
      }
      ElMessage({ type: 'success', message: t('alerts.item.resolved'), grouping: true });
      return true;
    } catch (error) {
      reportError(error);
      return false;
    } finally {
      busyId.value = null;
    }
  }

  return { acknowledge, resolve, busyId };
}
