import { describe, expect, it } from 'vitest';
import { useAction } from './use-action';

describe('an action on a record', () => {
  it('marks the record busy while it runs and answers its data', async () => {
    const { busy, run } = useAction<string>(() => undefined);
    let seen: string | null = null;
    const data = await run('order-1', async () => {
      seen = busy.value;
      return { data: { number: 'D-1' } };
    });
    expect(seen).toBe('order-1');
    expect(data).toEqual({ number: 'D-1' });
    expect(busy.value).toBeNull();
  });

  it('reports a refusal or a failure, answers null and is no longer busy', async () => {
    const reported: unknown[] = [];
    const { busy, run } = useAction<string>((error) => void reported.push(error));
    const refusal = new Error('refused');
    expect(await run('a', async () => ({ error: refusal }))).toBeNull();
    expect(busy.value).toBeNull();
    const failure = new TypeError('Failed to fetch');
    expect(
      await run('b', async () => {
        throw failure;
      }),
    ).toBeNull();
    expect(busy.value).toBeNull();
    expect(reported).toEqual([refusal, failure]);
  });
});
