import { computed, reactive, ref } from 'vue';
import {
  AdjustSupplyStockDocument,
  IssueSuppliesDocument,
  TransferSuppliesDocument,
  type SupplyEntryFieldsFragment,
} from '@cc/shared/operations';
import { useFormMutation } from '../../../app/use-form-mutation';

export type PostingMode = 'ISSUE' | 'TRANSFER' | 'ADJUST';

export interface PostingForm {
  itemId: string;
  placeId: string;
  toPlaceId: string;
  reservedForUnitId: string;
  quantity: number;
  counted: number;
  recipientUnitId: string;
  recipientText: string;
  note: string;
  reason: string;
}

export const blankPosting = (): PostingForm => ({
  itemId: '',
  placeId: '',
  toPlaceId: '',
  reservedForUnitId: '',
  quantity: 1,
  counted: 0,
  recipientUnitId: '',
  recipientText: '',
  note: '',
  reason: '',
});

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** 出库 / 调拨 / 盘点: one form, three mutations; refusals by field under the fields. */
export function usePosting() {
  const mode = ref<PostingMode>('ISSUE');
  const form = reactive<PostingForm>(blankPosting());
  const issue = useFormMutation(IssueSuppliesDocument, (d) => d.issueSupplies, 'logistics.post.errors');
  const transfer = useFormMutation(TransferSuppliesDocument, (d) => d.transferSupplies, 'logistics.post.errors');
  const adjust = useFormMutation(AdjustSupplyStockDocument, (d) => d.adjustSupplyStock, 'logistics.post.errors');
  const current = computed(() => ({ ISSUE: issue, TRANSFER: transfer, ADJUST: adjust })[mode.value]);
  const busy = computed(() => issue.busy.value || transfer.busy.value || adjust.busy.value);

  function open(next: PostingMode, prefill: Partial<PostingForm> = {}): void {
    mode.value = next;
    Object.assign(form, blankPosting(), prefill);
    issue.clearErrors();
    transfer.clearErrors();
    adjust.clearErrors();
  }

  async function submit(): Promise<SupplyEntryFieldsFragment | null> {
    const reserved = orNull(form.reservedForUnitId);
    if (mode.value === 'ISSUE') {
      return issue.submit({
        input: {
          itemId: form.itemId,
          placeId: form.placeId,
          quantity: form.quantity,
          recipientUnitId: orNull(form.recipientUnitId),
          recipientText: orNull(form.recipientText),
          reservedForUnitId: reserved,
          note: orNull(form.note),
        },
      });
    }
    if (mode.value === 'TRANSFER') {
      return transfer.submit({
        input: {
          itemId: form.itemId,
          fromPlaceId: form.placeId,
          toPlaceId: form.toPlaceId,
          quantity: form.quantity,
          reservedForUnitId: reserved,
          note: orNull(form.note),
        },
      });
    }
    return adjust.submit({
      input: { itemId: form.itemId, placeId: form.placeId, reservedForUnitId: reserved, counted: form.counted, reason: form.reason },
    });
  }

  return { mode, form, open, submit, busy, current };
}
