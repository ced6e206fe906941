import { useMutation } from '@urql/vue';
import { ref } from 'vue';
import { ReportIncidentDocument, type IncidentFieldsFragment, type ReportIncidentInput } from '@cc/shared/operations';
import { fieldErrors, reportError } from '../../../app/report-error';

function newKey(): string {
  return crypto.randomUUID();
}

/**
 * Reports an incident. One idempotency key per report: a retry after a lost response (or a
 * double click) cannot log the same incident twice; a new key after each success.
 */
export function useReportIncident() {
  const { executeMutation } = useMutation(ReportIncidentDocument);
  const busy = ref(false);
  /** Server validation messages by field (`extensions.field`). */
  const errors = ref<Record<string, string>>({});
  let idempotencyKey = newKey();

  async function submit(input: ReportIncidentInput): Promise<IncidentFieldsFragment | null> {
    busy.value = true;
    errors.value = {};
    try {
      const result = await executeMutation(
        { input },
        { fetchOptions: { credentials: 'include', headers: { 'Idempotency-Key': idempotencyKey } } },
      );
      if (result.error) {
        const byField = fieldErrors(result.error);
        if (Object.keys(byField).length > 0) errors.value = byField;
        else reportError(result.error);
        return null;
      }
      idempotencyKey = newKey();
      return result.data?.reportIncident ?? null;
    } catch (error) {
      reportError(error);
      return null;
    } finally {
      busy.value = false;
    }
  }

  function clearErrors(): void {
    errors.value = {};
  }

  return { submit, busy, errors, clearErrors };
}
