import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { beginCatchUp, connectionEvents, connectionStatus, markViewLoad } from './connection-state';
import { acceptPosition, markRunning, markStopped, writePosition } from './live-positions';

describe('the connection indicator’s state', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    });
    connectionEvents.stopped();
  });
  afterEach(() => {
    markStopped('IncidentChanged');
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('is reconnecting while the socket retries and offline once it gives up', () => {
    connectionEvents.connecting(false);
    expect(connectionStatus.value).toBe('reconnecting');
    connectionEvents.closed(true);
    expect(connectionStatus.value).toBe('reconnecting');
    connectionEvents.closed(false);
    expect(connectionStatus.value).toBe('offline');
  });

  it('after a reconnect is catching-up until the running subscriptions reach the server’s position, then live', async () => {
    writePosition('IncidentChanged', 40n);
    markRunning('IncidentChanged', 'incident');
    connectionEvents.connecting(true);
    connectionEvents.connected(async () => 42n);
    await vi.waitFor(() => expect(connectionStatus.value).toBe('catching-up'));
    expect(acceptPosition('IncidentChanged', '41')).toBe(true);
    expect(connectionStatus.value).toBe('catching-up');
    expect(acceptPosition('IncidentChanged', '42')).toBe(true);
    expect(connectionStatus.value).toBe('live');
  });

  it('is live at once when nothing was missed', async () => {
    writePosition('IncidentChanged', 42n);
    markRunning('IncidentChanged', 'incident');
    connectionEvents.connected(async () => 42n);
    await beginCatchUp(['incident'], async () => 42n);
    expect(connectionStatus.value).toBe('live');
  });

  it('does not stay catching-up for ever when the awaited events never come', async () => {
    vi.useFakeTimers();
    writePosition('IncidentChanged', 1n);
    markRunning('IncidentChanged', 'incident');
    connectionEvents.connecting(true);
    connectionEvents.connected(async () => 0n);
    await beginCatchUp(['incident'], async () => 9n);
    expect(connectionStatus.value).toBe('catching-up');
    await vi.advanceTimersByTimeAsync(16_000);
    expect(connectionStatus.value).toBe('live');
  });

  it('says stale, not live, while a view on screen failed to load, and live again once it loaded', async () => {
    connectionEvents.connected(async () => undefined);
    await beginCatchUp(['incident'], async () => undefined);
    expect(connectionStatus.value).toBe('live');
    markViewLoad('standby-board', true);
    expect(connectionStatus.value).toBe('stale');
    connectionEvents.closed(true);
    expect(connectionStatus.value).toBe('reconnecting');
    connectionEvents.connected(async () => undefined);
    expect(connectionStatus.value).toBe('stale');
    markViewLoad('standby-board', false);
    expect(connectionStatus.value).toBe('live');
  });
});
