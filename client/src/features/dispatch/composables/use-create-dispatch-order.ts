import { useMutation } from '@urql/vue';
import { ref } from 'vue';
import { CreateDispatchOrderDocument, type CreateDispatchOrderInput, type DispatchOrderFieldsFragment } from '@cc/shared/operations';
import { fieldErrors, reportError } from '../../../app/report-error';

const newKey = () => crypto.randomUUID();

/**
 * Raises a dispatch order. One idempotency key per order: a retry after a lost response (or a
 * double click) cannot raise it twice; a new key after each success.
 */
export function useCreateDispatchOrder() {
  const { executeMutation } = useMutation(CreateDispatchOrderDocument);
  const busy = ref(false);
  const errors = ref<Record<string, string>>({});
  let idempotencyKey = newKey();

  async function submit(input: CreateDispatchOrderInput): Promise<DispatchOrderFieldsFragment | null> {
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
      return result.data?.createDispatchOrder ?? null;
    } catch (error) {
      reportError(error);
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { submit, busy, errors, clearErrors: () => (errors.value = {}) };
}
