import { addHqDays, atHqTime, hqDay } from '@cc/shared';
import type { DemoSeedContext } from '../../core/module';
import { appendToOutbox } from '../../core/realtime/outbox';
import type { EmittedEvent } from '../../core/realtime/topics';
import { DUTY_SHIFT_TOPIC } from './duty.events';
import { DutyShift, DutyShiftMember } from './roster.entity';

/** The demo's watch: one 24-hour shift a day, handing over at 08:00 HQ time. */
const HANDOVER_AT = '08:00';

/**
 * Demo mode only: a roster from the day before yesterday's handover to the one three days
 * ahead, with the demo officer (duty) and the demo leader (leader) on every shift, so a fresh
 * demo raises no roster alert; shifts already started are checked in.
 */
export async function seedRosterDemo({ em, now, cast }: DemoSeedContext): Promise<void> {
  const officer = cast.people?.get('duty');
  const leader = cast.people?.get('leader');
  if (!officer || !leader) throw new Error('The duty demo needs the identity demo (duty, leader) seeded first.');
  const today = hqDay(now);
  const events: EmittedEvent[] = [];
  for (let offset = -2; offset <= 2; offset++) {
    const startsAt = atHqTime(addHqDays(today, offset), HANDOVER_AT);
    const endsAt = atHqTime(addHqDays(today, offset + 1), HANDOVER_AT);
    const checkedInAt = startsAt.getTime() <= now.getTime() ? new Date(startsAt.getTime() - 5 * 60_000) : null;
    const shift = em.create(DutyShift, { startsAt, endsAt, note: '', createdById: leader.id });
    em.persist(shift);
    em.persist(em.create(DutyShiftMember, { shiftId: shift.id, userId: leader.id, role: 'LEADER', checkedInAt }));
    em.persist(em.create(DutyShiftMember, { shiftId: shift.id, userId: officer.id, role: 'OFFICER', checkedInAt }));
    events.push({
      topic: DUTY_SHIFT_TOPIC,
      entityType: 'DutyShift',
      entityId: shift.id,
      kind: 'CREATED',
      payload: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), changed: ['created'] },
    });
  }
  await em.flush();
  // The roster rules re-read at once: a gap seen before the seed clears without waiting for the clock.
  await appendToOutbox(em, null, events);
}
