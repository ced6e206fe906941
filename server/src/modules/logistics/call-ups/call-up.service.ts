import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { callUpStepProblems, canRequestSupport, intakeClosesRequest, type CallUpStage } from '@cc/shared';
import { isUuid } from '../../../core/auth/ids';
import type { Context } from '../../../core/context';
import { domainError, notFound } from '../../../core/errors';
import { commit, type Tx } from '../../../core/unit-of-work';
import { CALL_UP_TOPIC } from './call-up.events';
import { CallUp, CallUpStep, SupportRequest, SupportRequestIntake } from './call-up.entity';

const badInput = (field: string, message: string) => domainError('BAD_USER_INPUT', message, { field });
const NOTE_MAX = 500;

/**
 * Emergency supply call-ups (应急物资调用机制, plan 5): each step recorded with its note; requests to
 * the level above tracked until the intakes (上级下拨) that cover them close them. The response
 * cannot end while such a request is open (shared/domain/call-ups.ts).
 */
export class CallUpService {
  list(em: EntityManager, first: number): Promise<CallUp[]> {
    return em.find(CallUp, {}, { orderBy: { openedAt: 'desc' }, limit: Math.min(Math.max(first, 1), 200) });
  }

  async get(em: EntityManager, id: string): Promise<CallUp> {
    const found = isUuid(id) ? await em.findOne(CallUp, { id }) : null;
    if (!found) throw notFound('Call-up', id);
    return found;
  }

  steps(em: EntityManager, callUpId: string): Promise<CallUpStep[]> {
    return em.find(CallUpStep, { callUpId }, { orderBy: { at: 'asc' } });
  }

  requests(em: EntityManager, callUpId: string): Promise<SupportRequest[]> {
    return em.find(SupportRequest, { callUpId }, { orderBy: { requestedAt: 'asc' } });
  }

  /** 本级调用: a call-up starts on own stock. */
  async open(ctx: Context, input: { title: string; note: string }): Promise<CallUp> {
    return commit(ctx, 'openCallUp', input, async (tx) => {
      const title = input.title.trim();
      if (!title) throw badInput('title', 'Say what the emergency is.');
      if (title.length > 200) throw badInput('title', 'Keep the title to 200 characters.');
      const callUp = tx.em.create(CallUp, { title, stage: 'OWN_STOCK', openedAt: tx.now, openedByName: tx.viewer?.displayName ?? '' });
      tx.em.persist(callUp);
      this.step(tx, callUp, 'OWN_STOCK', input.note);
      emit(tx, callUp, 'CREATED');
      return callUp;
    });
  }

  async advance(
    ctx: Context,
    input: { callUpId: string; stage: CallUpStage; note: string; expectedVersion?: number | null },
  ): Promise<CallUp> {
    return commit(ctx, 'advanceCallUp', input, async (tx) => {
      const callUp = await this.lock(tx, input.callUpId, input.expectedVersion);
      const open = await tx.em.count(SupportRequest, { callUpId: callUp.id, status: 'OPEN' });
      const [problem] = callUpStepProblems(callUp.stage, input.stage, open, input.note);
      if (problem?.kind === 'transition') {
        throw domainError('INVALID_TRANSITION', `The call-up is at ${callUp.stage}; it cannot go to ${input.stage}.`, {
          reason: 'callUp/invalid_transition',
          stage: callUp.stage,
        });
      }
      if (problem?.kind === 'open-requests') {
        throw domainError(
          'CONFLICT',
          `${problem.count} request(s) to the level above are still open: close them with their intake or withdraw them first.`,
          {
            reason: 'callUp/open_requests',
            count: problem.count,
          },
        );
      }
      if (problem?.kind === 'note-required') throw badInput('note', 'Say what was done at this step.');
      callUp.stage = input.stage;
      if (input.stage === 'ENDED') callUp.endedAt = tx.now;
      this.step(tx, callUp, input.stage, input.note);
      emit(tx, callUp);
      return callUp;
    });
  }

  /** 请求支援: asks the level above for so much of an item. */
  async requestSupport(ctx: Context, input: { callUpId: string; itemId: string; quantity: number; askedOf: string }): Promise<CallUp> {
    return commit(ctx, 'requestSupplySupport', input, async (tx) => {
      const callUp = await this.lock(tx, input.callUpId, null);
      if (!canRequestSupport(callUp.stage)) {
        throw domainError('INVALID_TRANSITION', 'Move the call-up to “request support” first: own stock comes first.', {
          reason: 'callUp/not_requesting',
          stage: callUp.stage,
        });
      }
      const askedOf = input.askedOf.trim();
      if (!askedOf || askedOf.length > 120) throw badInput('askedOf', 'Name who is asked (市工信局, 省工信厅…), up to 120 characters.');
      if (!Number.isInteger(input.quantity) || input.quantity <= 0 || input.quantity > 10_000_000)
        throw badInput('quantity', 'A quantity is a whole number above 0.');
      const [item] = isUuid(input.itemId)
        ? await tx.em.execute<{ id: string }[]>('select id from supply_item where id = ?', [input.itemId])
        : [];
      if (!item) throw badInput('itemId', 'Choose an item of the catalogue.');
      tx.em.persist(
        tx.em.create(SupportRequest, {
          callUpId: callUp.id,
          itemId: input.itemId,
          quantity: input.quantity,
          askedOf,
          received: 0,
          status: 'OPEN',
          requestedAt: tx.now,
        }),
      );
      emit(tx, callUp);
      return callUp;
    });
  }

