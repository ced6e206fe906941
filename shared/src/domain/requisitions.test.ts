import { describe, expect, it } from 'vitest';
import { canMoveRequisition, decideRequisition, requisitionStatusFromShipments } from './requisitions';

const lines = [
  { id: 'a', requested: 100 },
  { id: 'b', requested: 20 },
];

describe('decideRequisition', () => {
  it('approves in full when every line gets what it asked for', () => {
    const d = decideRequisition(
      lines,
      [
        { lineId: 'a', quantity: 100 },
        { lineId: 'b', quantity: 20 },
      ],
      '',
    );
    expect('status' in d && d.status).toBe('APPROVED');
  });

  it('approves in part, with a reason, when some line gets less', () => {
    const d = decideRequisition(
      lines,
      [
        { lineId: 'a', quantity: 60 },
        { lineId: 'b', quantity: 20 },
      ],
      'short of masks',
    );
    expect('status' in d && d.status).toBe('PARTIALLY_APPROVED');
    expect(
      decideRequisition(
        lines,
        [
          { lineId: 'a', quantity: 60 },
          { lineId: 'b', quantity: 20 },
        ],
        ' ',
      ),
    ).toEqual({
      problems: [{ kind: 'reason-required' }],
    });
  });

  it('rejects when nothing is approved, and a rejection needs a reason', () => {
    const d = decideRequisition(
      lines,
      [
        { lineId: 'a', quantity: 0 },
        { lineId: 'b', quantity: 0 },
      ],
      'not for epidemic use',
    );
    expect('status' in d && d.status).toBe('REJECTED');
  });

  it('refuses more than requested, a negative or fractional quantity, a missing or foreign line', () => {
    expect(
      decideRequisition(
        lines,
        [
          { lineId: 'a', quantity: 101 },
          { lineId: 'x', quantity: 1 },
        ],
        'r',
      ),
    ).toEqual({
      problems: [
        { kind: 'unknown-line', lineId: 'x' },
        { kind: 'over-requested', lineId: 'a' },
        { kind: 'missing-line', lineId: 'b' },
      ],
    });
    expect(
      decideRequisition(
        lines,
        [
          { lineId: 'a', quantity: -1 },
          { lineId: 'b', quantity: 1.5 },
        ],
        'r',
      ),
    ).toEqual({
      problems: [
        { kind: 'bad-quantity', lineId: 'a' },
        { kind: 'bad-quantity', lineId: 'b' },
      ],
    });
  });
});

describe('the requisition state machine', () => {
  it('lets only an undecided requisition be decided or withdrawn', () => {
    expect(canMoveRequisition('SUBMITTED', 'WITHDRAWN')).toBe(true);
    expect(canMoveRequisition('APPROVED', 'WITHDRAWN')).toBe(false);
    expect(canMoveRequisition('REJECTED', 'APPROVED')).toBe(false);
    expect(canMoveRequisition('DELIVERED', 'IN_TRANSIT')).toBe(false);
  });

  it('follows its shipments: on the road, then delivered when the last arrives', () => {
    expect(requisitionStatusFromShipments('APPROVED', ['PLANNED', 'PLANNED'])).toBe('APPROVED');
    expect(requisitionStatusFromShipments('PARTIALLY_APPROVED', ['IN_TRANSIT', 'PLANNED'])).toBe('IN_TRANSIT');
    expect(requisitionStatusFromShipments('APPROVED', ['DELIVERED', 'IN_TRANSIT'])).toBe('IN_TRANSIT');
    expect(requisitionStatusFromShipments('APPROVED', ['DELIVERED', 'CANCELLED'])).toBe('DELIVERED');
  });
});
