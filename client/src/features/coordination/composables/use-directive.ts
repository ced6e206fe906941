import { useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import type { DirectiveProgressKind } from '@cc/shared';
import {
  AcceptDirectiveDocument,
  DirectiveChangedDocument,
  DirectiveDocument,
  FinishDirectiveDocument,
  ReportDirectiveProgressDocument,
} from '@cc/shared/operations';
import { useAction } from '../../../app/use-action';
import { useKeyedMutation } from '../../../app/use-form-mutation';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

/** One directive with its progress trail, live, and an assignee's steps (accept, progress, finish). */
export function useDirective(id: Ref<string>) {
  const live = useLiveSubscription({
    query: DirectiveChangedDocument,
    reload: async () => void (await one.executeQuery({ requestPolicy: 'network-only' })),
  });
  const one = useQuery({ query: DirectiveDocument, variables: computed(() => ({ id: id.value })), pause: () => !live.ready.value });
  useLoadHealth({ error: one.error, reload: () => one.executeQuery({ requestPolicy: 'network-only' }) });

  const accept = useKeyedMutation(AcceptDirectiveDocument);
  const progress = useKeyedMutation(ReportDirectiveProgressDocument);
  const finish = useKeyedMutation(FinishDirectiveDocument);
  const { busy, run } = useAction();

  /** Sends one step; answers true when it went through (refusals go to the one error helper). */
  async function step(kind: DirectiveProgressKind, assigneeId: string, note: string): Promise<boolean> {
    const input = { input: { assigneeId, note: note.trim() || null } };
    const send = (): Promise<{ data?: unknown; error?: unknown }> =>
      kind === 'ACCEPTED' ? accept(input) : kind === 'PROGRESS' ? progress(input) : finish(input);
    const done = await run(`${kind}:${assigneeId}`, send);
    if (done) await one.executeQuery({ requestPolicy: 'network-only' });
    return done !== null;
  }

  return {
    directive: computed(() => one.data.value?.directive ?? null),
    fetching: one.fetching,
    error: one.error,
    busy,
    step,
  };
}
