import { WORKING_GROUPS } from '@cc/shared';
import type { AlertFieldsFragment } from '@cc/shared/operations';
import { alertRuleMessagesPath, ownerOfAlertRule } from '../../app/feature';
import { formatHqTimeLabelled } from '../../app/hq-time-format';
import { currentLocale, i18n } from '../../app/i18n';
import { features } from '..';

type Alert = Pick<AlertFieldsFragment, 'ruleId' | 'summary' | 'params'>;

/** Where a rule's strings are, from the feature that owns the rule; undefined for a rule the console does not know. */
function messagesPath(ruleId: string): string | undefined {
  const owner = ownerOfAlertRule(features, ruleId);
  const path = owner && alertRuleMessagesPath(owner, ruleId);
  return path && i18n.global.te(`${path}.message`, 'zh-CN') ? path : undefined;
}

/** Parameter values as a reader expects them: class A → 甲类, TRANSPORT → 运输调配, an instant → HQ date and time, zone named. */
function readable(params: Alert['params']): Record<string, string> {
  const { t } = i18n.global;
  const out: Record<string, string> = {};
  for (const { name, value } of params) {
    if (name === 'incidentClass' && ['A', 'B', 'C'].includes(value)) out[name] = t(`incidents.classes.${value}`);
    // The roster's missing roles (OFFICER,LEADER) → 值班员、带班领导
    else if (name === 'missing' && /^[A-Z,]+$/.test(value))
      out[name] = value
        .split(',')
        .map((role) => t(`duty.roster.roles.${role}`))
        .join(currentLocale.value === 'en' ? ' and ' : '、');
    // Why a job outlives its permit (REVOKED, ENDED…) → 已吊销、已到期…
    else if (name === 'permitOutlivedReason') out[name] = t(`permits.links.outlivedReasons.${value}`);
    else if ((WORKING_GROUPS as readonly string[]).includes(value)) out[name] = t(`groups.${value}`);
    else if (/^\d{4}-\d\d-\d\dT/.test(value)) out[name] = formatHqTimeLabelled(value, 'dayClock');
    else out[name] = value;
  }
  return out;
}

/** The short headline of an alert in the console's language (the rule's name). */
export function alertTitle(alert: Alert): string {
  const path = messagesPath(alert.ruleId);
  return path ? i18n.global.t(`${path}.title`) : alert.ruleId;
}

/** The alert's message in the console's language; the server's English line for a rule the console does not know. */
export function alertMessage(alert: Alert): string {
  const path = messagesPath(alert.ruleId);
  return path ? i18n.global.t(`${path}.message`, readable(alert.params)) : alert.summary;
}
