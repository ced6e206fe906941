import { defineAlertRule } from '../../../core/alerts/alert-rule';
import type { FleetReadinessSource } from './fleet-readiness';

/**
 * Fewer ready vehicles across all three companies than the fleet's floor (set by the
 * dispatcher): HQ may not be able to answer the next call for transport. Critical; it
 * escalates if no leader acknowledges it. Clears when the fleet is back at the floor.
 */
export const fleetReadyBelowFloorRule = (fleet: FleetReadinessSource) =>
  defineAlertRule({
    id: 'fleet-ready-below-floor',
    level: 'CRITICAL',
    group: 'TRANSPORT',
    description: 'Fewer ready vehicles across the fleet than its floor.',
    thresholds: {},
    escalationMinutes: 10,
    triggers: ['vehicle', 'transportCompany'],
    async evaluate({ em }) {
      const readiness = await fleet.readinessByCompany(em);
      if (readiness.readyCount >= readiness.readyFloor) return [];
      return [
        {
          dedupeKey: 'fleet',
          source: { entityType: 'Fleet', entityId: 'fleet' },
          params: { readyCount: readiness.readyCount, readyFloor: readiness.readyFloor },
        },
      ];
    },
    summary: (p) => `Only ${p['readyCount']} vehicles are ready across the fleet; the floor is ${p['readyFloor']}.`,
  });
