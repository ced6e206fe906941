import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { summaryCsv, summarySections, type Summary } from './export-summary';

const SUMMARY: Summary = {
  day: '2026-12-08',
  readyAt: null,
  readyByName: '',
  intakeBySource: [
    { source: 'ALLOCATION_FROM_ABOVE', itemName: '医用防护服', unitOfMeasure: '套', quantity: 500 },
    { source: 'DONATION', itemName: '84消毒液', unitOfMeasure: '箱', quantity: 20 },
  ],
  issues: [{ itemName: '医用防护服', unitOfMeasure: '套', recipient: '县卫生健康局', quantity: 120 }],
  allocations: [
    {
      requisitionNumber: 'RQ-20261208-001',
      unitName: '县卫生健康局',
      orderNumber: 'DD-20261208-003',
      fromPlaceName: '县应急物资仓库',
      itemName: '医用防护服',
      unitOfMeasure: '套',
      quantity: 120,
      status: 'DELIVERED',
    },
  ],
  balances: [{ itemName: '医用防护服', unitOfMeasure: '套', placeName: '县应急物资仓库', quantity: 380 }],
};

describe('the daily supply summary’s export', () => {
  const t = i18n.global.t as (key: string, params?: Record<string, unknown>) => string;

  it('writes intake by source, issues, allocations and balances, each under its title, in zh-CN', () => {
    i18n.global.locale.value = 'zh-CN';
    const csv = summaryCsv(SUMMARY, t);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF物资日报 2026-12-08 · 尚未报送',
      '',
      '入库（按来源）',
      '来源,物资,单位,数量',
      '上级下拨,医用防护服,套,500',
      '捐赠,84消毒液,箱,20',
      '',
      '出库',
      '物资,单位,领用单位,数量',
      '医用防护服,套,县卫生健康局,120',
      '',
      '调配',
      '申请单,申请单位,调度单,调出仓库,物资,单位,数量,状态',
      'RQ-20261208-001,县卫生健康局,DD-20261208-003,县应急物资仓库,医用防护服,套,120,已送达',
      '',
      '当前库存',
      '物资,单位,存放地点,数量',
      '医用防护服,套,县应急物资仓库,380',
      '',
    ]);
  });

  it('quotes a cell with a comma or a quote, and follows the viewer’s language', () => {
    i18n.global.locale.value = 'en';
    const withComma = { ...SUMMARY, issues: [{ ...SUMMARY.issues[0]!, recipient: '城关镇, "东区"' }] };
    expect(summaryCsv(withComma, t)).toContain('"城关镇, ""东区"""');
    expect(summarySections(SUMMARY, t).map((s) => s.title)).toEqual(['Intake by source', 'Issues', 'Allocations', 'Stock now']);
    i18n.global.locale.value = 'zh-CN';
  });
});
