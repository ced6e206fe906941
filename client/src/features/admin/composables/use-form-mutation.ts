import { useMutation, type AnyVariables, type TypedDocumentNode } from '@urql/vue';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { currentLocale } from '../../../app/i18n';
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
  const { t, te } = useI18n();
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

  /**
   * The message under a field the server refused: the server's own (specific, English) in an
   * English console, the translated one for that field in a Chinese console.
   */
  function fieldError(field: string): string {
    const message = errors.value[field];
    if (!message) return '';
    const key = `${messagesPrefix}.${field}`;
    return currentLocale.value === 'en' || !te(key) ? message : t(key);
  }

  /** Refusals naming a field the form does not show, so they still reach the person. */
  function otherErrors(shown: readonly string[]): string[] {
    return Object.entries(errors.value)
      .filter(([field]) => !shown.includes(field))
      .map(([, message]) => message);
  }

  return { run, busy, errors, fieldError, otherErrors, clearErrors: () => void (errors.value = {}) };
}
