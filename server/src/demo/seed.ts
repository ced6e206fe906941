import type { EntityManager } from '@mikro-orm/postgresql';
import { reportingDeadline } from '@cc/shared';
import type { Logger } from '../core/logger';
import { Incident } from '../modules/incidents/incident.entity';
import { seedIncidentsDemo } from '../modules/incidents/incident.demo';
import { MemberUnit } from '../modules/identity/member-unit.entity';
import { hashPassword } from '../modules/identity/password';
import { User } from '../modules/identity/user.entity';
import { seedDispatchDemo } from '../modules/dispatch/dispatch.demo';
import { DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-users';

const HOUR = 3_600_000;

/** Fills an empty database with the demo picture; does nothing if anyone exists already. */
export async function seedDemo(em: EntityManager, logger: Logger, now = new Date()): Promise<boolean> {
  if ((await em.count(User)) > 0) return false;
  const units = new Map<string, MemberUnit>();
  for (const unit of DEMO_UNITS) {
    const created = em.create(MemberUnit, { code: unit.code, name: unit.name });
    units.set(unit.code, created);
    em.persist(created);
  }
  await em.flush(); // users refer to units by id, so units go in first
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    em.persist(
      em.create(User, {
        username: user.username,
        displayName: user.displayName,
        roles: user.roles,
        passwordHash,
        unitId: user.unit ? units.get(user.unit)!.id : null,
      }),
    );
  }
  const incidents = [
    { title: '城关检疫点防护物资告急', incidentClass: 'A', hoursAgo: 2, location: '城关交通检疫点', status: 'ACKNOWLEDGED' },
    { title: '宛平路段运输车辆滞留', incidentClass: 'B', hoursAgo: 5, location: 'G107 宛平段', status: 'IN_PROGRESS' },
    { title: '农贸市场蔬菜供应短缺', incidentClass: 'C', hoursAgo: 9, location: '县农贸市场', status: 'REPORTED' },
  ] as const;
  for (const i of incidents) {
    const reportedAt = new Date(now.getTime() - i.hoursAgo * HOUR);
    em.persist(
      em.create(Incident, {
        title: i.title,
        description: '',
        incidentClass: i.incidentClass,
        status: i.status,
        location: i.location,
        reportedAt,
        reportingDeadline: reportingDeadline(i.incidentClass, reportedAt),
        // moved on from REPORTED, so it has been acknowledged (seedIncidentsDemo sets the real time)
        acknowledgedAt: i.status === 'REPORTED' ? null : reportedAt,
      }),
    );
  }
  await em.flush();
  const leader = await em.findOneOrFail(User, { username: 'leader' });
  await seedIncidentsDemo(em, { id: leader.id, displayName: leader.displayName });
  const dispatcher = await em.findOneOrFail(User, { username: 'dispatcher' });
  const checkpointIncident = await em.findOne(Incident, { title: incidents[0].title });
  await seedDispatchDemo(em, { dispatcher, liaisonUnitId: units.get('AGRICULTURE')!.id, incidentId: checkpointIncident?.id ?? null }, now);
  logger.info({ users: DEMO_USERS.length }, 'demo data seeded');
  return true;
}
