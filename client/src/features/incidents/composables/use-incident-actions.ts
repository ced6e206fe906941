import { ElMessage } from 'element-plus';
import { INCIDENT_ACTIONS, type IncidentAction, type WorkingGroup } from '@cc/shared';
import {
  AcknowledgeIncidentDocument,
  AddIncidentNoteDocument,
  AssignIncidentDocument,
  CloseIncidentDocument,
  ReopenIncidentDocument,
  ResolveIncidentDocument,
  StartIncidentDocument,
  type IncidentDetailFieldsFragment,
} from '@cc/shared/operations';
import { i18n } from '../../../app/i18n';
import { useAction } from '../../../app/use-action';
import { useKeyedMutation } from '../../../app/use-form-mutation';
import { askReason } from '../../../components/ui/ask-reason';

/** The lifecycle steps, assignment and notes of the detail page; each based on the version on screen. */
export function useIncidentActions() {
  const { t } = i18n.global;
  const steps = {
    ACKNOWLEDGE: useKeyedMutation(AcknowledgeIncidentDocument),
    START: useKeyedMutation(StartIncidentDocument),
    RESOLVE: useKeyedMutation(ResolveIncidentDocument),
    CLOSE: useKeyedMutation(CloseIncidentDocument),
    REOPEN: useKeyedMutation(ReopenIncidentDocument),
  };
  const assignIncident = useKeyedMutation(AssignIncidentDocument);
  const addIncidentNote = useKeyedMutation(AddIncidentNoteDocument);
  const { busy, run: runAction } = useAction();

  /** Asks for a note where it matters: required to reopen, optional when resolving; undefined when cancelled. */
  async function askNote(action: IncidentAction): Promise<string | null | undefined> {
    if (action !== 'REOPEN' && action !== 'RESOLVE') return null;
    const note = await askReason({
      title: t(`incidents.detail.actions.${action}`),
      message: action === 'REOPEN' ? t('incidents.detail.reopenPrompt') : t('incidents.detail.notePrompt'),
      required: action === 'REOPEN' ? t('incidents.detail.reopenPrompt') : undefined,
      confirm: t(`incidents.detail.actions.${action}`),
    });
    return note === null ? undefined : note || null;
  }

  async function run(what: string, work: () => Promise<{ data?: unknown; error?: unknown }>, success: string): Promise<boolean> {
    const done = await runAction(what, work);
    if (done) ElMessage({ type: 'success', message: success, grouping: true });
    return done !== null;
  }

  async function step(incident: IncidentDetailFieldsFragment, action: IncidentAction): Promise<boolean> {
    const note = await askNote(action);
    if (note === undefined) return false;
    const status = t(`incidents.statuses.${INCIDENT_ACTIONS[action].to}`);
    return run(
      action,
      () => steps[action]({ input: { id: incident.id, expectedVersion: incident.version, note } }),
      t('incidents.detail.done', { status }),
    );
  }

  function assign(incident: IncidentDetailFieldsFragment, assignedGroup: WorkingGroup | null, ownerId: string | null): Promise<boolean> {
    return run(
      'ASSIGN',
      () => assignIncident({ input: { id: incident.id, expectedVersion: incident.version, assignedGroup, ownerId } }),
      t('incidents.detail.assigned'),
    );
  }

  function addNote(incident: IncidentDetailFieldsFragment, text: string): Promise<boolean> {
    return run('NOTE', () => addIncidentNote({ input: { incidentId: incident.id, text } }), t('incidents.detail.noteAdded'));
  }

  return { step, assign, addNote, busy };
}
