import { useMutation, type AnyVariables, type TypedDocumentNode } from '@urql/vue';
import { ref } from 'vue';
import { useFieldErrors } from '../../../app/field-errors';
import { fieldErrors, reportError } from '../../../app/report-error';

/**
 * A form's mutation: busy while it runs, the server's refusals by field (`extensions.field`)
 * for the form to show under each field, anything else through the one error helper.
 */
export function useFormMutation<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  messagesPrefix: string,
) {
  const { executeMutation } = useMutation(document);
  const busy = ref(false);
  const errors = ref<Record<string, string>>({});

  async function run(variables: Variables): Promise<Data | null> {
    busy.value = true;
    errors.value = {};
    try {
      const result = await executeMutation(variables);
      if (result.error) {
        const byField = fieldErrors(result.error);
        if (Object.keys(byField).length > 0) errors.value = byField;
        else reportError(result.error);
        return null;
      }
      return result.data ?? null;
    } catch (error) {
      reportError(error);
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { run, busy, errors, ...useFieldErrors(errors, messagesPrefix), clearErrors: () => void (errors.value = {}) };
}
