import type { AlertFieldsFragment } from '@cc/shared/operations';
import { formatHqTimeLabelled } from '../../app/hq-time-format';
import { i18n } from '../../app/i18n';

type Alert = Pick<AlertFieldsFragment, 'ruleId' | 'summary' | 'params'>;

/** The catalogue key of a rule: 'incident-past-deadline' → 'incidentPastDeadline'. */
export function ruleKey(ruleId: string): string {
  return ruleId.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function known(ruleId: string): boolean {
  return i18n.global.te(`alerts.rules.${ruleKey(ruleId)}.message`, 'zh-CN');
}

/** Parameter values as a reader expects them: class A → 甲类, an instant → HQ date and time, zone named. */
function readable(params: Alert['params']): Record<string, string> {
  const { t } = i18n.global;
  const out: Record<string, string> = {};
  for (const { name, value } of params) {
    if (name === 'incidentClass' && ['A', 'B', 'C'].includes(value)) out[name] = t(`incidents.classes.${value}`);
    else if (/^\d{4}-\d\d-\d\dT/.test(value)) out[name] = formatHqTimeLabelled(value, 'dayClock');
    else out[name] = value;
  }
  return out;
}

/** The short headline of an alert in the console's language (the rule's name). */
export function alertTitle(alert: Alert): string {
  return known(alert.ruleId) ? i18n.global.t(`alerts.rules.${ruleKey(alert.ruleId)}.title`) : alert.ruleId;
}

/** The alert's message in the console's language; the server's English line for a rule the console does not know. */
export function alertMessage(alert: Alert): string {
  return known(alert.ruleId) ? i18n.global.t(`alerts.rules.${ruleKey(alert.ruleId)}.message`, readable(alert.params)) : alert.summary;
}
