import { accepted, refused, type Checked } from './validation';

/** GB 11643-1999: weights of the first 17 digits, and the check character for each remainder mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
/** First two digits: provinces (11–65), Taiwan (71), Hong Kong and Macao (81, 82), and 83 (residence permits). */
const REGIONS = /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])/;

export interface IdNumber {
  /** 18 characters, a final x in capitals. */
  number: string;
  /** The holder's date of birth, YYYY-MM-DD. */
  birthDate: string;
}

/** The check character GB 11643 gives the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return CHECK_CHARACTERS[sum % 11]!;
}

/**
 * A citizen identity number (公民身份号码, GB 11643-1999): 6-digit region, 8-digit date of
 * birth, 3-digit sequence and a check character (0–9 or X). `today` (YYYY-MM-DD) bounds the birth date.
 */
export function checkIdNumber(raw: string, today: string): Checked<IdNumber> {
  const number = raw.replace(/\s/g, '').toUpperCase();
  if (!number) return refused('id/empty', '请填写身份证号码。', 'Give the identity number.');
  if (/^\d{15}$/.test(number))
    return refused(
      'id/old_format',
      '这是 15 位旧号码，请填写 18 位身份证号码。',
      'This is a 15-digit number of the old format: give the 18-character number.',
    );
  if (!/^\d{17}[\dX]$/.test(number))
    return refused(
      'id/format',
      `身份证号码为 18 位：17 位数字加一位数字或 X；现为 ${number.length} 位。`,
      `An identity number has 18 characters: 17 digits and a digit or X; this one has ${number.length}.`,
      { length: number.length },
    );
  if (!REGIONS.test(number))
    return refused('id/region', '前两位不是省级行政区划代码，请核对。', 'The first two digits are no province’s code: check them.');
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  const parsed = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== birthDate || birthDate < '1900-01-01' || birthDate > today)
    return refused(
      'id/birth_date',
      `第 7 至 14 位应为出生日期，${birthDate} 不是有效日期。`,
      `Characters 7 to 14 are the date of birth; ${birthDate} is not a valid one.`,
      { birthDate },
    );
  const expected = idCheckCharacter(number.slice(0, 17));
  if (number[17] !== expected)
    return refused(
      'id/check_digit',
      `校验位不符（按前 17 位应为 ${expected}），请逐位核对号码。`,
      `The check character does not match (the first 17 digits give ${expected}): check the number digit by digit.`,
      { expected },
    );
  return accepted({ number, birthDate });
}
