import { defineAlertRule } from '../../../core/alerts/alert-rule';
import type { FleetReadinessSource } from './fleet-readiness';

/**
 * Plan 3: each of the three companies keeps its emergency vehicles on standby, ready at any
 * time (随时待命). A company with fewer ready than its quota (set per company by the
 * dispatcher) is the transport group's to backfill. Clears when enough are back on standby.
 */
export const companyBelowStandbyQuotaRule = (fleet: FleetReadinessSource) =>
  defineAlertRule({
    id: 'company-below-standby-quota',
    level: 'WARNING',
    group: 'TRANSPORT',
    description: 'A transport company has fewer vehicles on standby than its quota.',
    thresholds: {
      shortfall: {
        default: 1,
        min: 1,
        max: 20,
        unit: 'vehicles',
        description: 'How many vehicles short of the quota before it is raised (1: any shortfall).',
      },
    },
    escalationMinutes: null,
    triggers: ['vehicle', 'transportCompany'],
    async evaluate({ em }, { shortfall }) {
      const readiness = await fleet.readinessByCompany(em);
      return readiness.companies
        .filter((c) => c.standbyQuota - c.readyCount >= shortfall)
        .map((c) => ({
          dedupeKey: c.id,
          source: { entityType: 'TransportCompany', entityId: c.id },
          params: { companyCode: c.code, companyName: c.name, readyCount: c.readyCount, standbyQuota: c.standbyQuota },
        }));
    },
    summary: (p) => `${p['companyName']} has ${p['readyCount']} of ${p['standbyQuota']} vehicles on standby.`,
  });
