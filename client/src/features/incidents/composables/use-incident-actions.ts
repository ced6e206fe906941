import { useMutation } from '@urql/vue';
import { ElMessage, ElMessageBox } from 'element-plus';
import { ref } from 'vue';
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
import { reportError } from '../../../app/report-error';

/** The lifecycle steps, assignment and notes of the detail page; each based on the version on screen. */
export function useIncidentActions() {
  const { t } = i18n.global;
  const steps = {
    ACKNOWLEDGE: useMutation(AcknowledgeIncidentDocument),
    START: useMutation(StartIncidentDocument),
    RESOLVE: useMutation(ResolveIncidentDocument),
    CLOSE: useMutation(CloseIncidentDocument),
    REOPEN: useMutation(ReopenIncidentDocument),
  };
  const assignMutation = useMutation(AssignIncidentDocument);
  const noteMutation = useMutation(AddIncidentNoteDocument);
  const busy = ref<string | null>(null);

  /** Asks for a note where it matters: required to reopen, optional when resolving. */
  async function askNote(action: IncidentAction): Promise<string | null | undefined> {
    if (action !== 'REOPEN' && action !== 'RESOLVE') return null;
    try {
      const answer = await ElMessageBox.prompt(
        action === 'REOPEN' ? t('incidents.detail.reopenPrompt') : t('incidents.detail.notePrompt'),
        t(`incidents.detail.actions.${action}`),
        {
          inputValidator: (value: string) => action !== 'REOPEN' || value.trim().length > 0 || t('incidents.detail.reopenPrompt'),
          confirmButtonText: t(`incidents.detail.actions.${action}`),
          cancelButtonText: t('common.cancel'),
        },
      );
      return answer.value.trim() || null;
    } catch {
      return undefined; // cancelled
    }
  }

  async function run(what: string, work: () => Promise<{ error?: unknown }>, success: string): Promise<boolean> {
    busy.value = what;
    try {
      const result = await work();
      if (result.error) {
        reportError(result.error);
        return false;
      }
      ElMessage({ type: 'success', message: success, grouping: true });
      return true;
    } catch (error) {
      reportError(error);
      return false;
    } finally {
      busy.value = null;
    }
  }

  async function step(incident: IncidentDetailFieldsFragment, action: IncidentAction): Promise<boolean> {
    const note = await askNote(action);
    if (note === undefined) return false;
    const status = t(`incidents.statuses.${INCIDENT_ACTIONS[action].to}`);
    return run(
      action,
      () => steps[action].executeMutation({ input: { id: incident.id, expectedVersion: incident.version, note } }),
      t('incidents.detail.done', { status }),
    );
  }

  function assign(incident: IncidentDetailFieldsFragment, assignedGroup: WorkingGroup | null, ownerId: string | null): Promise<boolean> {
    return run(
      'ASSIGN',
      () => assignMutation.executeMutation({ input: { id: incident.id, expectedVersion: incident.version, assignedGroup, ownerId } }),
      t('incidents.detail.assigned'),
    );
  }

  function addNote(incident: IncidentDetailFieldsFragment, text: string): Promise<boolean> {
    return run('NOTE', () => noteMutation.executeMutation({ input: { incidentId: incident.id, text } }), t('incidents.detail.noteAdded'));
  }

  return { step, assign, addNote, busy };
}
