import { useMutation, type AnyVariables, type OperationResult, type TypedDocumentNode } from '@urql/vue';
import { ref } from 'vue';
import { useFieldErrors } from './field-errors';
import { submissionKeys, withIdempotencyKey } from './idempotency';
import { waitForConnection } from './pending-sends';
import { fieldErrors, isNetworkError, reportError } from './report-error';

/** The mutation's root field (`logDutyCall`), which names it where the header lists waiting actions. */
export function rootFieldOf(document: TypedDocumentNode<unknown, AnyVariables>): string {
  for (const definition of document.definitions) {
    if (definition.kind !== 'OperationDefinition') continue;
    const first = definition.selectionSet.selections[0];
    if (first?.kind === 'Field') return first.name.value;
  }
  return 'unknown';
}

/**
 * A mutation sent with an idempotency key per submission (see submissionKeys): a retry of the
 * same variables after a lost answer, or a double click, acts once on the server. One that gets
 * no answer at all (offline, server unreachable) is not dropped: it waits, listed in the header,
 * and is sent again with the same key once the connection is back (pending-sends.ts); the
 * caller's promise resolves with that later answer, or with the network failure if the person
 * gives the action up.
 */
export function useKeyedMutation<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>) {
  const { executeMutation } = useMutation(document);
  const keys = submissionKeys();
  const operation = rootFieldOf(document as TypedDocumentNode<unknown, AnyVariables>);
  return async (variables: Variables): Promise<OperationResult<Data>> => {
    const submission = keys.open(variables);
    const send = () => executeMutation(variables, withIdempotencyKey(submission.key));
    const first = await send();
    if (!isNetworkError(first.error)) {
      submission.answered();
      return first;
    }
    // Without an answer the server may or may not have acted: the retries keep the key.
    const later = await waitForConnection(operation, async () => {
      const result = await send();
      return isNetworkError(result.error) ? undefined : result;
    });
    if (later === undefined) return first;
    submission.answered();
    return later;
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
