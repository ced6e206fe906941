import type { EntityManager } from '@mikro-orm/postgresql';
import type { WorkingGroup } from '@cc/shared';
import { Incident } from './incident.entity';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';

const MINUTE = 60_000;

/** Demo picture of each seeded incident: how it was handled so far (by title). */
const DEMO_HANDLING: Record<
  string,
  {
    severity: Incident['severity'];
    group: WorkingGroup | null;
    ackAfterMinutes: number | null;
    note: string;
    coordinates?: [number, number];
    /** Reported upward (上报) this long after it was logged, to whom, and how. */
    reportedUpward?: { afterMinutes: number; to: string; note: string };
  }
> = {
  城关检疫点防护物资告急: {
    severity: 'HIGH',
    group: 'LOGISTICS',
    ackAfterMinutes: 6,
    note: '检疫点口罩、防护服仅够今日使用，已通知后勤保障小组调拨。',
    coordinates: [39.9042, 116.4074],
    reportedUpward: { afterMinutes: 35, to: '县卫生健康局应急办', note: '电话报告，书面材料已报送。' },
  },
  宛平路段运输车辆滞留: {
    severity: 'MEDIUM',
    group: 'TRANSPORT',
    ackAfterMinutes: 12,
    note: '运输调配小组已联系交通部门，按“三不一优先”放行物资车辆。',
  },
  农贸市场蔬菜供应短缺: { severity: 'MEDIUM', group: null, ackAfterMinutes: null, note: '' },
};

/**
 * Demo mode only: gives the seeded incidents (server/src/demo/seed.ts) the lifecycle fields
 * and timeline a real one would have: when it was acknowledged, who handles it, notes.
 */
export async function seedIncidentsDemo(em: EntityManager, actor: { id: string; displayName: string } | null): Promise<void> {
  const incidents = await em.find(Incident, {}, { orderBy: { reportedAt: 'asc' } });
  for (const incident of incidents) {
    const handling = DEMO_HANDLING[incident.title];
    const entry = (fields: Partial<IncidentTimelineEntry> & Pick<IncidentTimelineEntry, 'kind' | 'at'>) =>
      em.persist(
        em.create(IncidentTimelineEntry, {
          incidentId: incident.id,
          actorId: actor?.id ?? null,
          actorName: actor?.displayName ?? '',
          text: '',
          fromStatus: null,
          toStatus: null,
          linkEntityType: null,
          linkEntityId: null,
          ...fields,
        }),
      );
    entry({ kind: 'STATUS', at: incident.reportedAt, toStatus: 'REPORTED' });
    if (!handling) continue;
    incident.severity = handling.severity;
    if (handling.coordinates) [incident.latitude, incident.longitude] = handling.coordinates;
    if (handling.ackAfterMinutes !== null && incident.status !== 'REPORTED') {
      const at = new Date(incident.reportedAt.getTime() + handling.ackAfterMinutes * MINUTE);
      incident.acknowledgedAt = at;
      entry({ kind: 'STATUS', at, fromStatus: 'REPORTED', toStatus: incident.status });
    }
    if (handling.group) {
      incident.assignedGroup = handling.group;
      entry({
        kind: 'ASSIGNMENT',
        at: new Date(incident.reportedAt.getTime() + ((handling.ackAfterMinutes ?? 0) + 1) * MINUTE),
        text: handling.group,
      });
    }
    if (handling.reportedUpward) {
      const { afterMinutes, to, note } = handling.reportedUpward;
      incident.reportedUpwardAt = new Date(incident.reportedAt.getTime() + afterMinutes * MINUTE);
      incident.reportedUpwardTo = to;
      incident.reportedUpwardById = actor?.id ?? null;
      entry({ kind: 'REPORTED_UPWARD', at: incident.reportedUpwardAt, text: `${to} — ${note}` });
    }
    if (handling.note)
      entry({
        kind: 'NOTE',
        at: new Date(incident.reportedAt.getTime() + ((handling.ackAfterMinutes ?? 0) + 5) * MINUTE),
        text: handling.note,
      });
  }
  await em.flush();
}
