import type { EntityManager } from '@mikro-orm/postgresql';
import { ALERT_LEVELS, INCIDENT_AGE_BUCKETS, INCIDENT_CLASSES, incidentAgeBucket, isPastReportingDeadline, startOfHqDay } from '@cc/shared';
import type { AlertService } from '../alerts/alert.service';
import type { FleetReadinessSource } from '../alerts/rules/fleet-readiness';
import type { IncidentService } from '../incidents/incident.service';
import { nextClockChange } from './leader-dashboard.rules';
import type { LeaderDashboardType } from './leader-dashboard.types';

/** Reads the leader's figures from each module's service; owns no data of its own. */
export class LeaderDashboardService {
  constructor(
    private readonly incidents: IncidentService,
    private readonly alerts: AlertService,
    /** The dispatch module's fleet; without it the board has no vehicle figures. */
    private readonly fleet: FleetReadinessSource | undefined,
  ) {}

  async dashboard(em: EntityManager, now: Date): Promise<LeaderDashboardType> {
    const todayStartsAt = startOfHqDay(now);
    const [open, alertCounts, readiness, acknowledge] = await Promise.all([
      this.incidents.openIncidents(em.fork()),
      this.alerts.standingByLevel(em.fork()),
      this.fleet?.readinessByCompany(em.fork()),
      this.incidents.acknowledgeTimes(em.fork(), todayStartsAt, now),
    ]);
    const grid = new Map<string, number>();
    for (const incident of open) {
      const key = `${incident.incidentClass}|${incidentAgeBucket(incident.reportedAt, now)}`;
      grid.set(key, (grid.get(key) ?? 0) + 1);
    }
    const pastDeadline = open.filter((i) => isPastReportingDeadline(i, now));
    return {
      generatedAt: now,
      nextClockChangeAt: nextClockChange(open, now),
      todayStartsAt,
      openIncidents: INCIDENT_CLASSES.flatMap((incidentClass) =>
        INCIDENT_AGE_BUCKETS.map((ageBucket) => ({ incidentClass, ageBucket, count: grid.get(`${incidentClass}|${ageBucket}`) ?? 0 })),
      ),
      incidentsByClass: INCIDENT_CLASSES.map((incidentClass) => ({
        incidentClass,
        open: open.filter((i) => i.incidentClass === incidentClass).length,
        pastDeadline: pastDeadline.filter((i) => i.incidentClass === incidentClass).length,
      })),
      incidentsPastDeadline: pastDeadline.length,
      alertsByLevel: ALERT_LEVELS.map((level) => ({ level, count: alertCounts[level] })),
      vehiclesReady: (readiness?.companies ?? []).map((c) => ({
        companyId: c.id,
        code: c.code,
        name: c.name,
        ready: c.readyCount,
        quota: c.standbyQuota,
      })),
      fleetReady: readiness?.readyCount ?? null,
      fleetReadyFloor: readiness?.readyFloor ?? null,
      incidentAcknowledgeTimes: acknowledge,
    };
  }
}
