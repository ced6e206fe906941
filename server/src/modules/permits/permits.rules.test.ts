import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { approvedWindow, validatePermitRequest, type RequestText } from './permits.rules';

const HOUR = 3600_000;
const now = new Date('2026-12-07T02:00:00Z');
const input: RequestText = {
  applicantName: ' 城关镇惠民超市 ',
  contactName: '李经理',
  contactPhone: '13800000000',
  plate: '京ad·12345',
  vehicleType: 'BOX_TRUCK',
  driverName: '张师傅',
  driverIdNumber: '11010519491231002x',
  cargoKind: 'EPIDEMIC_SUPPLIES',
  origin: '县疾控中心',
  destinations: [' 城关镇卫生院 ', ''],
  validFrom: new Date(now.getTime() + HOUR),
  validUntil: new Date(now.getTime() + 25 * HOUR),
};

function refusal(work: () => unknown): Record<string, unknown> {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions;
  }
  throw new Error('expected a refusal');
}

describe('a permit request’s fields', () => {
  it('are cleaned: trimmed text, normalised plate and phone, masked identity number, green channel from the cargo', () => {
    expect(validatePermitRequest(input, now)).toMatchObject({
      applicantName: '城关镇惠民超市',
      plate: '京AD12345',
      contactPhone: '138 0000 0000',
      driverIdMasked: '110***********002X',
      greenChannel: true,
      destinations: ['城关镇卫生院'],
    });
  });

  it('never hand back the full identity number', () => {
    expect(JSON.stringify(validatePermitRequest(input, now))).not.toMatch(/11010519491231002/i);
  });

  it('are refused with the field and the shared check’s reason', () => {
    expect(refusal(() => validatePermitRequest({ ...input, plate: '京A1234' }, now))).toMatchObject({
      field: 'plate',
      reason: 'plate/length',
    });
    expect(refusal(() => validatePermitRequest({ ...input, driverIdNumber: '110105194912310021' }, now))).toMatchObject({
      field: 'driverIdNumber',
      reason: 'id/check_digit',
    });
    expect(refusal(() => validatePermitRequest({ ...input, applicantName: 'x'.repeat(201) }, now))).toMatchObject({
      field: 'applicantName',
    });
  });
});

describe('an approved window', () => {
  const requested = { from: new Date(now.getTime() + HOUR), until: new Date(now.getTime() + 25 * HOUR) };

  it('is the requested one, or narrower', () => {
    expect(approvedWindow(requested, {}, now, null)).toEqual(requested);
    const until = new Date(now.getTime() + 5 * HOUR);
    expect(approvedWindow(requested, { until }, now, null)).toEqual({ from: requested.from, until });
  });

  it('is refused when wider, or when the response ends before it would start', () => {
    expect(refusal(() => approvedWindow(requested, { until: new Date(requested.until.getTime() + 1) }, now, null))).toMatchObject({
      reason: 'window/widened',
    });
    expect(refusal(() => approvedWindow(requested, {}, now, new Date(now.getTime() + HOUR / 2)))).toMatchObject({
      reason: 'window/after_response',
    });
  });
});
