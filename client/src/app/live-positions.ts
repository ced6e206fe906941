import { reactive, ref } from 'vue';

/**
 * Where each resumable subscription has got to in the server's event stream (outbox positions,
 * decimal strings compared as bigints). Kept in localStorage, so a console that reconnects —
 * after a network drop, a server restart or a reload — resumes from the last event it applied
 * instead of missing what happened meanwhile.
 */

const STORAGE_PREFIX = 'cc.position.';

/** When this console last applied a live event (any topic): the connection indicator shows it. */
export const lastEventAt = ref<Date | null>(null);

/** Subscription operation name → the event topic it follows (for `livePosition(topic:)`). */
const topics = new Map<string, string>();

/** Mirrors the stored positions of subscriptions that are running, so the indicator can react. */
const running = reactive(new Map<string, { topic: string; position: bigint | undefined }>());

/** Which user's positions are read; another user on the same browser starts from their own. */
let scope = 'anonymous';

export function setPositionScope(userId: string | null): void {
  scope = userId ?? 'anonymous';
}

/** Declares a subscription resumable: it takes `$after: EventPosition` and follows one topic. */
export function registerResumable(operationName: string, topic: string): void {
  topics.set(operationName, topic);
}

export function topicOf(operationName: string | undefined): string | undefined {
  return operationName ? topics.get(operationName) : undefined;
}

/** One key per subscription: its name and its arguments other than the resume position. */
export function subscriptionKey(operationName: string, variables: Record<string, unknown> | undefined): string {
  const rest = Object.entries(variables ?? {})
    .filter(([name, value]) => name !== 'after' && value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return rest.length ? `${operationName}:${JSON.stringify(rest)}` : operationName;
}

function storageKey(key: string): string {
  return `${STORAGE_PREFIX}${scope}.${key}`;
}

export function readPosition(key: string): bigint | undefined {
  try {
    const stored = localStorage.getItem(storageKey(key));
    return stored && /^\d+$/.test(stored) ? BigInt(stored) : undefined;
  } catch {
    return undefined; // storage disabled: the console still works, it just cannot resume across reloads
  }
}

export function writePosition(key: string, position: bigint): void {
  try {
    localStorage.setItem(storageKey(key), position.toString());
  } catch {
    // storage full or disabled: keep going with the in-memory copy below
  }
  const entry = running.get(key);
  if (entry) entry.position = position;
}

export function clearPosition(key: string): void {
  try {
    localStorage.removeItem(storageKey(key));
  } catch {
    // nothing stored
  }
  const entry = running.get(key);
  if (entry) entry.position = undefined;
}

/**
 * Records an event's position; false when it is at or below the last one applied — a duplicate
 * the server may replay after a reconnect — which the caller must drop.
 */
export function acceptPosition(key: string, position: string): boolean {
  if (!/^\d+$/.test(position)) return true;
  const next = BigInt(position);
  const last = readPosition(key);
  if (last !== undefined && next <= last) return false;
  writePosition(key, next);
  lastEventAt.value = new Date();
  return true;
}

export function markRunning(key: string, topic: string): void {
  running.set(key, { topic, position: readPosition(key) });
}

export function markStopped(key: string): void {
  running.delete(key);
}

/** Topics that running subscriptions follow. */
export function runningTopics(): string[] {
  return [...new Set([...running.values()].map((r) => r.topic))];
}

/** Whether every running subscription of `topic` has applied events up to `target`. */
export function reached(topic: string, target: bigint): boolean {
  for (const entry of running.values()) {
    if (entry.topic === topic && (entry.position === undefined || entry.position < target)) return false;
  }
  return true;
}

type ResumeListener = () => void;
const resumeListeners = new Map<string, Set<ResumeListener>>();

/** Called when the server says a subscription's position is older than it keeps (RESUME_TOO_OLD). */
export function onResumeTooOld(key: string, listener: ResumeListener): () => void {
  const set = resumeListeners.get(key) ?? new Set();
  set.add(listener);
  resumeListeners.set(key, set);
  return () => set.delete(listener);
}

export function notifyResumeTooOld(key: string): void {
  clearPosition(key);
  for (const listener of resumeListeners.get(key) ?? []) listener();
}
