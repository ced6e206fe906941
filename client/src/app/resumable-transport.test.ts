import type { ExecutionResult } from '@urql/core';
import type { Client as SocketClient, Sink, SubscribePayload } from 'graphql-ws';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onResumeTooOld, readPosition, registerResumable, writePosition } from './live-positions';
import { resumableForwarder } from './resumable-transport';

/** A stand-in for graphql-ws that records what it would send and lets the test push results. */
function fakeSocket() {
  const subscriptions: { payload: SubscribePayload; sink: Sink }[] = [];
  const client = {
    subscribe(payload: SubscribePayload, sink: Sink) {
      subscriptions.push({ payload, sink });
      return () => undefined;
    },
  } as unknown as SocketClient;
  return {
    client,
    subscriptions,
    /** What graphql-ws puts on the wire for a (re)subscribe: the payload, stringified now. */
    wire: (index = 0) => JSON.parse(JSON.stringify(subscriptions[index]!.payload)) as { variables: Record<string, unknown> },
  };
}

function event(position: string): ExecutionResult {
  return { data: { incidentChanged: { position, kind: 'CREATED', incident: { id: position } } } };
}

const request = {
  query: 'subscription IncidentChanged($after: EventPosition) { x }',
  operationName: 'IncidentChanged',
  variables: {},
  extensions: undefined,
};

describe('resumable subscriptions in the console transport', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    });
    registerResumable('IncidentChanged', 'incident');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the newest applied position as `after` every time graphql-ws (re)sends the subscription', () => {
    writePosition('IncidentChanged', 100n);
    const socket = fakeSocket();
    const received: ExecutionResult[] = [];
    resumableForwarder(
      () => socket.client,
      () => undefined,
    )(request as never, {} as never).subscribe({
      next: (r) => received.push(r),
      error: () => undefined,
      complete: () => undefined,
    });
    expect(socket.wire().variables['after']).toBe('100');
    socket.subscriptions[0]!.sink.next(event('101'));
    socket.subscriptions[0]!.sink.next(event('102'));
    // A reconnect re-sends the same payload object: it must now say 102, not 100.
    expect(socket.wire().variables['after']).toBe('102');
    expect(received).toHaveLength(2);
    expect(readPosition('IncidentChanged')).toBe(102n);
  });

  it('drops events at or below the last applied position (replayed around a reconnect)', () => {
    writePosition('IncidentChanged', 10n);
    const socket = fakeSocket();
    const received: string[] = [];
    resumableForwarder(
      () => socket.client,
      () => undefined,
    )(request as never, {} as never).subscribe({
      next: (r) => received.push((r.data as { incidentChanged: { position: string } }).incidentChanged.position),
      error: () => undefined,
      complete: () => undefined,
    });
    for (const position of ['9', '10', '11', '11', '12', '11']) socket.subscriptions[0]!.sink.next(event(position));
    expect(received).toEqual(['11', '12']);
  });

  it('hands RESUME_TOO_OLD to the view and forgets the position instead of passing the error on', () => {
    writePosition('IncidentChanged', 5n);
    const socket = fakeSocket();
    const received: ExecutionResult[] = [];
    const told = vi.fn();
    onResumeTooOld('IncidentChanged', told);
    resumableForwarder(
      () => socket.client,
      () => undefined,
    )(request as never, {} as never).subscribe({
      next: (r) => received.push(r),
      error: () => undefined,
      complete: () => undefined,
    });
    socket.subscriptions[0]!.sink.next({ errors: [{ message: 'too old', extensions: { code: 'RESUME_TOO_OLD' } }] } as never);
    expect(told).toHaveBeenCalledTimes(1);
    expect(received).toEqual([]);
    expect(readPosition('IncidentChanged')).toBeUndefined();
  });

  it('resubscribes from its position when the server stops it for falling behind', async () => {
    vi.useFakeTimers();
    try {
      writePosition('IncidentChanged', 7n);
      const socket = fakeSocket();
      const errors: unknown[] = [];
      resumableForwarder(
        () => socket.client,
        () => undefined,
      )(request as never, {} as never).subscribe({
        next: () => undefined,
        error: (e) => errors.push(e),
        complete: () => undefined,
      });
      socket.subscriptions[0]!.sink.next(event('8'));
      socket.subscriptions[0]!.sink.error([{ message: 'behind', extensions: { code: 'UNAVAILABLE' } }]);
      await vi.advanceTimersByTimeAsync(1_500);
      expect(errors).toEqual([]);
      expect(socket.subscriptions).toHaveLength(2);
      expect(socket.wire(1).variables['after']).toBe('8');
    } finally {
      vi.useRealTimers();
    }
  });
});
