import { afterEach, describe, expect, it } from 'vitest';
import { AUDITED_FIELDS } from '@cc/shared';
import schema from '../../../../shared/schema.graphql?raw';
import { i18n, LOCALES } from '../../app/i18n';
import { auditFieldLabel, auditOperationLabel, auditValue, CODED_FIELDS } from './audit-catalogue';
import fieldsEn from './locales/audit-fields.en';
import fieldsZh from './locales/audit-fields.zh-CN';

const { te } = i18n.global;

/** Every key path of a nested catalogue, sorted ("User.username", ...). */
function keyPaths(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue)
    .flatMap(([key, value]) => (typeof value === 'object' ? keyPaths(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]))
    .sort();
}

/** The mutations of the schema: every one is an operation the trail can show. */
function mutations(): string[] {
  const block = /type Mutation \{([\s\S]*?)\n\}/.exec(schema)?.[1] ?? '';
  return [...block.matchAll(/^ {2}([a-z]\w*)[(:]/gm)].map((match) => match[1]!);
}

afterEach(() => {
  i18n.global.locale.value = 'zh-CN';
});

describe('the audit trail’s catalogue', () => {
  it('has the same field names in zh-CN and en', () => {
    expect(keyPaths(fieldsEn)).toEqual(keyPaths(fieldsZh));
  });

  it('names every field the server audits, in both languages', () => {
    const missing: string[] = [];
    for (const locale of LOCALES)
      for (const [entity, fields] of Object.entries(AUDITED_FIELDS))
        for (const field of fields)
          if (!te(`admin.audit.fields.${entity}.${field}`, locale) && !te(`admin.audit.fields.common.${field}`, locale))
            missing.push(`${locale} ${entity}.${field}`);
    expect(missing).toEqual([]);
  });

  it('names every audited record type, and every code of a coded field, in both languages', () => {
    const missing: string[] = [];
    for (const locale of LOCALES) {
      for (const entity of Object.keys(AUDITED_FIELDS))
        if (!te(`admin.audit.entityTypes.${entity}`, locale)) missing.push(`${locale} entity ${entity}`);
      for (const [entity, fields] of Object.entries(CODED_FIELDS))
        for (const [field, { catalogue, codes }] of Object.entries(fields)) {
          if (!(AUDITED_FIELDS as Record<string, readonly string[]>)[entity]?.includes(field))
            missing.push(`not audited ${entity}.${field}`);
          for (const code of codes) if (!te(`${catalogue}.${code}`, locale)) missing.push(`${locale} ${catalogue}.${code}`);
        }
    }
    expect(missing).toEqual([]);
  });

  it('names every mutation of the schema (and the server’s own operations) in both languages', () => {
    const operations = [...mutations(), 'createFirstAdmin', 'evaluateAlertRule'];
    expect(operations).toContain('updateMemberUnit');
    const missing = LOCALES.flatMap((locale) =>
      operations.filter((op) => !te(`admin.audit.operations.${op}`, locale)).map((op) => `${locale} ${op}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('an audited change, read in Chinese', () => {
  it('names fields, and shows the raw name only where no catalogue knows it', () => {
    expect(auditFieldLabel('User', 'displayName')).toBe('姓名');
    expect(auditFieldLabel('MemberUnit', 'active')).toBe('启用');
    expect(auditFieldLabel('User', 'someFutureColumn')).toBe('someFutureColumn');
    expect(auditOperationLabel('updateMemberUnit')).toBe('编辑成员单位');
  });

  it('names codes through the console’s catalogues, lists, yes/no and secrets', () => {
    expect(auditValue('User', 'roles', ['DUTY_OFFICER', 'LEADER'])).toEqual({ text: '值班员、带班领导', lines: [] });
    expect(auditValue('Incident', 'status', 'IN_PROGRESS').text).toBe('处置中');
    expect(auditValue('DispatchOrder', 'cargoKind', 'EPIDEMIC_SUPPLIES').text).toBe('防疫物资');
    expect(auditValue('MemberUnit', 'active', false).text).toBe('否');
    expect(auditValue('User', 'passwordHash', '[redacted]').text).toBe('（已隐藏）');
    expect(auditValue('User', 'unitId', null).text).toBe('（空）');
  });

  it('shows instants on HQ’s clock and nested values as name: value lines, not JSON', () => {
    expect(auditValue('Incident', 'reportingDeadline', '2026-11-24T16:30:00.000Z').text).toBe('2026/11/25 00:30:00');
    const thresholds = auditValue('AlertRuleSetting', 'thresholds', { graceMinutes: 15, repeatMinutes: 60 });
    expect(thresholds.text).toBeNull();
    expect(thresholds.lines).toEqual([
      { name: '超时宽限', value: '15' },
      { name: '重复提醒间隔', value: '60' },
    ]);
    // A JSON column's earlier value arrives as stored text: it reads as lines too, codes named.
    const params = auditValue(
      'Alert',
      'params',
      '{"incidentClass":"A","deadline":"2026-11-24T16:30:00.000Z","companyName":"汽车运输公司"}',
    );
    expect(params).toEqual({
      text: null,
      lines: [
        { name: '事件类别', value: '甲类' },
        { name: '报告时限', value: '2026/11/25 00:30:00' },
        { name: '公司名称', value: '汽车运输公司' },
      ],
    });
    i18n.global.locale.value = 'en';
    expect(auditFieldLabel('User', 'displayName')).toBe('Name');
    expect(auditValue('User', 'roles', ['ADMIN']).text).toBe('Administrator');
  });
});
