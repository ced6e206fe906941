import { currentLocale, i18n } from '../../../app/i18n';
import type { DutyCallFieldsFragment, DutyForwardFieldsFragment } from '@cc/shared/operations';

type Forward = Pick<DutyForwardFieldsFragment, 'targetGroup' | 'targetUnit'>;

/** Who a forward went to: the working group's name, or the member unit's. */
export function forwardTarget(forward: Forward): string {
  if (forward.targetGroup) return i18n.global.t(`groups.${forward.targetGroup}`);
  return forward.targetUnit?.name ?? '—';
}

/** The caller's unit as the log shows it: the member unit's name, or what was typed. */
export function callUnit(call: Pick<DutyCallFieldsFragment, 'unit' | 'unitText'>): string {
  return call.unit?.name ?? call.unitText ?? '';
}

/** "运输调配、后勤保障": every target of a call's forwards. */
export function forwardedTo(call: Pick<DutyCallFieldsFragment, 'forwards'>): string {
  return call.forwards.map(forwardTarget).join(currentLocale.value === 'en' ? ', ' : '、');
}

/** "已签收 1/2", or '' for a call not forwarded. */
export function acknowledgement(call: Pick<DutyCallFieldsFragment, 'forwards'>): string {
  const all = call.forwards.length;
  if (all === 0) return '';
  const done = call.forwards.filter((f) => f.acknowledgedAt).length;
  return i18n.global.t('duty.log.acknowledgedCount', { done, all });
}
