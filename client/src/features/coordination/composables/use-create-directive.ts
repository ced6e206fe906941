import { CreateDirectiveDocument } from '@cc/shared/operations';
import { useFormMutation } from '../../../app/use-form-mutation';

/** Assigns a new directive; a double click or a retry assigns it once. */
export function useCreateDirective() {
  return useFormMutation(CreateDirectiveDocument, (data) => data.createDirective, 'coordination.directives.dialog.fieldErrors');
}
