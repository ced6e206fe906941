/**
 * Requisitions (防控物资申请审批单, plan 2 §3.2): a member unit asks for supplies under its head's
 * (一把手) sign-off; logistics approves, approves in part or rejects with a reason; what is
 * approved leaves stock on a dispatch order and is delivered. Both ends read these rules.
 */

/**
 * How urgent the use is (plan 2, principle 1: 急用优先保障, 首先保障医疗救护人员, 重点服务防控一线).
 * The order of this list is the order needs are served in.
 */
export const REQUISITION_URGENCIES = ['MEDICAL_FRONTLINE', 'FRONTLINE', 'ROUTINE'] as const;
export type RequisitionUrgency = (typeof REQUISITION_URGENCIES)[number];

/** 0 first: medical front line, then the rest of the front line, then routine use. */
export function urgencyRank(urgency: RequisitionUrgency): number {
  return REQUISITION_URGENCIES.indexOf(urgency);
}

export const REQUISITION_STATUSES = [
  'SUBMITTED',
  'APPROVED',
  'PARTIALLY_APPROVED',
  'REJECTED',
  'WITHDRAWN',
  'IN_TRANSIT',
  'DELIVERED',
] as const;
export type RequisitionStatus = (typeof REQUISITION_STATUSES)[number];

/** Requisitions the logistics officer still has to decide. */
export const REQUISITION_OPEN_STATUSES = ['SUBMITTED'] as const satisfies readonly RequisitionStatus[];
/** Requisitions whose supplies have not reached the unit yet (counted as "open" for a unit). */
export const REQUISITION_PENDING_STATUSES = [
  'SUBMITTED',
  'APPROVED',
  'PARTIALLY_APPROVED',
  'IN_TRANSIT',
] as const satisfies readonly RequisitionStatus[];

/**
 * The requisition's life. Approval (in full or in part) puts the supplies on dispatch orders at
 * once; the first departure makes it IN_TRANSIT, the last arrival DELIVERED. A liaison may
 * withdraw only what logistics has not decided yet.
 */
export const REQUISITION_TRANSITIONS: Readonly<Record<RequisitionStatus, readonly RequisitionStatus[]>> = {
  SUBMITTED: ['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED', 'WITHDRAWN'],
  APPROVED: ['IN_TRANSIT', 'DELIVERED'],
  PARTIALLY_APPROVED: ['IN_TRANSIT', 'DELIVERED'],
  IN_TRANSIT: ['DELIVERED'],
  REJECTED: [],
  WITHDRAWN: [],
  DELIVERED: [],
};

export function canMoveRequisition(from: RequisitionStatus, to: RequisitionStatus): boolean {
  return REQUISITION_TRANSITIONS[from].includes(to);
}

export const REQUISITION_PURPOSE_MAX = 500;
export const REQUISITION_REASON_MAX = 300;
export const REQUISITION_MAX_LINES = 30;
/** A typo guard on one line's quantity, not a stock limit (and what one dispatch order may carry in pieces). */
export const REQUISITION_MAX_QUANTITY = 100_000;

export interface RequisitionLineDecision {
  lineId: string;
  requested: number;
  approved: number;
}

export type RequisitionDecisionProblem =
  | { kind: 'unknown-line'; lineId: string }
  | { kind: 'missing-line'; lineId: string }
  | { kind: 'bad-quantity'; lineId: string }
  | { kind: 'over-requested'; lineId: string }
  | { kind: 'reason-required' };

/**
 * What a decision amounts to: every line approved in full → APPROVED; some less → PARTIALLY_APPROVED
 * (a reason is required, the unit must learn why it gets less); nothing → REJECTED (reason required).
 * Returns the problems instead when the decision is malformed; the caller turns them into errors.
 */
export function decideRequisition(
  lines: readonly { id: string; requested: number }[],
  approved: readonly { lineId: string; quantity: number }[],
  reason: string,
):
  | { status: 'APPROVED' | 'PARTIALLY_APPROVED' | 'REJECTED'; lines: RequisitionLineDecision[] }
  | { problems: RequisitionDecisionProblem[] } {
  const problems: RequisitionDecisionProblem[] = [];
  const given = new Map<string, number>();
  for (const a of approved) {
    if (!lines.some((l) => l.id === a.lineId)) problems.push({ kind: 'unknown-line', lineId: a.lineId });
    else given.set(a.lineId, a.quantity);
  }
  const decided: RequisitionLineDecision[] = [];
  for (const line of lines) {
    const quantity = given.get(line.id);
    if (quantity === undefined) {
      problems.push({ kind: 'missing-line', lineId: line.id });
      continue;
    }
    if (!Number.isInteger(quantity) || quantity < 0) problems.push({ kind: 'bad-quantity', lineId: line.id });
    else if (quantity > line.requested) problems.push({ kind: 'over-requested', lineId: line.id });
    decided.push({ lineId: line.id, requested: line.requested, approved: quantity });
  }
  const total = decided.reduce((sum, d) => sum + d.approved, 0);
  const full = decided.every((d) => d.approved === d.requested);
  const status = total === 0 ? 'REJECTED' : full ? 'APPROVED' : 'PARTIALLY_APPROVED';
  if (status !== 'APPROVED' && reason.trim() === '') problems.push({ kind: 'reason-required' });
  return problems.length > 0 ? { problems } : { status, lines: decided };
}

/**
 * Where a requisition stands once its shipments move: none departed → as decided; some on the
 * road or some delivered and others not → IN_TRANSIT; all arrived → DELIVERED.
 */
export function requisitionStatusFromShipments(
  decided: 'APPROVED' | 'PARTIALLY_APPROVED',
  shipments: readonly ('PLANNED' | 'IN_TRANSIT' | 'DELIVERED' | 'CANCELLED')[],
): RequisitionStatus {
  const live = shipments.filter((s) => s !== 'CANCELLED');
  if (live.length > 0 && live.every((s) => s === 'DELIVERED')) return 'DELIVERED';
  if (live.some((s) => s === 'IN_TRANSIT' || s === 'DELIVERED')) return 'IN_TRANSIT';
  return decided;
}
