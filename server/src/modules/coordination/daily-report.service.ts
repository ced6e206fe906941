import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addHqDays,
  DAILY_REPORT_LIMITS,
  dailyReportDueAt,
  dailyReportStatus,
  hqDay,
  isHqDay,
  isReportableDay,
  type DailyReportStatus,
} from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import { assertSameUnit, unitForNewRecord, unitScopeOf } from '../../core/auth/unit-scope';
import type { Context, Viewer } from '../../core/context';
import { domainError, notFound } from '../../core/errors';
import type { UnitOpenWorkSource } from '../../core/module';
import { commit, type Tx } from '../../core/unit-of-work';
import type { MemberUnit } from '../identity/member-unit.entity';
import type { MemberUnitService } from '../identity/member-unit.service';
import { DailyReport, DailyReportAmendment, DailyReportType, type OpenWorkEntry } from './daily-report.entity';
import { DAILY_REPORT_TOPIC } from './daily-report.events';
import { cleanReportType, cleanReportValues, isConcealmentSuspect, numberTotals } from './daily-report.rules';
import type {
  AmendDailyReportInput,
  CreateDailyReportTypeInput,
  DailyReportBoardObject,
  DailyReportCalendarObject,
  DailyReportRollupObject,
  DailyReportTypeBoardObject,
  SubmitDailyReportInput,
  UpdateDailyReportTypeInput,
} from './daily-report.types';
import { reportView, typeView } from './daily-report.view';

/** One module's contribution to the 瞒报 check, named for the flag's explanation. */
export interface OpenWorkSourceOf {
  module: string;
  source: UnitOpenWorkSource;
}

/** One report type and HQ day whose due time has passed, and the active units that have not reported. */
export interface MissingReports {
  type: DailyReportType;
  day: string;
  dueAt: Date;
  units: { id: string; name: string }[];
}

/** The calendar shows at most this many days at once. */
const MAX_CALENDAR_DAYS = 62;

/**
 * 日报告 / 零报告: report types HQ configures, each unit's one report per type and HQ day (or
 * its explicit zero report), amendments with reasons, and what the board, calendar, roll-up
 * and the missing-report alert read. A unit liaison sees and files only their own unit's.
 */
export class DailyReportService {
  constructor(
    private readonly units: MemberUnitService,
    /** Every module's `unitOpenWork`, read when a zero report is filed. */
    private readonly openWorkSources: () => readonly OpenWorkSourceOf[],
  ) {}

  // ------------------------------------------------------------------------------ report types

  async types(em: EntityManager, includeInactive: boolean): Promise<DailyReportType[]> {
    return em.find(DailyReportType, includeInactive ? {} : { active: true }, { orderBy: { sortOrder: 'asc', code: 'asc' } });
  }

  async type(em: EntityManager, id: string): Promise<DailyReportType> {
    const type = isUuid(id) ? await em.findOne(DailyReportType, { id }) : null;
    if (!type) throw notFound('Daily report type', id);
    return type;
  }

  async createType(ctx: Context, input: CreateDailyReportTypeInput): Promise<DailyReportType> {
    const clean = cleanReportType(input);
    return commit(ctx, 'createDailyReportType', input, async (tx) => {
      if (await tx.em.count(DailyReportType, { code: clean.code! }))
        throw domainError('CONFLICT', `The report type code ${clean.code} is taken; choose another.`, {
          field: 'code',
          reason: 'daily_report/type_code_taken',
        });
      const type = tx.em.create(DailyReportType, {
        code: clean.code!,
        name: clean.name,
        dueTime: clean.dueTime,
        fields: clean.fields,
        active: true,
        startsOn: hqDay(tx.now),
        sortOrder: input.sortOrder,
      });
      this.emit(tx, 'CREATED', type.id, { typeId: type.id, unitId: null, day: null, changed: ['type'] });
      return type;
    });
  }

