import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HANDOVER_NOTE_LIMIT, type HandoverSignerRole } from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import type { Context } from '../../core/context';
import { ADVISORY_LOCKS } from '../../core/database/advisory-locks';
import { domainError, notFound } from '../../core/errors';
import type { HandoverItem, HandoverItemsSource } from '../../core/handover-items';
import { commit, type Tx } from '../../core/unit-of-work';
import { ShiftHandover } from './handover.entity';
import { SHIFT_HANDOVER_TOPIC } from './handover.events';
import { handoverItems, shiftWindow } from './handover.rules';
import type { GenerateShiftHandoverInput, SignShiftHandoverInput, UpdateShiftHandoverNoteInput } from './handover.types';

/** Every module's contribution, named by module (the composition root hands over the module list). */
export type HandoverSources = () => readonly { module: string; source: HandoverItemsSource }[];

/**
 * The shift handover (交接班). Generating reads every module's open items through its own
 * services (its manifest's `handoverItems`) into a snapshot; the outgoing and the incoming
 * officer, two different people, sign it; once both have signed it is closed. At most one
 * handover is in the making at a time (the current shift's): generating again refreshes its
 * items until someone has signed.
 */
export class ShiftHandoverService {
  constructor(
    private readonly sources: HandoverSources,
    /** The roster's shift running at a moment (the duty module's roster), the window a handover covers by default. */
    private readonly runningShift: (em: EntityManager, at: Date) => Promise<{ startsAt: Date; endsAt: Date } | null> = async () => null,
  ) {}

  async list(em: EntityManager, first: number): Promise<ShiftHandover[]> {
    return em.find(ShiftHandover, {}, { orderBy: { generatedAt: 'desc', id: 'asc' }, limit: Math.min(Math.max(first, 1), 200) });
  }

  async get(em: EntityManager, id: string): Promise<ShiftHandover> {
    const handover = isUuid(id) ? await em.findOne(ShiftHandover, { id }) : null;
    if (!handover) throw notFound('Shift handover', id);
    return handover;
  }

  /** The handover in the making (not yet signed by both), if any. */
  async current(em: EntityManager): Promise<ShiftHandover | null> {
    return em.findOne(ShiftHandover, { closedAt: null });
  }

  /** Every module's open items now; a module whose read fails fails the generation (a silent gap would mislead the next shift). */
  async gather(em: EntityManager, now: Date): Promise<(HandoverItem & { module: string })[]> {
    const parts = await Promise.all(
      this.sources().map(async ({ module, source }) => (await source(em.fork(), { now })).map((item) => ({ ...item, module }))),
    );
    return parts.flat();
  }

