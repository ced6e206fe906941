import { makeOperation, mapExchange, type Exchange, type OperationContext } from '@urql/vue';

/**
 * Idempotency keys (ADR 0003): the server acts once per key and answers a repeat with the first
 * result. It reads the key from this header (server/src/app.ts), per signed-in person and
 * operation, and refuses a key reused with different input.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export const newIdempotencyKey = (): string => crypto.randomUUID();

/**
 * The keys of one mutation's submissions. A submission keeps its key until the server answers
 * (success or refusal): sending the same variables again before that — a retry after a lost
 * answer, a second click — is the same submission, so the server acts at most once. After an
 * answer, or with other variables, it is a new submission with a new key.
 */
export function submissionKeys() {
  const unanswered = new Map<string, string>();
  return {
    open(variables: unknown): { key: string; answered: () => void } {
      const id = JSON.stringify(variables ?? null);
      const key = unanswered.get(id) ?? newIdempotencyKey();
      unanswered.set(id, key);
      return { key, answered: () => void (unanswered.get(id) === key && unanswered.delete(id)) };
    },
  };
}

/** The operation context that sends a mutation with this key (read by idempotencyExchange). */
export const withIdempotencyKey = (key: string): Partial<OperationContext> => ({ idempotencyKey: key });

function withHeader(fetchOptions: OperationContext['fetchOptions'], key: string): RequestInit {
  const base = (typeof fetchOptions === 'function' ? fetchOptions() : fetchOptions) ?? {};
  const headers = new Headers(base.headers);
  headers.set(IDEMPOTENCY_HEADER, key);
  return { ...base, headers: Object.fromEntries(headers) };
}

/**
 * Puts every mutation's key in its header: the submission's (withIdempotencyKey), or a new one
 * for a mutation sent without (sign-in, sign-out), so no mutation the console sends lacks one.
 */
export const idempotencyExchange: Exchange = mapExchange({
  onOperation(operation) {
    if (operation.kind !== 'mutation') return operation;
    const key = typeof operation.context['idempotencyKey'] === 'string' ? operation.context['idempotencyKey'] : newIdempotencyKey();
    return makeOperation(operation.kind, operation, {
      ...operation.context,
      idempotencyKey: key,
      fetchOptions: withHeader(operation.context.fetchOptions, key),
    });
  },
});
