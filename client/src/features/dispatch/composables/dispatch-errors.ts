import { CombinedError } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { currentLocale, i18n } from '../../../app/i18n';
import { reportError } from '../../../app/report-error';

/**
 * Dispatch conflicts said in the dispatcher's language, with the facts the server sends
 * (`extensions`: who took the vehicle, for which order), instead of a generic "conflict".
 * Returns false when the error is not one of these; the caller then reports it as usual.
 */
export function explainDispatchConflict(error: unknown): string | null {
  if (!(error instanceof CombinedError)) return null;
  const { t } = i18n.global;
  for (const e of error.graphQLErrors) {
    const x = e.extensions ?? {};
    const reason = x['reason'];
    if (currentLocale.value === 'en' && typeof reason === 'string' && reason.startsWith('vehicle/')) return e.message;
    if (reason === 'vehicle/already_assigned') {
      return t('dispatch.conflict.alreadyAssigned', { plate: x['plate'], takenBy: x['takenBy'], orderNumber: x['orderNumber'] ?? '' });
    }
    if (reason === 'vehicle/not_ready') {
      return t('dispatch.conflict.notReady', { plate: x['plate'], status: t(`dispatch.statuses.${String(x['status'])}`) });
    }
    if (reason === 'dispatchOrder/stale') return t('dispatch.conflict.stale');
  }
  return null;
}

/** Shows a dispatch conflict as a warning (someone else was faster), anything else as an error. */
export function reportDispatchError(error: unknown): void {
  const conflict = explainDispatchConflict(error);
  if (conflict) ElMessage({ type: 'warning', message: conflict, showClose: true, duration: 8_000, grouping: true });
  else reportError(error);
}
