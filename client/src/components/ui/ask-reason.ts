import { ElMessageBox } from 'element-plus';
import { i18n } from '../../app/i18n';

export interface ReasonPrompt {
  title: string;
  /** The question, above the input. */
  message: string;
  /** The confirm button: the action the reason is for ("Cancel order", "Resolve"). */
  confirm: string;
  placeholder?: string;
  /** Said when the answer is left empty; without it the reason is optional. */
  required?: string;
}

/**
 * Asks for the reason or note an action needs (cancelling an order, reopening an incident,
 * resolving an alert). Answers the trimmed text ('' for an optional one left empty), or null
 * when the person cancels — then nothing is sent.
 */
export async function askReason(prompt: ReasonPrompt): Promise<string | null> {
  const { required } = prompt;
  try {
    const answer = await ElMessageBox.prompt(prompt.message, prompt.title, {
      inputPlaceholder: prompt.placeholder,
      inputValidator: (value: string | null) => !required || (value ?? '').trim().length > 0 || required,
      confirmButtonText: prompt.confirm,
      cancelButtonText: i18n.global.t('common.cancel'),
    });
    return ((answer as { value: string | null }).value ?? '').trim();
  } catch {
    return null; // cancelled
  }
}
