import { computed, reactive, watch } from 'vue';
import { linkStatus } from './connection-state';

/**
 * Actions a person made while the server could not be reached. Nothing is dropped silently:
 * a mutation whose request got no answer waits here, visibly (the header counts and lists
 * them), and is sent again with the SAME idempotency key as soon as the connection is back, so
 * the server acts once whether or not the first attempt had reached it (ADR 0003). The form or
 * button that sent it stays busy until the answer arrives; the person may give an action up.
 */

/** What the header lists about an action waiting to be sent. */
export interface PendingSend {
  readonly id: number;
  /** The GraphQL operation, e.g. `logDutyCall` (the header translates it). */
  readonly operation: string;
  readonly queuedAt: Date;
  attempts: number;
  sending: boolean;
}

interface Entry<Result> {
  info: PendingSend;
  /** One more attempt; resolves with the result, or `undefined` when it again got no answer. */
  attempt: () => Promise<Result | undefined>;
  settle: (result: Result | undefined) => void;
}

/** How often to try anyway when the socket stays down but plain HTTP may be back. */
const RETRY_EVERY_MS = 10_000;

const entries = reactive(new Map<number, Entry<unknown>>());
let nextId = 1;
let timer: ReturnType<typeof setInterval> | undefined;

/** The actions waiting for the connection, oldest first. */
export const pendingSends = computed<PendingSend[]>(() => [...entries.values()].map((e) => e.info));

async function tryOne(entry: Entry<unknown>): Promise<void> {
  if (entry.info.sending) return;
  entry.info.sending = true;
  entry.info.attempts++;
  try {
    const result = await entry.attempt();
    if (result !== undefined && entries.has(entry.info.id)) {
      entries.delete(entry.info.id);
      entry.settle(result);
    }
  } finally {
    entry.info.sending = false;
    if (entries.size === 0) stopTimer();
  }
}

/** Sends every waiting action again (each at most once at a time). */
export function flushPendingSends(): void {
  for (const entry of [...entries.values()]) void tryOne(entry);
}

function stopTimer(): void {
  clearInterval(timer);
  timer = undefined;
}

/**
 * Keeps an action that got no answer until it gets one. `attempt` re-sends it (with its key)
 * and answers undefined while there is still no connection. Resolves with the server's answer,
 * or with undefined when the person gives the action up (discardPendingSend).
 */
export function waitForConnection<Result>(operation: string, attempt: () => Promise<Result | undefined>): Promise<Result | undefined> {
  return new Promise((resolve) => {
    const info = reactive({ id: nextId++, operation, queuedAt: new Date(), attempts: 1, sending: false });
    entries.set(info.id, { info, attempt, settle: resolve as (r: unknown) => void });
    timer ??= setInterval(flushPendingSends, RETRY_EVERY_MS);
  });
}

/** The person gives an action up: it is not sent again, and its form gets the failure back. */
export function discardPendingSend(id: number): void {
  const entry = entries.get(id);
  if (!entry) return;
  entries.delete(id);
  entry.settle(undefined);
  if (entries.size === 0) stopTimer();
}

// The moment the socket is connected again (or the browser says it is online), send what waits.
watch(linkStatus, (status) => {
  if (status !== 'offline' && status !== 'reconnecting') flushPendingSends();
});
if (typeof window !== 'undefined') window.addEventListener('online', flushPendingSends);
