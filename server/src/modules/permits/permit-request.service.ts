import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { canMovePermitRequest, PERMIT_TEXT_LIMITS, permitNumberOf, type PermitRequestStatus } from '@cc/shared';
import { randomBytes } from 'node:crypto';
import { isUuid } from '../../core/auth/ids';
import { unitForNewRecord } from '../../core/auth/unit-scope';
import type { Context, Viewer } from '../../core/context';
import { domainError, notFound } from '../../core/errors';
import { commit, type Tx } from '../../core/unit-of-work';
import type { MemberUnitService } from '../identity/member-unit.service';
import { PermitRequest } from './permit-request.entity';
import type {
  ApprovePermitRequestInput,
  AskPermitRequestInfoInput,
  FilePermitRequestInput,
  PermitRequestIdInput,
  RejectPermitRequestInput,
  ResubmitPermitRequestInput,
} from './permits.inputs';
import { PERMIT_REQUEST_TOPIC, TRAFFIC_PERMIT_TOPIC } from './permits.events';
import { permitsPolicy } from './permits.policy';
import { approvedWindow, requiredText, validatePermitRequest } from './permits.rules';
import { TrafficPermit } from './traffic-permit.entity';

/** What permits need of the duty module: a call the filer may see, or NOT_FOUND. */
export interface DutyCallLookup {
  get(em: EntityManager, viewer: Viewer | null, id: string): Promise<unknown>;
}

/** When the emergency response ends (null while it runs or is not known): no permit is valid after it. */
export type ResponseEnd = (em: EntityManager) => Promise<Date | null>;

export interface Page<T> {
  items: T[];
  total: number;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 characters from 60 random bits (crypto.randomBytes): a permit number nobody can guess from another. */
export function randomPermitNumber(): string {
  const bytes = randomBytes(8);
  let bits = bytes.readBigUInt64BE() >> 4n;
  let body = '';
  for (let i = 0; i < 12; i++) {
    body = CROCKFORD[Number(bits & 31n)] + body;
    bits >>= 5n;
  }
  return permitNumberOf(body);
}

/**
 * 通行证申请 from filing to decision. Each change runs in one unit of work that locks the request
 * first; approving issues the permit in the same transaction (both or neither). A liaison files
 * and follows their own unit's requests; dispatchers (and the leader) review.
 */
export class PermitRequestService {
  constructor(
    private readonly units: MemberUnitService,
    private readonly calls: DutyCallLookup,
    private readonly responseEnd: ResponseEnd,
  ) {}

  // ------------------------------------------------------------------------------ reads

  async get(em: EntityManager, viewer: Viewer | null, id: string): Promise<PermitRequest> {
    const request = isUuid(id) ? await em.findOne(PermitRequest, { id }) : null;
    if (!request || !permitsPolicy.canSee(viewer, request.unitId)) throw notFound('Permit request', id);
    return request;
  }

  /**
   * The review queue: requests waiting for HQ, green channel first, then the longest waiting. Two
   * statements whatever the page (ids with totals over the partial index, then the rows).
   */
  async queue(em: EntityManager, first: number, offset: number): Promise<Page<PermitRequest> & { greenTotal: number }> {
    const limit = Math.min(Math.max(first, 0), 200);
    const skip = Math.max(offset, 0);
    const [rows, [totals]] = await Promise.all([
      em.execute<{ id: string }[]>(
        `select id from permit_request where status = 'SUBMITTED'
         order by green_channel desc, submitted_at, id limit ? offset ?`,
        [limit, skip],
      ),
      em.execute<{ total: string; green: string }[]>(
        `select count(*) as total, count(*) filter (where green_channel) as green from permit_request where status = 'SUBMITTED'`,
      ),
    ]);
    const total = Number(totals?.total ?? 0);
    const greenTotal = Number(totals?.green ?? 0);
    if (rows.length === 0) return { items: [], total, greenTotal };
    const found = await em.find(PermitRequest, { id: { $in: rows.map((r) => r.id) } });
    const byId = new Map(found.map((r) => [r.id, r]));
    return { items: rows.map((r) => byId.get(r.id)!).filter(Boolean), total, greenTotal };
  }

