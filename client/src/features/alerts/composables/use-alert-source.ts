import type { RouteLocationRaw } from 'vue-router';
import { useRouter } from 'vue-router';
import type { AlertFieldsFragment } from '@cc/shared/operations';

/** Where the record an alert is about lives in the console, if it has a page. */
export function useAlertSource() {
  const router = useRouter();
  return (alert: Pick<AlertFieldsFragment, 'source'>): RouteLocationRaw | null => {
    const { entityType, entityId } = alert.source;
    if (entityType === 'Incident' && router.hasRoute('incident-detail')) return { name: 'incident-detail', params: { id: entityId } };
    if ((entityType === 'TransportCompany' || entityType === 'Fleet') && router.hasRoute('dispatch')) return { name: 'dispatch' };
    return null;
  };
}