  /** Counts a stocked intake from above towards a request; the request closes once it is covered. */
  async recordIntake(ctx: Context, input: { requestId: string; intakeId: string }): Promise<CallUp> {
    return commit(ctx, 'recordSupportIntake', input, async (tx) => {
      const request = isUuid(input.requestId)
        ? await tx.em.findOne(SupportRequest, { id: input.requestId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
        : null;
      if (!request) throw notFound('Support request', input.requestId);
      if (request.status !== 'OPEN')
        throw domainError('INVALID_TRANSITION', 'This request is already closed.', { reason: 'supportRequest/closed' });
      const [intake] = isUuid(input.intakeId)
        ? await tx.em.execute<{ item_id: string; quantity: number; source: string; status: string }[]>(
            'select item_id, quantity, source, status from supply_intake where id = ?',
            [input.intakeId],
          )
        : [];
      if (!intake) throw notFound('Supply intake', input.intakeId);
      if (intake.status !== 'STOCKED') throw badInput('intakeId', 'Only an intake put into stock (入库) counts.');
      const counted = await tx.em.findOne(SupportRequestIntake, { intakeId: input.intakeId });
      if (counted)
        throw domainError('CONFLICT', 'This intake is already counted towards a request.', { reason: 'supportRequest/intake_used' });
      const result = intakeClosesRequest(
        { itemId: request.itemId, quantity: request.quantity, received: request.received },
        { itemId: intake.item_id, quantity: intake.quantity, source: intake.source },
      );
      if (result.received === request.received)
        throw badInput('intakeId', 'Only an allocation from above (上级下拨) of the requested item counts.');
      tx.em.persist(tx.em.create(SupportRequestIntake, { intakeId: input.intakeId, requestId: request.id, quantity: intake.quantity }));
      request.received = result.received;
      if (result.closes) {
        request.status = 'CLOSED_BY_INTAKE';
        request.closedAt = tx.now;
        request.closingIntakeId = input.intakeId;
      }
      const callUp = await this.lock(tx, request.callUpId, null);
      emit(tx, callUp);
      return callUp;
    });
  }

  async withdrawRequest(ctx: Context, input: { requestId: string }): Promise<CallUp> {
    return commit(ctx, 'withdrawSupportRequest', input, async (tx) => {
      const request = isUuid(input.requestId)
        ? await tx.em.findOne(SupportRequest, { id: input.requestId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
        : null;
      if (!request) throw notFound('Support request', input.requestId);
      if (request.status !== 'OPEN')
        throw domainError('INVALID_TRANSITION', 'This request is already closed.', { reason: 'supportRequest/closed' });
      request.status = 'WITHDRAWN';
      request.closedAt = tx.now;
      const callUp = await this.lock(tx, request.callUpId, null);
      emit(tx, callUp);
      return callUp;
    });
  }

  private step(tx: Tx, callUp: CallUp, stage: CallUpStage, rawNote: string): void {
    const note = rawNote.trim();
    if (!note) throw badInput('note', 'Say what was done at this step.');
    if (note.length > NOTE_MAX) throw badInput('note', `Keep the note to ${NOTE_MAX} characters.`);
    tx.em.persist(
      tx.em.create(CallUpStep, {
        callUpId: callUp.id,
        stage,
        note,
        at: tx.now,
        byId: tx.viewer?.userId ?? null,
        byName: tx.viewer?.displayName ?? '',
      }),
    );
  }

  private async lock(tx: Tx, id: string, expectedVersion: number | null | undefined): Promise<CallUp> {
    const found = isUuid(id) ? await tx.em.findOne(CallUp, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
    if (!found) throw notFound('Call-up', id);
    if (expectedVersion != null && found.version !== expectedVersion) {
      throw domainError('CONFLICT', 'Someone moved this call-up meanwhile. Review it and try again.', {
        reason: 'callUp/stale',
        currentVersion: found.version,
      });
    }
    return found;
  }
}

function emit(tx: Tx, callUp: CallUp, kind: 'CREATED' | 'UPDATED' = 'UPDATED'): void {
  tx.emit({ topic: CALL_UP_TOPIC, entityType: 'CallUp', entityId: callUp.id, kind, payload: { stage: callUp.stage } });
}
