import { CombinedError } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { currentLocale, i18n } from '../../../app/i18n';
import { reportError } from '../../../app/report-error';

/**
 * Duty conflicts said in the officer's language with the facts the server sends (who took the
 * call, who acknowledged first) instead of a generic "conflict". Null when it is none of these.
 */
export function explainDutyConflict(error: unknown): string | null {
  if (!(error instanceof CombinedError)) return null;
  const { t } = i18n.global;
  for (const e of error.graphQLErrors) {
    const x = e.extensions ?? {};
    const reason = x['reason'];
    if (typeof reason !== 'string' || !/^duty(Call|Forward)\//.test(reason)) continue;
    if (currentLocale.value === 'en') return e.message;
    if (reason === 'dutyCall/already_claimed') return t('duty.conflict.alreadyClaimed', { name: x['claimedBy'] || '—' });
    if (reason === 'dutyForward/already_acknowledged') return t('duty.conflict.alreadyAcknowledged', { name: x['acknowledgedBy'] || '—' });
    if (reason === 'dutyCall/closed') return t('duty.conflict.closed');
  }
  return null;
}

/** A duty conflict as a warning (someone else was faster), anything else as an error. */
export function reportDutyError(error: unknown): void {
  const conflict = explainDutyConflict(error);
  if (conflict) ElMessage({ type: 'warning', message: conflict, showClose: true, duration: 8_000, grouping: true });
  else reportError(error);
}
