import type { HandoverItemsSource } from '../../core/handover-items';
import type { DutyCallService } from './duty-call.service';

const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * The call log's open items at a handover: calls not yet forwarded (运转) or closed, and forwards
 * the receiving side has not acknowledged (签收). An urgent call is critical on the handover.
 */
export function dutyCallHandoverItems(calls: DutyCallService): HandoverItemsSource {
  return async (em, { now }) => {
    const [open, waiting] = await Promise.all([calls.openCalls(em.fork()), calls.unacknowledgedSince(em.fork(), now)]);
    const units = await calls.unitNames(em.fork(), [...new Set(waiting.flatMap(({ forward }) => forward.targetUnitId ?? []))]);
    return [
      ...open.map((call) => ({
        kind: 'DUTY_CALL_OPEN',
        label: `${call.number} ${call.callerName}: ${excerpt(call.summary)}`,
        target: { entityType: 'DutyCall', entityId: call.id },
        severity: call.urgency === 'ROUTINE' ? ('WARNING' as const) : ('CRITICAL' as const),
        dueAt: call.receivedAt,
      })),
      ...waiting.map(({ forward, callNumber }) => ({
        kind: 'DUTY_FORWARD_UNACKNOWLEDGED',
        label: `${callNumber} → ${forward.targetGroup ?? units.get(forward.targetUnitId ?? '') ?? ''}`,
        target: { entityType: 'DutyCall', entityId: forward.callId },
        severity: 'WARNING' as const,
        dueAt: forward.forwardedAt,
      })),
    ];
  };
}
