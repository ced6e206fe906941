import {
  INCIDENT_AGE_BUCKETS,
  INCIDENT_CLASSES,
  incidentAgeBucket,
  isPastReportingDeadline,
  type IncidentAgeBucket,
  type IncidentClass,
} from '@cc/shared';
import type { LeaderFiguresSource } from '../../core/leader-figures';
import { nextClockChange } from './incident-clock';
import type { IncidentService, ResponseTimeFigures } from './incident.service';

declare module '../../core/leader-figures' {
  interface LeaderFigures {
    /** Open incidents per class and age bucket, every pair listed (zeros included). */
    openIncidents: { incidentClass: IncidentClass; ageBucket: IncidentAgeBucket; count: number }[];
    incidentsByClass: { incidentClass: IncidentClass; open: number; pastDeadline: number }[];
    incidentsPastDeadline: number;
    /** Today: incident reported → first acknowledged. */
    incidentAcknowledgeTimes: ResponseTimeFigures;
  }
}

/** The duty group's figures on the leader's board: the open incidents and how fast HQ picks them up. */
export function incidentLeaderFigures(incidents: IncidentService): LeaderFiguresSource {
  return async (em, { now, todayStartsAt }) => {
    const [open, acknowledge] = await Promise.all([
      incidents.openIncidents(em.fork()),
      incidents.acknowledgeTimes(em.fork(), todayStartsAt, now),
    ]);
    const grid = new Map<string, number>();
    for (const incident of open) {
      const key = `${incident.incidentClass}|${incidentAgeBucket(incident.reportedAt, now)}`;
      grid.set(key, (grid.get(key) ?? 0) + 1);
    }
    const pastDeadline = open.filter((i) => isPastReportingDeadline(i, now));
    return {
      openIncidents: INCIDENT_CLASSES.flatMap((incidentClass) =>
        INCIDENT_AGE_BUCKETS.map((ageBucket) => ({ incidentClass, ageBucket, count: grid.get(`${incidentClass}|${ageBucket}`) ?? 0 })),
      ),
      incidentsByClass: INCIDENT_CLASSES.map((incidentClass) => ({
        incidentClass,
        open: open.filter((i) => i.incidentClass === incidentClass).length,
        pastDeadline: pastDeadline.filter((i) => i.incidentClass === incidentClass).length,
      })),
      incidentsPastDeadline: pastDeadline.length,
      incidentAcknowledgeTimes: acknowledge,
      nextClockChangeAt: nextClockChange(open, now),
    };
  };
}
