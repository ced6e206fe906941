import type { RouteLocationRaw } from 'vue-router';
import { useRouter } from 'vue-router';
import type { AlertFieldsFragment } from '@cc/shared/operations';
import { ownerOfAlertRule } from '../../../app/feature';
import { features } from '../..';

/** Where the record an alert is about lives in the console: the link its rule's feature declares, if that page exists. */
export function useAlertSource() {
  const router = useRouter();
  return (alert: Pick<AlertFieldsFragment, 'ruleId' | 'source'>): RouteLocationRaw | null => {
    const target = ownerOfAlertRule(features, alert.ruleId)?.alertRules?.[alert.ruleId]?.link(alert.source) ?? null;
    if (target && typeof target === 'object' && 'name' in target && target.name && !router.hasRoute(target.name)) return null;
    return target;
  };
}