  /** A unit's requests, newest first (a liaison: their own unit; HQ: every unit, or the one named). */
  async list(em: EntityManager, viewer: Viewer | null, first: number, offset: number): Promise<Page<PermitRequest>> {
    const limit = Math.min(Math.max(first, 0), 200);
    const unitId = permitsPolicy.unitOf(viewer);
    const where = unitId ? { unitId } : {};
    const [items, total] = await em.findAndCount(PermitRequest, where, {
      orderBy: { filedAt: 'desc', id: 'desc' },
      limit,
      offset: Math.max(offset, 0),
    });
    return { items, total };
  }

  /** Requests in the queue that entered it at or before `cutoff`, oldest first (the waiting alert). */
  async waitingSince(em: EntityManager, cutoff: Date, greenChannel: boolean): Promise<PermitRequest[]> {
    return em.find(
      PermitRequest,
      { status: 'SUBMITTED', greenChannel, submittedAt: { $lte: cutoff } },
      { orderBy: { submittedAt: 'asc', id: 'asc' }, limit: 500 },
    );
  }

  // ------------------------------------------------------------------------------ the applicant's side

  async file(ctx: Context, input: FilePermitRequestInput): Promise<PermitRequest> {
    return commit(ctx, 'filePermitRequest', input, async (tx) => {
      const clean = validatePermitRequest(input, tx.now);
      const unitId = unitForNewRecord(tx.viewer, input.unitId);
      if (!unitId) throw domainError('BAD_USER_INPUT', 'Choose the sponsoring member unit.', { field: 'unitId' });
      const unit = await this.units.get(tx.em, unitId);
      if (!unit || !unit.active) throw notFound('Member unit', unitId);
      if (input.dutyCallId != null) {
        if (!permitsPolicy.seesAll(tx.viewer)) throw notFound('Duty call', input.dutyCallId);
        await this.calls.get(tx.em, tx.viewer, input.dutyCallId);
      }
      const request = tx.em.create(PermitRequest, {
        ...clean,
        unitId,
        unitName: unit.name,
        status: 'SUBMITTED',
        filedAt: tx.now,
        submittedAt: tx.now,
        filedById: tx.viewer?.userId ?? null,
        filedByName: tx.viewer?.displayName ?? '',
        dutyCallId: input.dutyCallId ?? null,
        question: null,
        answer: null,
        decidedAt: null,
        decidedById: null,
        decidedByName: null,
        rejectionReason: null,
      });
      tx.em.persist(request);
      emitRequest(tx, request, [], 'CREATED');
      return request;
    });
  }

  /** Answers HQ's question: the request goes back into the queue, waiting from now. */
  async resubmit(ctx: Context, input: ResubmitPermitRequestInput): Promise<PermitRequest> {
    return commit(ctx, 'resubmitPermitRequest', input, async (tx) => {
      const answer = requiredText('answer', input.answer, PERMIT_TEXT_LIMITS.answer, 'the answer to HQ’s question');
      const request = await this.lock(tx, input.requestId);
      move(request, 'SUBMITTED');
      request.answer = answer;
      request.submittedAt = tx.now;
      emitRequest(tx, request, ['status', 'answer']);
      return request;
    });
  }

  async withdraw(ctx: Context, input: PermitRequestIdInput): Promise<PermitRequest> {
    return commit(ctx, 'withdrawPermitRequest', input, async (tx) => {
      const request = await this.lock(tx, input.requestId);
      move(request, 'WITHDRAWN');
      decide(tx, request);
      emitRequest(tx, request, ['status']);
      return request;
    });
  }

  // ------------------------------------------------------------------------------ review

