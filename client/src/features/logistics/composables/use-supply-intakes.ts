import { useQuery } from '@urql/vue';
import { computed, reactive } from 'vue';
import {
  AcceptSupplyIntakeDocument,
  AdvanceSupplyIntakeDocument,
  SupplyIntakesDocument,
  type SupplyIntakeFieldsFragment,
  type SupplyIntakeStep,
  type SupplySource,
} from '@cc/shared/operations';
import { nextIntakeStep } from '@cc/shared';
import { useAction } from '../../../app/use-action';
import { useFormMutation, useKeyedMutation } from '../../../app/use-form-mutation';
import { useLoadHealth } from '../../../app/use-load-health';

export interface IntakeForm {
  itemId: string;
  placeId: string;
  quantity: number;
  source: SupplySource;
  supplier: string;
  reservedForUnitId: string;
  filedAfterPurchase: boolean;
  purchasedOn: string;
  note: string;
}

export const blankIntake = (): IntakeForm => ({
  itemId: '',
  placeId: '',
  quantity: 1,
  source: 'CENTRAL_PURCHASE',
  supplier: '',
  reservedForUnitId: '',
  filedAfterPurchase: false,
  purchasedOn: '',
  note: '',
});

/** 入库: intakes with their four steps; accept a new one, take one to its next step. */
export function useSupplyIntakes() {
  const query = useQuery({ query: SupplyIntakesDocument, variables: { first: 100 } });
  const refresh = () => query.executeQuery({ requestPolicy: 'network-only' });
  useLoadHealth({ error: query.error, reload: refresh });
  const intakes = computed<readonly SupplyIntakeFieldsFragment[]>(() => query.data.value?.supplyIntakes ?? []);

  const form = reactive<IntakeForm>(blankIntake());
  const accept = useFormMutation(AcceptSupplyIntakeDocument, (d) => d.acceptSupplyIntake, 'logistics.intake.errors');
  async function submitAccept(): Promise<SupplyIntakeFieldsFragment | null> {
    const donation = form.source === 'DONATION';
    const purchase = form.source === 'CENTRAL_PURCHASE';
    const done = await accept.submit({
      input: {
        itemId: form.itemId,
        placeId: form.placeId,
        quantity: form.quantity,
        source: form.source,
        supplier: form.supplier.trim() || null,
        reservedForUnitId: donation && form.reservedForUnitId ? form.reservedForUnitId : null,
        filedAfterPurchase: purchase && form.filedAfterPurchase,
        purchasedOn: purchase && form.filedAfterPurchase ? form.purchasedOn : null,
        note: form.note.trim() || null,
      },
    });
    if (done) await refresh();
    return done;
  }

  const advance = useKeyedMutation(AdvanceSupplyIntakeDocument);
  const { busy, run } = useAction();
  async function advanceIntake(intake: SupplyIntakeFieldsFragment, qualityNote: string | null = null) {
    const step = nextIntakeStep(intake.status) as SupplyIntakeStep | null;
    if (!step) return null;
    const done = await run(intake.id, () => advance({ input: { intakeId: intake.id, step, qualityNote } }));
    if (done) await refresh();
    return done;
  }

  return { intakes, fetching: query.fetching, error: query.error, refresh, form, accept, submitAccept, advanceIntake, busy };
}
