import type { RouteLocationRaw, Router } from 'vue-router';

/**
 * Where an open item of a handover leads: the page of the record it is about. A record type
 * whose page does not exist (yet) in this console gives no link rather than a broken one.
 */
export function handoverItemLink(router: Router, target: { entityType: string; entityId: string } | null): RouteLocationRaw | null {
  if (!target) return null;
  const candidates: Record<string, RouteLocationRaw> = {
    Incident: { name: 'incident-detail', params: { id: target.entityId } },
    DispatchOrder: { name: 'dispatch' },
    Vehicle: { name: 'dispatch' },
    TransportCompany: { name: 'dispatch' },
    HqInstruction: { name: 'duty-instructions' },
    DutyCall: { name: 'duty-call', params: { id: target.entityId } },
    Directive: { name: 'coordination-directive', params: { id: target.entityId } },
  };
  const location = candidates[target.entityType];
  if (!location || typeof location !== 'object' || !('name' in location) || !router.hasRoute(location.name as string)) return null;
  return location;
}