  /** 审批: approves (the window narrowed if asked, never widened) and issues the permit, both or neither. */
  async approve(ctx: Context, input: ApprovePermitRequestInput): Promise<TrafficPermit> {
    return commit(ctx, 'approvePermitRequest', input, async (tx) => {
      const request = await this.lock(tx, input.requestId);
      move(request, 'APPROVED');
      const window = approvedWindow(
        { from: request.requestedFrom, until: request.requestedUntil },
        { from: input.validFrom ?? undefined, until: input.validUntil ?? undefined },
        tx.now,
        await this.responseEnd(tx.em),
      );
      decide(tx, request);
      const permit = tx.em.create(TrafficPermit, {
        number: randomPermitNumber(),
        requestId: request.id,
        unitId: request.unitId,
        unitName: request.unitName,
        applicantName: request.applicantName,
        plate: request.plate,
        vehicleType: request.vehicleType,
        driverName: request.driverName,
        driverIdMasked: request.driverIdMasked,
        cargoKind: request.cargoKind,
        greenChannel: request.greenChannel,
        origin: request.origin,
        destinations: request.destinations,
        validFrom: window.from,
        validUntil: window.until,
        issuedAt: tx.now,
        issuedById: tx.viewer?.userId ?? null,
        issuedByName: tx.viewer?.displayName ?? '',
        revokedAt: null,
        revokedById: null,
        revokedByName: null,
        revocationReason: null,
      });
      tx.em.persist(permit);
      emitRequest(tx, request, ['status', 'permit']);
      tx.emit({
        topic: TRAFFIC_PERMIT_TOPIC,
        entityType: 'TrafficPermit',
        entityId: permit.id,
        kind: 'CREATED',
        payload: { number: permit.number, unitId: permit.unitId, changed: [] },
      });
      return permit;
    });
  }

  /** 驳回, with the reason the applicant reads. */
  async reject(ctx: Context, input: RejectPermitRequestInput): Promise<PermitRequest> {
    return commit(ctx, 'rejectPermitRequest', input, async (tx) => {
      const reason = requiredText('reason', input.reason, PERMIT_TEXT_LIMITS.reason, 'the reason the applicant will read');
      const request = await this.lock(tx, input.requestId);
      move(request, 'REJECTED');
      decide(tx, request);
      request.rejectionReason = reason;
      emitRequest(tx, request, ['status', 'rejectionReason']);
      return request;
    });
  }

  /** Asks the applicant a question: the request leaves the queue until answered. */
  async askInfo(ctx: Context, input: AskPermitRequestInfoInput): Promise<PermitRequest> {
    return commit(ctx, 'askPermitRequestInfo', input, async (tx) => {
      const question = requiredText('question', input.question, PERMIT_TEXT_LIMITS.question, 'the question for the applicant');
      const request = await this.lock(tx, input.requestId);
      move(request, 'NEEDS_INFO');
      request.question = question;
      request.answer = null;
      emitRequest(tx, request, ['status', 'question']);
      return request;
    });
  }

  /** Locks the request for a change; another unit's is NOT_FOUND to a liaison. */
  private async lock(tx: Tx, id: string): Promise<PermitRequest> {
    const request = isUuid(id) ? await tx.em.findOne(PermitRequest, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!request || !permitsPolicy.canSee(tx.viewer, request.unitId)) throw notFound('Permit request', id);
    return request;
  }
}

function move(request: PermitRequest, to: PermitRequestStatus): void {
  if (!canMovePermitRequest(request.status, to))
    throw domainError('INVALID_TRANSITION', `This request is ${statusWords[request.status]}; it cannot be ${actionWords[to]}.`, {
      reason: 'permitRequest/invalid_transition',
      status: request.status,
      to,
    });
  request.status = to;
}

const statusWords: Record<PermitRequestStatus, string> = {
  SUBMITTED: 'waiting for review',
  NEEDS_INFO: 'waiting for the applicant’s answer',
  APPROVED: 'already approved',
  REJECTED: 'already rejected',
  WITHDRAWN: 'withdrawn',
};
const actionWords: Record<PermitRequestStatus, string> = {
  SUBMITTED: 'resubmitted',
  NEEDS_INFO: 'sent back for more information',
  APPROVED: 'approved',
  REJECTED: 'rejected',
  WITHDRAWN: 'withdrawn',
};

function decide(tx: Tx, request: PermitRequest): void {
  request.decidedAt = tx.now;
  request.decidedById = tx.viewer?.userId ?? null;
  request.decidedByName = tx.viewer?.displayName ?? '';
}

function emitRequest(tx: Tx, request: PermitRequest, changed: string[], kind: 'CREATED' | 'UPDATED' = 'UPDATED'): void {
  tx.emit({
    topic: PERMIT_REQUEST_TOPIC,
    entityType: 'PermitRequest',
    entityId: request.id,
    kind,
    payload: { unitId: request.unitId, status: request.status, greenChannel: request.greenChannel, changed },
  });
}
