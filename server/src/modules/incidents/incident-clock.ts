import { INCIDENT_AGE_BUCKET_EDGES_HOURS, hqDay, hqDayRange, isIncidentOpen, type IncidentStatus } from '@cc/shared';

const HOUR_MS = 3_600_000;

/**
 * The first instant after `now` at which the clock alone changes a figure of the leader's
 * board: an open incident moves to its next age bucket or reaches its reporting deadline, or
 * the HQ day turns (today's response times start again). Every other change arrives as an event.
 */
export function nextClockChange(
  incidents: readonly { status: IncidentStatus; reportedAt: Date; reportingDeadline: Date }[],
  now: Date,
): Date {
  let next = hqDayRange(hqDay(now)).end.getTime();
  const consider = (at: number) => {
    if (at > now.getTime() && at < next) next = at;
  };
  for (const incident of incidents) {
    if (!isIncidentOpen(incident.status)) continue;
    for (const hours of INCIDENT_AGE_BUCKET_EDGES_HOURS) consider(incident.reportedAt.getTime() + hours * HOUR_MS);
    consider(incident.reportingDeadline.getTime());
  }
  return new Date(next);
}
