import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { HqInstructionUnitsDocument, RecordHqInstructionDocument } from '@cc/shared/operations';
import { useFormMutation } from '../../../app/use-form-mutation';

/** Records and distributes an HQ instruction; a double click or a retry records it once. */
export function useRecordHqInstruction() {
  const units = useQuery({ query: HqInstructionUnitsDocument });
  return {
    units: computed(() => units.data.value?.hqInstructionUnits ?? []),
    ...useFormMutation(RecordHqInstructionDocument, (data) => data.recordHqInstruction, 'duty.instructions.dialog.fieldErrors'),
  };
}
