import { accepted, refused, type Checked } from './validation';

/** The provinces' one-character abbreviations that open a mainland plate (省、自治区、直辖市简称). */
export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

/** Characters that end some ordinary plates in place of the last serial character: trailer, learner, police, Hong Kong, Macao, consulate. */
const SUFFIXES = '挂学警港澳领';
/** Serial characters: digits and capitals except I and O, which plates never use (they read as 1 and 0). */
const SERIAL = '[A-HJ-NP-Z0-9]';
const ORDINARY = new RegExp(`^(?:${SERIAL}{5}|${SERIAL}{4}[${SUFFIXES}])$`);
/** New-energy serials (GA 36-2018): a small car's starts with D (battery) or F (other), a large vehicle's ends with it. */
const NEW_ENERGY_SMALL = new RegExp(`^[DF]${SERIAL}[0-9]{4}$`);
const NEW_ENERGY_LARGE = /^[0-9]{5}[DF]$/;

export type PlateKind = 'ORDINARY' | 'NEW_ENERGY';

export interface Plate {
  /** Without spaces or separators, in capitals: "京a·12345" is 京A12345. */
  plate: string;
  kind: PlateKind;
}

/** Plates are compared without spaces or separators, in capitals. */
export function normalisePlate(raw: string): string {
  return raw.replace(/[\s·.\-•]/g, '').toUpperCase();
}

/**
 * A mainland vehicle plate: province abbreviation, the issuing office's letter, then 5 serial
 * characters (7 in all; the last may be 挂, 学, 警...) or, on a new-energy plate, 6 with D or F
 * (8 in all: 京AD12345, 京A12345D).
 */
export function checkPlate(raw: string): Checked<Plate> {
  const plate = normalisePlate(raw);
  if (!plate) return refused('plate/empty', '请填写车牌号，例如 京A12345。', 'Give the vehicle’s plate, e.g. 京A12345.');
  const [province = '', office = ''] = [...plate];
  if (!PLATE_PROVINCES.includes(province))
    return refused(
      'plate/province',
      `车牌号应以省份简称开头（如 京、冀），“${province}”不是。`,
      `A plate starts with a province’s abbreviation (such as 京 or 冀); “${province}” is not one.`,
      { found: province },
    );
  if (!/^[A-Z]$/.test(office))
    return refused(
      'plate/office',
      '省份简称后应是发牌机关的字母，例如 京A 中的 A。',
      'After the province comes the issuing office’s letter, such as the A of 京A.',
      { found: office },
    );
  const serial = [...plate].slice(2).join('');
  if (/[IO]/.test(serial))
    return refused(
      'plate/letter_i_o',
      '车牌号不使用字母 I 和 O，请确认是否为数字 1 和 0。',
      'Plates never use the letters I or O: did you mean 1 or 0?',
    );
  if (serial.length === 5) {
    if (ORDINARY.test(serial)) return accepted({ plate, kind: 'ORDINARY' });
    return refused(
      'plate/serial',
      '省份简称和字母后应是 5 位字母或数字，例如 京A12345。',
      'After the province and letter come 5 letters or digits, e.g. 京A12345.',
    );
  }
  if (serial.length === 6) {
    if (NEW_ENERGY_SMALL.test(serial) || NEW_ENERGY_LARGE.test(serial)) return accepted({ plate, kind: 'NEW_ENERGY' });
    return refused(
      'plate/new_energy',
      '8 位车牌为新能源号牌：字母后以 D 或 F 开头（京AD12345）或结尾（京A12345D）。',
      'An 8-character plate is a new-energy plate: after the letter, D or F comes first (京AD12345) or last (京A12345D).',
    );
  }
  return refused(
    'plate/length',
    `车牌号为 7 位（京A12345），新能源号牌为 8 位（京AD12345）；现为 ${[...plate].length} 位。`,
    `A plate has 7 characters (京A12345), a new-energy plate 8 (京AD12345); this one has ${[...plate].length}.`,
    { length: [...plate].length },
  );
}
