import { toValue, type MaybeRefOrGetter } from 'vue';
import { currentLocale, i18n } from './i18n';

/**
 * How a form shows the server's refusals by field (`extensions.field`): under the field, or,
 * for a field the form does not show, above the form. The translations live under
 * `${messagesPrefix}.${field}`. (The console's one i18n instance, so it also works outside a component's setup.)
 */
export function useFieldErrors(errors: MaybeRefOrGetter<Record<string, string>>, messagesPrefix: string) {
  const { t, te } = i18n.global;

  /**
   * The message under a field the server refused: the server's own (specific, English) in an
   * English console, the translated one for that field in a Chinese console.
   */
  function fieldError(field: string): string {
    const message = toValue(errors)[field];
    if (!message) return '';
    const key = `${messagesPrefix}.${field}`;
    return currentLocale.value === 'en' || !te(key) ? message : t(key);
  }

  /** Refusals naming a field the form does not show, so they still reach the person. */
  function otherErrors(shown: readonly string[]): string[] {
    return Object.entries(toValue(errors))
      .filter(([field]) => !shown.includes(field))
      .map(([, message]) => message);
  }

  return { fieldError, otherErrors };
}
