import { describe, expect, it } from 'vitest';
import { CARGO_KINDS } from './fleet';
import {
  attachmentProblem,
  jobWindow,
  median,
  overlappingPermits,
  PERMIT_CARGO_FOR_DISPATCH,
  permitCoversCargo,
  permitOutlivedBy,
  routesOverlap,
  standingPermitProblem,
  windowsOverlap,
  type PermitFacts,
} from './permit-links';

const H = 3_600_000;
const now = new Date('2026-12-07T02:00:00Z');
const at = (hours: number) => new Date(now.getTime() + hours * H);

const permit = (over: Partial<PermitFacts> = {}): PermitFacts => ({
  id: 'p1',
  number: 'TX-20261207-001',
  plate: '京A12345',
  driverName: '张师傅',
  cargoKind: 'EPIDEMIC_SUPPLIES',
  route: { origin: '县应急物资储备库', destinations: ['城关交通检疫点'] },
  validFrom: at(-1),
  validUntil: at(24),
  issued: true,
  revokedAt: null,
  ...over,
});
const job = { plate: '京A12345', cargoKind: 'EPIDEMIC_SUPPLIES' as const, window: { from: at(1), until: at(5) } };

describe('which permit cargo covers which dispatch cargo', () => {
  it('every dispatch cargo kind has at least one permit kind, and each permit kind covers its own', () => {
    for (const kind of CARGO_KINDS) expect(PERMIT_CARGO_FOR_DISPATCH[kind].length).toBeGreaterThan(0);
    expect(permitCoversCargo('COAL', 'COAL')).toBe(true);
    expect(permitCoversCargo('COAL', 'FUEL')).toBe(false);
  });

  it('a medical transfer travels under an epidemic-supplies permit; a checkpoint run under that or daily necessities', () => {
    expect(permitCoversCargo('EPIDEMIC_SUPPLIES', 'MEDICAL_TRANSFER')).toBe(true);
    expect(permitCoversCargo('DAILY_NECESSITIES', 'MEDICAL_TRANSFER')).toBe(false);
    expect(permitCoversCargo('DAILY_NECESSITIES', 'CHECKPOINT_REPLENISHMENT')).toBe(true);
    expect(permitCoversCargo('PRODUCTION_MATERIALS', 'CHECKPOINT_REPLENISHMENT')).toBe(false);
  });
});

describe('attaching a permit to a vehicle’s job', () => {
  it('accepts an issued, valid permit for the same plate (written differently) and cargo over the whole job', () => {
    expect(attachmentProblem(permit({ plate: '京a·12345' }), job, now)).toBeNull();
  });

  it('names the first problem: not issued, revoked, expired, plate, cargo, window', () => {
    expect(attachmentProblem(permit({ issued: false }), job, now)).toBe('NOT_ISSUED');
    expect(attachmentProblem(permit({ revokedAt: at(-0.5) }), job, now)).toBe('REVOKED');
    expect(attachmentProblem(permit({ validUntil: now }), job, now)).toBe('EXPIRED');
    expect(attachmentProblem(permit({ plate: '京A54321' }), job, now)).toBe('WRONG_PLATE');
    expect(attachmentProblem(permit({ cargoKind: 'COAL' }), job, now)).toBe('CARGO_INCOMPATIBLE');
    expect(attachmentProblem(permit({ validUntil: at(4) }), job, now)).toBe('WINDOW_NOT_COVERED');
    expect(attachmentProblem(permit({ validFrom: at(2) }), job, now)).toBe('WINDOW_NOT_COVERED');
  });

  it('a window ending exactly when the permit ends is covered', () => {
    expect(attachmentProblem(permit({ validUntil: at(5) }), job, now)).toBeNull();
  });

  it('a standing permit needs only to be valid now and for the vehicle’s plate', () => {
    expect(standingPermitProblem(permit({ cargoKind: 'COAL' }), '京A12345', now)).toBeNull();
    expect(standingPermitProblem(permit(), '京B12345', now)).toBe('WRONG_PLATE');
    expect(standingPermitProblem(permit({ validUntil: at(-1) }), '京A12345', now)).toBe('EXPIRED');
  });
});

