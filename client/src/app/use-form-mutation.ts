import { useMutation, type AnyVariables, type OperationResult, type TypedDocumentNode } from '@urql/vue';
import { ref } from 'vue';
import { useFieldErrors } from './field-errors';
import { submissionKeys, withIdempotencyKey } from './idempotency';
import { fieldErrors, isNetworkError, reportError } from './report-error';

/**
 * A mutation sent with an idempotency key per submission (see submissionKeys): a retry of the
 * same variables after a lost answer, or a double click, acts once on the server.
 */
export function useKeyedMutation<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>) {
  const { executeMutation } = useMutation(document);
  const keys = submissionKeys();
  return async (variables: Variables): Promise<OperationResult<Data>> => {
    const submission = keys.open(variables);
    const result = await executeMutation(variables, withIdempotencyKey(submission.key));
    // Without an answer the server may or may not have acted: a retry keeps the key.
    if (!isNetworkError(result.error)) submission.answered();
    return result;
  };
}

/**
 * A form's mutation: `submit(variables)` sends it with an idempotency key (useKeyedMutation),
 * shows the server's refusals by field (`extensions.field`) beside the fields — translated
 * under `fieldMessages` — routes anything else through the one error helper, and clears
 * `busy` however it ends. It answers `pick(data)`, or null when it did not go through.
 */
export function useFormMutation<Data, Variables extends AnyVariables, Result>(
  document: TypedDocumentNode<Data, Variables>,
  pick: (data: Data) => Result | null | undefined,
  fieldMessages = '',
) {
  const send = useKeyedMutation(document);
  const busy = ref(false);
  /** Server validation messages by field. */
  const errors = ref<Record<string, string>>({});

  async function submit(variables: Variables): Promise<Result | null> {
    busy.value = true;
    errors.value = {};
    try {
      const result = await send(variables);
      if (result.error) {
        const byField = fieldErrors(result.error);
        if (Object.keys(byField).length > 0) errors.value = byField;
        else reportError(result.error);
        return null;
      }
      return (result.data && pick(result.data)) ?? null;
    } catch (error) {
      reportError(error);
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { submit, busy, errors, ...useFieldErrors(errors, fieldMessages), clearErrors: () => void (errors.value = {}) };
}