  async updateType(ctx: Context, input: UpdateDailyReportTypeInput): Promise<DailyReportType> {
    const clean = cleanReportType(input);
    return commit(ctx, 'updateDailyReportType', input, async (tx) => {
      const type = isUuid(input.id)
        ? await tx.em.findOne(DailyReportType, { id: input.id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      if (!type) throw notFound('Daily report type', input.id);
      if (type.version !== input.expectedVersion)
        throw domainError('CONFLICT', `${type.name} was changed by someone else since you opened it; reload and apply your change again.`, {
          reason: 'daily_report/stale_type',
          currentVersion: type.version,
        });
      type.name = clean.name;
      type.dueTime = clean.dueTime;
      type.fields = clean.fields;
      type.active = input.active;
      type.sortOrder = input.sortOrder;
      this.emit(tx, 'UPDATED', type.id, { typeId: type.id, unitId: null, day: null, changed: ['type'] });
      return type;
    });
  }

  // ------------------------------------------------------------------------------ reports

  /** One report, if this viewer may see it (a liaison: their unit's only); NOT_FOUND otherwise. */
  async get(em: EntityManager, viewer: Viewer | null, id: string): Promise<DailyReport> {
    const report = isUuid(id) ? await em.findOne(DailyReport, { id }) : null;
    if (!report) throw notFound('Daily report', id);
    assertSameUnit(viewer, report.unitId, 'Daily report', id);
    return report;
  }

  async amendments(em: EntityManager, reportId: string): Promise<DailyReportAmendment[]> {
    return em.find(DailyReportAmendment, { reportId }, { orderBy: { amendedAt: 'asc', id: 'asc' } });
  }

  /**
   * Files a unit's report (or zero report) for an HQ day: today unless another day is named (up
   * to a week back, never ahead). One per unit, type and day: a second is refused with CONFLICT
   * naming the first, and the caller amends it instead. Late if after the type's due time.
   */
  async submit(ctx: Context, input: SubmitDailyReportInput): Promise<DailyReport> {
    return commit(ctx, 'submitDailyReport', input, async (tx) => {
      const unitId = unitForNewRecord(tx.viewer, input.unitId);
      if (!unitId) throw domainError('BAD_USER_INPUT', 'Name the member unit this report is for.', { field: 'unitId' });
      const unit = await this.units.get(tx.em, unitId);
      if (!unit || !unit.active) throw notFound('Member unit', unitId);
      const type = await this.type(tx.em, input.typeId);
      if (!type.active) throw domainError('BAD_USER_INPUT', `${type.name} is no longer asked for.`, { field: 'typeId' });
      const day = input.day ?? hqDay(tx.now);
      if (!isHqDay(day) || !isReportableDay(day, tx.now))
        throw domainError(
          'BAD_USER_INPUT',
          `A report is for today at HQ or up to ${DAILY_REPORT_LIMITS.backfillDays} days before, written YYYY-MM-DD; “${day}” is not one.`,
          { field: 'day' },
        );
      const clean = cleanReportValues(type.fields, input.zero, input.values, input.note);
      const existing = await tx.em.findOne(DailyReport, { unitId, typeId: type.id, day });
      if (existing) throw alreadyFiled(existing, type, unit);
      const dueAt = dailyReportDueAt(day, type.dueTime);
      const openWork = input.zero ? await this.openWorkOf(tx.em, unitId, day) : [];
      const report = tx.em.create(DailyReport, {
        typeId: type.id,
        unitId,
        unitName: unit.name,
        day,
        dueAt,
        submittedAt: tx.now,
        submittedById: tx.viewer?.userId ?? null,
        submittedByName: tx.viewer?.displayName ?? '',
        late: tx.now.getTime() > dueAt.getTime(),
        zero: input.zero,
        values: clean.values,
        note: clean.note,
        openWork,
        amendmentCount: 0,
        lastAmendedAt: null,
      });
      this.emit(tx, 'CREATED', report.id, { typeId: type.id, unitId, day, changed: ['submitted'] });
      return report;
    });
  }

  /**
   * Amends a filed report: the new content replaces the old, the old is kept in an append-only
   * amendment row with the reason (both audited). Lateness stays as filed: amending does not
   * make a late report on time. A zero report amended is checked again for open work.
   */
  async amend(ctx: Context, input: AmendDailyReportInput): Promise<DailyReport> {
    return commit(ctx, 'amendDailyReport', input, async (tx) => {
      const report = isUuid(input.reportId)
        ? await tx.em.findOne(DailyReport, { id: input.reportId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      if (!report) throw notFound('Daily report', input.reportId);
      assertSameUnit(tx.viewer, report.unitId, 'Daily report', input.reportId);
      if (report.version !== input.expectedVersion)
        throw domainError(
          'CONFLICT',
          `This report was amended by ${report.submittedByName || 'someone'} since you opened it; reload it first.`,
          {
            reason: 'daily_report/stale',
            currentVersion: report.version,
          },
        );
      const reason = input.reason.trim();
      if (!reason || reason.length > DAILY_REPORT_LIMITS.reason)
        throw domainError('BAD_USER_INPUT', `Say why the report is amended (1 to ${DAILY_REPORT_LIMITS.reason} characters).`, {
          field: 'reason',
        });
      const type = await this.type(tx.em, report.typeId);
      const clean = cleanReportValues(type.fields, input.zero, input.values, input.note);
      tx.em.create(DailyReportAmendment, {
        reportId: report.id,
        amendedAt: tx.now,
        amendedById: tx.viewer?.userId ?? null,
        amendedByName: tx.viewer?.displayName ?? '',
        reason,
        previousZero: report.zero,
        previousValues: report.values,
        previousNote: report.note,
        newZero: input.zero,
        newValues: clean.values,
        newNote: clean.note,
      });
      report.openWork = input.zero ? await this.openWorkOf(tx.em, report.unitId, String(report.day)) : [];
      report.zero = input.zero;
      report.values = clean.values;
      report.note = clean.note;
      report.amendmentCount += 1;
      report.lastAmendedAt = tx.now;
      this.emit(tx, 'UPDATED', report.id, { typeId: report.typeId, unitId: report.unitId, day: String(report.day), changed: ['amended'] });
      return report;
    });
  }

  // ------------------------------------------------------------------------------ board, calendar, roll-up

  /**
   * Every active type on one HQ day, each unit's standing (a liaison: their own unit only),
   * counts, and the number fields' totals (the roll-up, 工作动态).
   */
  async board(em: EntityManager, viewer: Viewer | null, day: string, now: Date): Promise<DailyReportBoardObject> {
    if (!isHqDay(day)) throw domainError('BAD_USER_INPUT', `Write the day as YYYY-MM-DD; “${day}” is not one.`, { field: 'day' });
    const [types, units] = await Promise.all([this.types(em, false), this.visibleUnits(em, viewer)]);
    const reports = units.length
      ? await em.find(DailyReport, { day, unitId: { $in: units.map((u) => u.id) } }, { orderBy: { submittedAt: 'asc' } })
      : [];
    return {
      day,
      generatedAt: now,
      types: types.map((type) =>
        this.typeBoard(
          type,
          day,
          units,
          reports.filter((r) => r.typeId === type.id),
          now,
        ),
      ),
    };
  }

  /**
   * 工作动态: one type's reports of one HQ day with their figures, the totals, and the units
   * still without one (a liaison: their own unit only).
   */
  async rollup(em: EntityManager, viewer: Viewer | null, typeId: string, day: string, now: Date): Promise<DailyReportRollupObject> {
    if (!isHqDay(day)) throw domainError('BAD_USER_INPUT', `Write the day as YYYY-MM-DD; “${day}” is not one.`, { field: 'day' });
    const [type, units] = await Promise.all([this.type(em, typeId), this.visibleUnits(em, viewer)]);
    const reports = units.length ? await em.find(DailyReport, { day, typeId: type.id, unitId: { $in: units.map((u) => u.id) } }) : [];
    const board = this.typeBoard(type, day, units, reports, now);
    const byUnit = new Map(reports.map((r) => [r.unitId, r]));
    return {
      type: board.type,
      day,
      dueAt: board.dueAt,
      counts: board.counts,
      totals: board.totals,
      reports: units.flatMap((u) => {
        const report = byUnit.get(u.id);
        return report ? [reportView(report, type)] : [];
      }),
      missing: board.units.filter((row) => row.reportId === null),
    };
  }

  /** Each unit's standing for one type over `from`..`to` (HQ days, at most 62). */
  async calendar(
    em: EntityManager,
    viewer: Viewer | null,
    typeId: string,
    from: string,
    to: string,
    now: Date,
  ): Promise<DailyReportCalendarObject> {
    if (!isHqDay(from) || !isHqDay(to) || from > to)
      throw domainError('BAD_USER_INPUT', 'Give the first and last day as YYYY-MM-DD, the first not after the last.', { field: 'from' });
    const days: string[] = [];
    for (let d = from; d <= to; d = addHqDays(d, 1)) {
      days.push(d);
      if (days.length > MAX_CALENDAR_DAYS)
        throw domainError('BAD_USER_INPUT', `Ask for at most ${MAX_CALENDAR_DAYS} days at once.`, { field: 'to' });
    }
    const [type, units] = await Promise.all([this.type(em, typeId), this.visibleUnits(em, viewer)]);
    const reports = units.length
      ? await em.find(DailyReport, { typeId: type.id, day: { $gte: from, $lte: to }, unitId: { $in: units.map((u) => u.id) } })
      : [];
    const byKey = new Map(reports.map((r) => [`${r.unitId}/${String(r.day)}`, r]));
    return {
      type: typeView(type),
      days,
      rows: units.map((unit) => ({
        unitId: unit.id,
        unitCode: unit.code,
        unitName: unit.name,
        days: days.map((day) => {
          const report = byKey.get(`${unit.id}/${day}`);
          return {
            day,
            status: report ? (report.late ? 'LATE' : 'ON_TIME') : this.statusWithout(type, day, now),
            zero: report?.zero ?? false,
            flagged: report ? isConcealmentSuspect(report.zero, report.openWork) : false,
          };
        }),
      })),
    };
  }

  // ------------------------------------------------------------------------------ alert and figures

  /**
   * Per active type, today and yesterday (HQ days) whose due time has passed: the active units
   * with no report. Yesterday stays listed until the HQ day after, so a report still missing at
   * midnight does not silently clear its alert (ADR 0020).
   */
  async missing(em: EntityManager, now: Date): Promise<MissingReports[]> {
    const today = hqDay(now);
    const days = [addHqDays(today, -1), today];
    const [types, units] = await Promise.all([this.types(em, false), this.units.list(em)]);
    const active = units.filter((u) => u.active);
    if (types.length === 0 || active.length === 0) return [];
    const reports = await em.find(DailyReport, { day: { $in: days } }, { fields: ['typeId', 'unitId', 'day'] });
    const filed = new Set(reports.map((r) => `${r.typeId}/${r.unitId}/${String(r.day)}`));
    const out: MissingReports[] = [];
    for (const type of types)
      for (const day of days) {
        const dueAt = dailyReportDueAt(day, type.dueTime);
        if (now.getTime() < dueAt.getTime() || day < String(type.startsOn)) continue;
        const missing = active.filter((u) => !filed.has(`${type.id}/${u.id}/${day}`)).map((u) => ({ id: u.id, name: u.name }));
        if (missing.length) out.push({ type, day, dueAt, units: missing });
      }
    return out;
  }

  /** The next due time after `now` of any active type (the leader's board re-reads then). */
  async nextDueAt(em: EntityManager, now: Date): Promise<Date | null> {
    const types = await this.types(em, false);
    const today = hqDay(now);
    const candidates = types
      .flatMap((t) => [dailyReportDueAt(today, t.dueTime), dailyReportDueAt(addHqDays(today, 1), t.dueTime)])
      .filter((d) => d.getTime() > now.getTime())
      .sort((a, b) => a.getTime() - b.getTime());
    return candidates[0] ?? null;
  }

  // ------------------------------------------------------------------------------ internals

  private typeBoard(
    type: DailyReportType,
    day: string,
    units: readonly MemberUnit[],
    reports: DailyReport[],
    now: Date,
  ): DailyReportTypeBoardObject {
    const byUnit = new Map(reports.map((r) => [r.unitId, r]));
    const counts = { onTime: 0, late: 0, missing: 0, pending: 0, zero: 0, flagged: 0 };
    const key: Record<DailyReportStatus, keyof typeof counts> = { ON_TIME: 'onTime', LATE: 'late', MISSING: 'missing', PENDING: 'pending' };
    const rows = units.map((unit) => {
      const report = byUnit.get(unit.id) ?? null;
      const status: DailyReportStatus = report ? (report.late ? 'LATE' : 'ON_TIME') : this.statusWithout(type, day, now);
      counts[key[status]] += 1;
      if (report?.zero) counts.zero += 1;
      if (report && isConcealmentSuspect(report.zero, report.openWork)) counts.flagged += 1;
      return {
        unitId: unit.id,
        unitCode: unit.code,
        unitName: unit.name,
        status,
        reportId: report?.id ?? null,
        submittedAt: report?.submittedAt ?? null,
        submittedByName: report ? report.submittedByName : null,
        zero: report?.zero ?? false,
        concealmentSuspect: report ? isConcealmentSuspect(report.zero, report.openWork) : false,
        amendmentCount: report?.amendmentCount ?? 0,
      };
    });
    return {
      type: typeView(type),
      day,
      dueAt: dailyReportDueAt(day, type.dueTime),
      units: rows,
      counts,
      totals: numberTotals(type.fields, reports),
    };
  }

  /** A unit without a report: missing once due, pending before; never missing on a day before the type was asked for. */
  private statusWithout(type: DailyReportType, day: string, now: Date): DailyReportStatus {
    return day < String(type.startsOn) ? 'PENDING' : dailyReportStatus(day, type.dueTime, null, now);
  }

  /** Active units the viewer may see: all for HQ, their own for a liaison, none for anyone else. */
  private async visibleUnits(em: EntityManager, viewer: Viewer | null): Promise<MemberUnit[]> {
    const scope = unitScopeOf(viewer);
    if (scope.kind === 'NONE') return [];
    const all = (await this.units.list(em)).filter((u) => u.active);
    return scope.kind === 'ALL' ? all.sort((a, b) => a.code.localeCompare(b.code)) : all.filter((u) => u.id === scope.unitId);
  }

  private async openWorkOf(em: EntityManager, unitId: string, day: string): Promise<OpenWorkEntry[]> {
    const parts = await Promise.all(
      this.openWorkSources().map(async ({ module, source }) =>
        (await source(em, unitId, day)).filter((w) => w.count > 0).map((w) => ({ module, kind: w.kind, count: w.count })),
      ),
    );
    return parts.flat();
  }

  /** A report's change (entityId: the report) or a type's (entityId: the type; unit and day null). */
  private emit(
    tx: Tx,
    kind: 'CREATED' | 'UPDATED',
    entityId: string,
    payload: { typeId: string; unitId: string | null; day: string | null; changed: string[] },
  ): void {
    tx.emit({ topic: DAILY_REPORT_TOPIC, entityType: payload.unitId ? 'DailyReport' : 'DailyReportType', entityId, kind, payload });
  }
}

function alreadyFiled(existing: DailyReport, type: DailyReportType, unit: MemberUnit) {
  return domainError(
    'CONFLICT',
    `${unit.name} already filed its ${type.name} for ${String(existing.day)} (by ${existing.submittedByName || 'someone'}); amend that report, with a reason, instead.`,
    { reason: 'daily_report/already_filed', reportId: existing.id, version: existing.version },
  );
}
