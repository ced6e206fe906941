/**
 * Emergency supply call-up (应急物资调用机制, plan 5 §4.4): when an emergency needs supplies, the
 * procedure runs 本级调用 (own stock first) → 请求支援 (request support from above) → 紧急支援
 * (emergency support) → 响应结束 (response ended). Each step is recorded; a support request to
 * the level above stays open until the intake that answers it closes it.
 */
export const CALL_UP_STAGES = ['OWN_STOCK', 'SUPPORT_REQUESTED', 'EMERGENCY_SUPPORT', 'ENDED'] as const;
export type CallUpStage = (typeof CALL_UP_STAGES)[number];

/**
 * Forward only, never back: own stock may be enough (→ ended), a request may be answered
 * (→ ended) or escalate to emergency support; emergency support ends the response.
 */
export const CALL_UP_TRANSITIONS: Readonly<Record<CallUpStage, readonly CallUpStage[]>> = {
  OWN_STOCK: ['SUPPORT_REQUESTED', 'ENDED'],
  SUPPORT_REQUESTED: ['EMERGENCY_SUPPORT', 'ENDED'],
  EMERGENCY_SUPPORT: ['ENDED'],
  ENDED: [],
};

export function canMoveCallUp(from: CallUpStage, to: CallUpStage): boolean {
  return CALL_UP_TRANSITIONS[from].includes(to);
}

/** A request for allocation from above (上级下拨): open until an intake closes it, or withdrawn. */
export const SUPPORT_REQUEST_STATUSES = ['OPEN', 'CLOSED_BY_INTAKE', 'WITHDRAWN'] as const;
export type SupportRequestStatus = (typeof SUPPORT_REQUEST_STATUSES)[number];

export type CallUpProblem =
  { kind: 'transition'; from: CallUpStage; to: CallUpStage } | { kind: 'open-requests'; count: number } | { kind: 'note-required' };

/**
 * Checks a step of the procedure. Ending the response while a request to the level above is
 * still open would lose track of supplies on their way: it must be closed by its intake or
 * withdrawn first. Every step carries a note (what was done, who was asked).
 */
export function callUpStepProblems(from: CallUpStage, to: CallUpStage, openRequests: number, note: string): CallUpProblem[] {
  const problems: CallUpProblem[] = [];
  if (!canMoveCallUp(from, to)) problems.push({ kind: 'transition', from, to });
  if (to === 'ENDED' && openRequests > 0) problems.push({ kind: 'open-requests', count: openRequests });
  if (note.trim() === '') problems.push({ kind: 'note-required' });
  return problems;
}

/** A support request can be raised only while the procedure asks for support. */
export function canRequestSupport(stage: CallUpStage): boolean {
  return stage === 'SUPPORT_REQUESTED' || stage === 'EMERGENCY_SUPPORT';
}

/**
 * Whether an intake closes an open support request: the same item, from allocation from above
 * (上级下拨), at least the quantity still outstanding once earlier intakes are counted.
 */
export function intakeClosesRequest(
  request: { itemId: string; quantity: number; received: number },
  intake: { itemId: string; quantity: number; source: string },
): { closes: boolean; received: number } {
  if (request.itemId !== intake.itemId || intake.source !== 'ALLOCATION_FROM_ABOVE') return { closes: false, received: request.received };
  const received = request.received + intake.quantity;
  return { closes: received >= request.quantity, received };
}