  async generate(ctx: Context, input: GenerateShiftHandoverInput): Promise<ShiftHandover> {
    const note = cleanNote(input.note ?? '');
    // Read before the transaction: the snapshot is what the services say at this moment.
    const live = await this.gather(ctx.em, ctx.clock.now());
    // No window given: the roster's shift running now (the 8 hours up to now when none is planned).
    const shift = input.shiftStartedAt || input.shiftEndsAt ? null : await this.runningShift(ctx.em.fork(), ctx.clock.now());
    const window = shift ? { shiftStartedAt: shift.startsAt, shiftEndsAt: shift.endsAt } : input;
    return commit(ctx, 'generateShiftHandover', input, async (tx) => {
      await tx.em.execute('select pg_advisory_xact_lock(?)', [ADVISORY_LOCKS.shiftHandover]);
      const { start, end } = shiftWindow(window, tx.now);
      const open = await tx.em.findOne(ShiftHandover, { closedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (open && (open.outgoingSignedAt || open.incomingSignedAt)) {
        throw domainError(
          'CONFLICT',
          `The current handover is already signed by ${open.outgoingSignedByName || open.incomingSignedByName}; finish signing it before generating a new one.`,
          { reason: 'handover/signing_under_way', handoverId: open.id },
        );
      }
      const previous = await tx.em.findOne(ShiftHandover, { closedAt: { $ne: null } }, { orderBy: { closedAt: 'desc', id: 'asc' } });
      const items = handoverItems(live, previous?.items ?? []);
      const who = { generatedById: tx.viewer?.userId ?? null, generatedByName: tx.viewer?.displayName ?? '' };
      const handover =
        open ??
        tx.em.create(ShiftHandover, {
          shiftStartedAt: start,
          shiftEndsAt: end,
          generatedAt: tx.now,
          items,
          note,
          previousId: previous?.id ?? null,
          ...who,
        });
      if (open) {
        Object.assign(open, {
          shiftStartedAt: start,
          shiftEndsAt: end,
          generatedAt: tx.now,
          items,
          previousId: previous?.id ?? null,
          ...who,
        });
        if (input.note != null) open.note = note;
      }
      this.emit(tx, handover, open ? 'UPDATED' : 'CREATED', ['items']);
      return handover;
    });
  }

  async updateNote(ctx: Context, input: UpdateShiftHandoverNoteInput): Promise<ShiftHandover> {
    const note = cleanNote(input.note);
    return commit(ctx, 'updateShiftHandoverNote', input, async (tx) => {
      const handover = await this.lock(tx, input.handoverId, input.expectedVersion);
      if (handover.closedAt) throw closed();
      if (handover.outgoingSignedAt || handover.incomingSignedAt) {
        throw domainError(
          'INVALID_TRANSITION',
          'The note can no longer change: someone has signed what it said. Add what is new to the next handover.',
          {
            reason: 'handover/signed',
          },
        );
      }
      handover.note = note;
      this.emit(tx, handover, 'UPDATED', ['note']);
      return handover;
    });
  }

  /** Signs as the outgoing or the incoming officer; the same person cannot sign both. Both signed closes it. */
  async sign(ctx: Context, input: SignShiftHandoverInput): Promise<ShiftHandover> {
    return commit(ctx, 'signShiftHandover', input, async (tx) => {
      const handover = await this.lock(tx, input.handoverId, input.expectedVersion);
      if (handover.closedAt) throw closed();
      const me = tx.viewer!;
      const role: HandoverSignerRole = input.role;
      const [mine, other] =
        role === 'OUTGOING'
          ? [handover.outgoingSignedById, handover.incomingSignedById]
          : [handover.incomingSignedById, handover.outgoingSignedById];
      if (mine) {
        const name = role === 'OUTGOING' ? handover.outgoingSignedByName : handover.incomingSignedByName;
        throw domainError('CONFLICT', `${name} has already signed this handover as the ${role.toLowerCase()} officer.`, {
          reason: 'handover/already_signed',
        });
      }
      if (other === me.userId) {
        throw domainError(
          'CONFLICT',
          'You have already signed this handover on the other side. The outgoing and the incoming officer must be two different people.',
          { reason: 'handover/same_signer' },
        );
      }
      if (role === 'OUTGOING')
        Object.assign(handover, { outgoingSignedAt: tx.now, outgoingSignedById: me.userId, outgoingSignedByName: me.displayName });
      else Object.assign(handover, { incomingSignedAt: tx.now, incomingSignedById: me.userId, incomingSignedByName: me.displayName });
      if (handover.outgoingSignedAt && handover.incomingSignedAt) handover.closedAt = tx.now;
      this.emit(tx, handover, 'UPDATED', handover.closedAt ? ['signature', 'closed'] : ['signature']);
      return handover;
    });
  }

  private async lock(tx: Tx, id: string, expectedVersion: number | null | undefined): Promise<ShiftHandover> {
    const handover = isUuid(id) ? await tx.em.findOne(ShiftHandover, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!handover) throw notFound('Shift handover', id);
    if (expectedVersion != null && handover.version !== expectedVersion) {
      throw domainError('CONFLICT', 'Someone changed this handover since you opened it; look at the new version and try again.', {
        reason: 'handover/stale',
        currentVersion: handover.version,
      });
    }
    return handover;
  }

  private emit(tx: Tx, handover: ShiftHandover, kind: 'CREATED' | 'UPDATED', changed: string[]): void {
    tx.emit({
      topic: SHIFT_HANDOVER_TOPIC,
      entityType: 'ShiftHandover',
      entityId: handover.id,
      kind,
      payload: { closed: handover.closedAt !== null && handover.closedAt !== undefined, changed },
    });
  }
}

function cleanNote(note: string): string {
  const clean = note.trim();
  if (clean.length > HANDOVER_NOTE_LIMIT)
    throw domainError('BAD_USER_INPUT', `Keep the note to ${HANDOVER_NOTE_LIMIT} characters.`, { field: 'note' });
  return clean;
}

const closed = () =>
  domainError('INVALID_TRANSITION', 'This handover is closed: both officers have signed it. Generate the next shift’s handover instead.', {
    reason: 'handover/closed',
  });