describe('the window a job needs a permit for', () => {
  it('runs from departure when the vehicle has left, to the expected end', () => {
    expect(jobWindow({ requestedAt: at(-3), departedAt: at(-2), expectedEndAt: at(3) }, now)).toEqual({ from: at(-2), until: at(3) });
  });

  it('starts at the requested time, or now if that is past, and lasts the default day’s run without an expected end', () => {
    expect(jobWindow({ requestedAt: at(2), departedAt: null }, now)).toEqual({ from: at(2), until: at(10) });
    expect(jobWindow({ requestedAt: at(-2), departedAt: null }, now)).toEqual({ from: now, until: at(8) });
  });
});

describe('overlapping permits of one vehicle', () => {
  it('windows overlap only when they share time; touching ends do not overlap', () => {
    expect(windowsOverlap({ from: at(0), until: at(2) }, { from: at(1), until: at(3) })).toBe(true);
    expect(windowsOverlap({ from: at(0), until: at(2) }, { from: at(2), until: at(3) })).toBe(false);
  });

  it('routes overlap when they share a leg, either way, however the names are spaced', () => {
    const a = { origin: '县应急物资储备库', destinations: ['城关交通检疫点', '东关交通检疫点'] };
    expect(routesOverlap(a, { origin: '县应急物资储备库 ', destinations: ['西关交通检疫点', '东关 交通检疫点'] })).toBe(true);
    expect(routesOverlap(a, { origin: '城关 交通检疫点', destinations: ['县应急物资储备库'] })).toBe(true);
    expect(routesOverlap(a, { origin: '县应急物资储备库', destinations: ['西关交通检疫点'] })).toBe(false);
    // meeting at one place is another journey
    expect(routesOverlap(a, { origin: '城关交通检疫点', destinations: ['西关交通检疫点'] })).toBe(false);
  });

  it('finds other valid permits of the same plate, overlapping in time and route; not itself, not revoked or ended ones', () => {
    const mine = permit();
    const others = [
      permit(),
      permit({ id: 'same-trip', plate: '京A 12345', validFrom: at(10), validUntil: at(30) }),
      permit({ id: 'other-plate', plate: '京B12345' }),
      permit({ id: 'later', validFrom: at(24), validUntil: at(48) }),
      permit({ id: 'revoked', revokedAt: at(-0.5) }),
      permit({ id: 'ended', validFrom: at(-5), validUntil: at(-1) }),
      permit({ id: 'request', issued: false }),
      permit({ id: 'elsewhere', route: { origin: '县应急物资储备库', destinations: ['东关交通检疫点'] } }),
    ];
    expect(overlappingPermits(mine, others, now).map((p) => p.id)).toEqual(['same-trip']);
  });
});

describe('a job outliving its permit', () => {
  const lead = H;
  it('is nothing while the permit lasts beyond the expected end', () => {
    expect(permitOutlivedBy({ expectedEndAt: at(3) }, { validUntil: at(5), revokedAt: null }, now, lead)).toBeNull();
  });

  it('names why: revoked, ended, ends before the job is expected to end', () => {
    expect(permitOutlivedBy({ expectedEndAt: at(3) }, { validUntil: at(5), revokedAt: at(-1) }, now, lead)).toBe('REVOKED');
    expect(permitOutlivedBy({ expectedEndAt: at(3) }, { validUntil: now, revokedAt: null }, now, lead)).toBe('ENDED');
    expect(permitOutlivedBy({ expectedEndAt: at(3) }, { validUntil: at(2), revokedAt: null }, now, lead)).toBe('ENDS_BEFORE_JOB');
  });

  it('warns for a job running past its expected end only once the permit ends within the lead time', () => {
    expect(permitOutlivedBy({ expectedEndAt: at(-1) }, { validUntil: at(2), revokedAt: null }, now, lead)).toBeNull();
    expect(permitOutlivedBy({ expectedEndAt: at(-1) }, { validUntil: at(1), revokedAt: null }, now, lead)).toBe('ENDS_SOON');
  });
});

describe('median', () => {
  it('is the middle value, the mean of the two middle ones for an even count, null for none', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});
