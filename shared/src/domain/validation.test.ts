import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckCharacter } from './id-numbers';
import { checkPhone } from './phones';
import { checkPlate } from './plates';
import type { Checked } from './validation';

const problemOf = <T>(result: Checked<T>) => (result.ok ? undefined : result.problem.code);

describe('vehicle plates', () => {
  it('accepts ordinary 7-character plates, written with or without separators', () => {
    expect(checkPlate('京A12345')).toEqual({ ok: true, value: { plate: '京A12345', kind: 'ORDINARY' } });
    expect(checkPlate(' 京a·8j261 ')).toEqual({ ok: true, value: { plate: '京A8J261', kind: 'ORDINARY' } });
    expect(checkPlate('冀B 6789挂')).toEqual({ ok: true, value: { plate: '冀B6789挂', kind: 'ORDINARY' } });
  });

  it('accepts 8-character new-energy plates with D or F first (small) or last (large)', () => {
    expect(checkPlate('京AD12345')).toEqual({ ok: true, value: { plate: '京AD12345', kind: 'NEW_ENERGY' } });
    expect(checkPlate('粤BFA1234')).toMatchObject({ ok: true, value: { kind: 'NEW_ENERGY' } });
    expect(checkPlate('沪A12345D')).toMatchObject({ ok: true, value: { kind: 'NEW_ENERGY' } });
  });

  it('names what is wrong with a plate', () => {
    expect(problemOf(checkPlate(''))).toBe('plate/empty');
    expect(problemOf(checkPlate('X京A1234'))).toBe('plate/province');
    expect(problemOf(checkPlate('中A12345'))).toBe('plate/province');
    expect(problemOf(checkPlate('京112345'))).toBe('plate/office');
    expect(problemOf(checkPlate('京AO1234'))).toBe('plate/letter_i_o');
    expect(problemOf(checkPlate('京A1234'))).toBe('plate/length');
    expect(problemOf(checkPlate('京A123456'))).toBe('plate/new_energy');
    expect(problemOf(checkPlate('京AD1234X'))).toBe('plate/new_energy');
    expect(problemOf(checkPlate('京A1234?'))).toBe('plate/serial');
  });

  it('writes each problem in Chinese and English, with an example to follow', () => {
    const result = checkPlate('京A1234');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.zh).toContain('京A12345');
    expect(result.problem.en).toContain('7 characters');
    expect(result.problem.params).toEqual({ length: 6 });
  });
});

describe('phone numbers', () => {
  it('accepts mainland mobiles, with spaces, dashes or +86', () => {
    const expected = { kind: 'MOBILE', digits: '13800000000', display: '138 0000 0000', e164: '+8613800000000' };
    for (const written of ['13800000000', '138 0000 0000', '138-0000-0000', '+86 138 0000 0000', '0086 13800000000'])
      expect(checkPhone(written), written).toEqual({ ok: true, value: expected });
  });

  it('accepts landlines with their area code, and puts the 0 back in an international one', () => {
    expect(checkPhone('010-6000 0000')).toEqual({
      ok: true,
      value: { kind: 'LANDLINE', digits: '01060000000', display: '010-6000 0000', e164: '+861060000000' },
    });
    expect(checkPhone('(0571) 8888 6666')).toMatchObject({ ok: true, value: { display: '0571-8888 6666' } });
    expect(checkPhone('0931-812 3456')).toMatchObject({ ok: true, value: { display: '0931-812 3456' } });
    expect(checkPhone('+86 10 6123 4567')).toMatchObject({ ok: true, value: { digits: '01061234567' } });
  });

  it('names what is wrong with a phone number', () => {
    expect(problemOf(checkPhone('  '))).toBe('phone/empty');
    expect(problemOf(checkPhone('138 0000 000a'))).toBe('phone/characters');
    expect(problemOf(checkPhone('+1 212 555 0100'))).toBe('phone/country');
    expect(problemOf(checkPhone('1380000000'))).toBe('phone/mobile_length');
    expect(problemOf(checkPhone('12800000000'))).toBe('phone/mobile_prefix');
    expect(problemOf(checkPhone('6000 0000'))).toBe('phone/area_code');
    expect(problemOf(checkPhone('010-600 0000'))).toBe('phone/landline');
    expect(problemOf(checkPhone('0571-0888 6666'))).toBe('phone/landline');
  });
});

describe('identity numbers (GB 11643)', () => {
  const today = '2026-12-07';

  it('computes the check character of the standard’s example', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(checkIdNumber('11010519491231002x', today)).toEqual({
      ok: true,
      value: { number: '11010519491231002X', birthDate: '1949-12-31' },
    });
  });

  it('names what is wrong with an identity number', () => {
    expect(problemOf(checkIdNumber('', today))).toBe('id/empty');
    expect(problemOf(checkIdNumber('110105491231002', today))).toBe('id/old_format');
    expect(problemOf(checkIdNumber('11010519491231002', today))).toBe('id/format');
    expect(problemOf(checkIdNumber('99010519491231002X', today))).toBe('id/region');
    expect(problemOf(checkIdNumber(`110105194902300020`, today))).toBe('id/birth_date');
    expect(problemOf(checkIdNumber(`110105203001010020`, today))).toBe('id/birth_date');
    const wrong = checkIdNumber('110105194912310021', today);
    expect(wrong).toMatchObject({ ok: false, problem: { code: 'id/check_digit', params: { expected: 'X' } } });
  });
});
