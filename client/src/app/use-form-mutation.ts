import { useMutation, type TypedDocumentNode } from '@urql/vue';
import { ref } from 'vue';
import { fieldErrors, reportError } from './report-error';

const newKey = () => crypto.randomUUID();

/**
 * A form's mutation: `submit(input)` sends it with an idempotency key (a retry after a lost
 * answer, or a double click, cannot act twice; a new key after each success), shows the
 * server's field messages (`extensions.field`) beside the fields, routes anything else through
 * the one error helper, and clears `busy` however it ends.
 */
export function useFormMutation<Data, Input, Result>(
  document: TypedDocumentNode<Data, { input: Input }>,
  pick: (data: Data) => Result | null | undefined,
) {
  const { executeMutation } = useMutation(document);
  const busy = ref(false);
  /** Server validation messages by field. */
  const errors = ref<Record<string, string>>({});
  let idempotencyKey = newKey();

  async function submit(input: Input): Promise<Result | null> {
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
      return (result.data && pick(result.data)) ?? null;
    } catch (error) {
      reportError(error);
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { submit, busy, errors, clearErrors: () => void (errors.value = {}) };
}
