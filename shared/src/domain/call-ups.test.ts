import { describe, expect, it } from 'vitest';
import { callUpStepProblems, canMoveCallUp, canRequestSupport, intakeClosesRequest } from './call-ups';

describe('the emergency call-up procedure (plan 5)', () => {
  it('runs own stock → request support → emergency support → ended, forward only', () => {
    expect(canMoveCallUp('OWN_STOCK', 'SUPPORT_REQUESTED')).toBe(true);
    expect(canMoveCallUp('SUPPORT_REQUESTED', 'EMERGENCY_SUPPORT')).toBe(true);
    expect(canMoveCallUp('EMERGENCY_SUPPORT', 'ENDED')).toBe(true);
    expect(canMoveCallUp('OWN_STOCK', 'ENDED')).toBe(true);
    expect(canMoveCallUp('OWN_STOCK', 'EMERGENCY_SUPPORT')).toBe(false);
    expect(canMoveCallUp('EMERGENCY_SUPPORT', 'SUPPORT_REQUESTED')).toBe(false);
    expect(canMoveCallUp('ENDED', 'OWN_STOCK')).toBe(false);
  });

  it('does not end the response while a request to the level above is open, and wants a note', () => {
    expect(callUpStepProblems('SUPPORT_REQUESTED', 'ENDED', 1, 'done')).toEqual([{ kind: 'open-requests', count: 1 }]);
    expect(callUpStepProblems('SUPPORT_REQUESTED', 'ENDED', 0, '')).toEqual([{ kind: 'note-required' }]);
    expect(callUpStepProblems('OWN_STOCK', 'EMERGENCY_SUPPORT', 0, 'x')).toEqual([
      { kind: 'transition', from: 'OWN_STOCK', to: 'EMERGENCY_SUPPORT' },
    ]);
  });

  it('raises support requests only once support is being requested', () => {
    expect(canRequestSupport('OWN_STOCK')).toBe(false);
    expect(canRequestSupport('SUPPORT_REQUESTED')).toBe(true);
  });

  it('closes a request with the intakes from above that cover it', () => {
    const request = { itemId: 'mask', quantity: 1000, received: 0 };
    const first = intakeClosesRequest(request, { itemId: 'mask', quantity: 600, source: 'ALLOCATION_FROM_ABOVE' });
    expect(first).toEqual({ closes: false, received: 600 });
    expect(intakeClosesRequest({ ...request, received: 600 }, { itemId: 'mask', quantity: 400, source: 'ALLOCATION_FROM_ABOVE' })).toEqual({
      closes: true,
      received: 1000,
    });
    expect(intakeClosesRequest(request, { itemId: 'mask', quantity: 5000, source: 'DONATION' }).closes).toBe(false);
    expect(intakeClosesRequest(request, { itemId: 'suit', quantity: 5000, source: 'ALLOCATION_FROM_ABOVE' }).closes).toBe(false);
  });
});
