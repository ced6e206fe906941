import { CombinedError } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { AttachPermitToAssignmentDocument, GrantStandingPermitDocument, WithdrawStandingPermitDocument } from '@cc/shared/operations';
import { i18n } from '../../../app/i18n';
import { useAction } from '../../../app/use-action';
import { useKeyedMutation } from '../../../app/use-form-mutation';
import { askReason } from '../../../components/ui/ask-reason';
import { reportDispatchError } from '../../dispatch/composables/dispatch-errors';

interface Overlap {
  confirmOverlap: boolean;
  overlapReason: string | null;
}

/** A refusal of the link rules in the dispatcher's language (permitLink/…, standingPermit/…), or null. */
function explainRefusal(error: unknown): string | null {
  if (!(error instanceof CombinedError)) return null;
  const { t, te } = i18n.global;
  for (const e of error.graphQLErrors) {
    const reason = e.extensions?.['reason'];
    const key = `permits.links.refusals.${String(reason).replace('/', '_')}`;
    if (typeof reason === 'string' && te(key)) return t(key, { permitNumber: String(e.extensions?.['permitNumber'] ?? '') });
  }
  return null;
}

/** The server's PERMIT_OVERLAP refusal, if that is what `error` is: its message names the other permit. */
function overlapRefusal(error: unknown): string | null {
  if (!(error instanceof CombinedError)) return null;
  return error.graphQLErrors.find((e) => e.extensions?.['code'] === 'PERMIT_OVERLAP')?.message ?? null;
}

/**
 * The dispatcher's permit actions on the board: attach a permit to a vehicle's job, grant or
 * withdraw a standing permit. An overlap with another valid permit of the vehicle is asked
 * about (with the reason the server records) and sent again confirmed; other refusals are
 * reported as dispatch's are. Each answers the server's data, or null.
 */
export function usePermitLinks() {
  const attachMutation = useKeyedMutation(AttachPermitToAssignmentDocument);
  const grantMutation = useKeyedMutation(GrantStandingPermitDocument);
  const withdrawMutation = useKeyedMutation(WithdrawStandingPermitDocument);
  const { busy, run } = useAction<string>(() => undefined);

  /** Sends once; on PERMIT_OVERLAP asks why and sends again confirmed; reports anything else. */
  async function withOverlap<Data>(
    id: string,
    send: (overlap: Overlap) => Promise<{ data?: Data | null; error?: unknown }>,
  ): Promise<Data | null> {
    let overlap: Overlap = { confirmOverlap: false, overlapReason: null };
    for (;;) {
      let refused: unknown = null;
      const data = await run(id, async () => {
        const result = await send(overlap);
        refused = result.error ?? null;
        return result.error ? { data: null } : result;
      });
      if (!refused) return data;
      const message = overlap.confirmOverlap ? null : overlapRefusal(refused);
      if (!message) {
        const refusal = explainRefusal(refused);
        if (refusal) ElMessage({ type: 'warning', message: refusal, showClose: true, duration: 8_000, grouping: true });
        else reportDispatchError(refused);
        return null;
      }
      const { t } = i18n.global;
      const reason = await askReason({
        title: t('permits.links.overlap.title'),
        message,
        confirm: t('permits.links.overlap.confirm'),
        placeholder: t('permits.links.overlap.reason'),
        required: t('permits.links.overlap.reason'),
      });
      if (reason === null) return null;
      overlap = { confirmOverlap: true, overlapReason: reason };
    }
  }

  const attach = (assignmentId: string, permitId: string, expectedEndAt: Date | null) =>
    withOverlap(assignmentId, (o) =>
      attachMutation({ input: { assignmentId, permitId, expectedEndAt: expectedEndAt?.toISOString() ?? null, ...o } }),
    ).then((d) => d?.attachPermitToAssignment ?? null);

  const grant = (vehicleId: string, permitId: string) =>
    withOverlap(vehicleId, (o) => grantMutation({ input: { vehicleId, permitId, ...o } })).then((d) => d?.grantStandingPermit ?? null);

  // Withdrawing never overlaps anything; it shares the one way of sending and reporting.
  const withdraw = (vehicleId: string) =>
    withOverlap(vehicleId, () => withdrawMutation({ input: { vehicleId } })).then((d) => d?.withdrawStandingPermit ?? null);

  return { attach, grant, withdraw, busy };
}

/** A short confirmation toast. */
export function toast(message: string): void {
  ElMessage({ type: 'success', message, grouping: true });
}
