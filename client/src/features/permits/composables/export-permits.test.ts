import { describe, expect, it } from 'vitest';
import { toCsv } from './export-permits';

describe('the issued permits’ CSV', () => {
  it('opens in Excel with its Chinese intact and quotes what needs quoting', () => {
    const csv = toCsv(['编号', '申请单位'], [['TXZ-0123456789ABC', '惠民超市, 城关店']]);
    expect(csv.startsWith('\uFEFF编号,申请单位\r\n')).toBe(true);
    expect(csv).toContain('TXZ-0123456789ABC,"惠民超市, 城关店"\r\n');
  });

  it('never lets an applicant’s name run as a spreadsheet formula', () => {
    const csv = toCsv(['申请单位'], [['=HYPERLINK("http://x")'], ['+1'], ['@SUM(A1)']]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain("'+1");
    expect(csv).toContain("'@SUM(A1)");
  });
});
