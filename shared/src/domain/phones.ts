import { accepted, refused, type Checked } from './validation';

export type PhoneKind = 'MOBILE' | 'LANDLINE';

export interface Phone {
  kind: PhoneKind;
  /** Digits as dialled inside the mainland: 13800000000, 01060000000. */
  digits: string;
  /** As people write it: "138 0000 0000", "010-6000 0000", "0571-8888 6666". */
  display: string;
  /** International form: +8613800000000, +861060000000. */
  e164: string;
}

/** Area codes of two digits after the 0 (Beijing, Shanghai, Tianjin, Chongqing and 02x); all others have three. */
const TWO_DIGIT_AREAS = /^0(10|2[0-9])/;

function displayMobile(d: string): string {
  return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
}

function displayLandline(area: string, subscriber: string): string {
  const split = subscriber.length - 4;
  return `${area}-${subscriber.slice(0, split)} ${subscriber.slice(split)}`;
}

/**
 * A mainland phone number: a mobile (11 digits, 1[3-9]…) or a landline with its area code
 * (010-6000 0000, 0571-8888 6666). Spaces, dashes, brackets and a +86 / 0086 prefix are allowed.
 */
export function checkPhone(raw: string): Checked<Phone> {
  const written = raw.trim();
  if (!written) return refused('phone/empty', '请填写电话号码。', 'Give a phone number.');
  if (!/^[-0-9+ ()（）]+$/.test(written))
    return refused(
      'phone/characters',
      '电话号码只能包含数字、空格、+、- 和括号。',
      'A phone number has only digits, spaces, +, - and brackets.',
    );
  let digits = written.replace(/\D/g, '');
  const international = written.startsWith('+') || digits.startsWith('0086');
  if (international) {
    if (written.startsWith('+') && !digits.startsWith('86'))
      return refused('phone/country', '只接受中国大陆号码（+86）。', 'Only mainland China numbers (+86) are accepted.');
    digits = digits.replace(/^(0086|86)/, '');
    // Abroad a landline is written without its area code's 0 (+86 10 …): put it back.
    if (!/^1[3-9]\d{9}$/.test(digits) && !digits.startsWith('0')) digits = `0${digits}`;
  }
  if (digits.startsWith('1')) {
    if (digits.length !== 11)
      return refused(
        'phone/mobile_length',
        `手机号码为 11 位，现为 ${digits.length} 位。`,
        `A mobile number has 11 digits; this one has ${digits.length}.`,
        { length: digits.length },
      );
    if (!/^1[3-9]/.test(digits))
      return refused('phone/mobile_prefix', '手机号码以 13 至 19 开头。', 'A mobile number starts with 13 to 19.');
    return accepted({ kind: 'MOBILE', digits, display: displayMobile(digits), e164: `+86${digits}` });
  }
  if (!digits.startsWith('0'))
    return refused('phone/area_code', '固定电话请加区号，例如 010-6000 0000。', 'Give a landline with its area code, e.g. 010-6000 0000.');
  const areaLength = TWO_DIGIT_AREAS.test(digits) ? 3 : 4;
  const area = digits.slice(0, areaLength);
  const subscriber = digits.slice(areaLength);
  const lengths = areaLength === 3 ? [8] : [7, 8];
  if (!/^0[1-9]/.test(digits) || !lengths.includes(subscriber.length) || /^[01]/.test(subscriber))
    return refused(
      'phone/landline',
      `固定电话为区号加 ${lengths.join(' 或 ')} 位号码（号码不以 0 或 1 开头），例如 010-6000 0000。`,
      `A landline is the area code and a ${lengths.join(' or ')}-digit number not starting with 0 or 1, e.g. 010-6000 0000.`,
      { area },
    );
  return accepted({ kind: 'LANDLINE', digits, display: displayLandline(area, subscriber), e164: `+86${digits.slice(1)}` });
}
