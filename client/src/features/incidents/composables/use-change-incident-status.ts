import type { IncidentStatus } from '@cc/shared';
import { ChangeIncidentStatusDocument, type IncidentFieldsFragment } from '@cc/shared/operations';
import { useAction } from '../../../app/use-action';
import { useKeyedMutation } from '../../../app/use-form-mutation';

/** Moves an incident along its lifecycle, based on the version on screen (a stale one is refused). */
export function useChangeIncidentStatus() {
  const changeStatus = useKeyedMutation(ChangeIncidentStatusDocument);
  const { busy: busyId, run } = useAction();

  async function change(incident: IncidentFieldsFragment, status: IncidentStatus): Promise<boolean> {
    const done = await run(incident.id, () => changeStatus({ input: { id: incident.id, expectedVersion: incident.version, status } }));
    return done !== null;
  }

  return { change, busyId };
}
