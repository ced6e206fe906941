import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MemberUnit } from '../identity/member-unit.entity';
import type { MemberUnitService } from '../identity/member-unit.service';
import { DutyCallCorrection } from './duty-call-correction.entity';
import { DutyCallForward } from './duty-call-forward.entity';
import { DutyCallOutcome } from './duty-call-outcome.entity';
import { DutyCall } from './duty-call.entity';

/**
 * Batched reads behind the duty call field resolvers (as dispatch.loaders.ts): every lookup asked
 * for while one level of a result resolves becomes one `where … in (...)` query. One set per
 * EntityManager, i.e. per request and per subscription event.
 */
export class DutyCallLoaders {
  constructor(
    private readonly em: EntityManager,
    private readonly units: MemberUnitService,
  ) {}

  readonly call = new DataLoader<string, DutyCall | null>(async (ids) => {
    const rows = await this.em.find(DutyCall, { id: { $in: [...ids] } });
    return byKey(ids, rows, (r) => r.id);
  });

  readonly unit = new DataLoader<string, MemberUnit | null>(async (ids) => {
    const rows = await this.units.getMany(this.em, ids);
    return byKey(ids, rows, (r) => r.id);
  });

  readonly forwardsByCall = new DataLoader<string, DutyCallForward[]>(async (callIds) => {
    const rows = await this.em.find(DutyCallForward, { callId: { $in: [...callIds] } }, { orderBy: { forwardedAt: 'asc', id: 'asc' } });
    return groupByKey(callIds, rows, (r) => r.callId);
  });

  readonly outcomesByCall = new DataLoader<string, DutyCallOutcome[]>(async (callIds) => {
    const rows = await this.em.find(DutyCallOutcome, { callId: { $in: [...callIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return groupByKey(callIds, rows, (r) => r.callId);
  });

  readonly correctionsByCall = new DataLoader<string, DutyCallCorrection[]>(async (callIds) => {
    const rows = await this.em.find(DutyCallCorrection, { callId: { $in: [...callIds] } }, { orderBy: { correctedAt: 'asc', id: 'asc' } });
    return groupByKey(callIds, rows, (r) => r.callId);
  });
}

const loaders = new WeakMap<EntityManager, DutyCallLoaders>();

export function dutyCallLoaders(em: EntityManager, units: MemberUnitService): DutyCallLoaders {
  let found = loaders.get(em);
  if (!found) {
    found = new DutyCallLoaders(em, units);
    loaders.set(em, found);
  }
  return found;
}

function byKey<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function groupByKey<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(keyOf(row)) ?? [];
    list.push(row);
    map.set(keyOf(row), list);
  }
  return keys.map((k) => map.get(k) ?? []);
}
