import { useMutation } from '@urql/vue';
import { ref } from 'vue';
import type { IncidentStatus } from '@cc/shared';
import { ChangeIncidentStatusDocument, type IncidentFieldsFragment } from '@cc/shared/operations';
import { reportError } from '../../../app/report-error';

/** Moves an incident along its lifecycle, based on the version on screen (a stale one is refused). */
export function useChangeIncidentStatus() {
  const { executeMutation } = useMutation(ChangeIncidentStatusDocument);
  const busyId = ref<string | null>(null);

  async function change(incident: IncidentFieldsFragment, status: IncidentStatus): Promise<boolean> {
    busyId.value = incident.id;
    try {
      const result = await executeMutation({ input: { id: incident.id, expectedVersion: incident.version, status } });
      if (result.error) {
        reportError(result.error);
        return false;
      }
      return true;
    } catch (error) {
      reportError(error);
      return false;
    } finally {
      busyId.value = null;
    }
  }

  return { change, busyId };
}
