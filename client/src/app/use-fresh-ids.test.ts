import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { useFreshIds } from './use-fresh-ids';

describe('ids that changed live', () => {
  afterEach(() => void vi.useRealTimers());

  it('are fresh for the given time after they are marked, each on its own clock', () => {
    vi.useFakeTimers();
    const scope = effectScope();
    const { fresh, mark } = scope.run(() => useFreshIds(1_000))!;
    mark('a');
    vi.advanceTimersByTime(600);
    mark('b');
    expect([...fresh.value]).toEqual(['a', 'b']);
    vi.advanceTimersByTime(400);
    expect([...fresh.value]).toEqual(['b']);
    vi.advanceTimersByTime(600);
    expect([...fresh.value]).toEqual([]);
    scope.stop();
  });

  it('stop their timers when the view goes', () => {
    vi.useFakeTimers();
    const scope = effectScope();
    const { mark } = scope.run(() => useFreshIds(1_000))!;
    mark('a');
    scope.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
