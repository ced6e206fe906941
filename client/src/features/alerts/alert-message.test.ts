import { describe, expect, it } from 'vitest';
import type { AlertFieldsFragment } from '@cc/shared/operations';
import { i18n } from '../../app/i18n';
import { alertRuleKey } from '../../app/feature';
import { alertMessage, alertTitle } from './alert-message';
import { byUrgency } from './composables/use-standing-alerts';

const alert = (over: Partial<AlertFieldsFragment>): AlertFieldsFragment =>
  ({
    id: 'a',
    ruleId: 'incident-past-deadline',
    level: 'CRITICAL',
    status: 'RAISED',
    summary: 'server line',
    raisedAt: '2026-03-01T08:00:00.000Z',
    params: [
      { name: 'title', value: '检疫点发热人员' },
      { name: 'incidentClass', value: 'A' },
      { name: 'deadline', value: '2026-03-01T06:00:00.000Z' },
    ],
    ...over,
  }) as AlertFieldsFragment;

describe('alert messages', () => {
  it('names the catalogue entry after the rule id', () => {
    expect(alertRuleKey('incident-past-deadline')).toBe('incidentPastDeadline');
    expect(alertRuleKey('fleet-ready-below-floor')).toBe('fleetReadyBelowFloor');
  });

  it('renders a known rule in the console’s language, with the class named as HQ names it', () => {
    i18n.global.locale.value = 'zh-CN';
    expect(alertTitle(alert({}))).toBe('事件超过报告时限');
    // The deadline (06:00 UTC) reads on HQ's clock, zone named.
    expect(alertMessage(alert({}))).toBe('甲类事件“检疫点发热人员”已超过报告时限（03/01 14:00（北京时间）），尚未上报');
    i18n.global.locale.value = 'en';
    expect(alertMessage(alert({}))).toMatch(/^Class A incident “检疫点发热人员” passed its reporting deadline/);
    i18n.global.locale.value = 'zh-CN';
  });

  it('tells the leader of a class-A incident the moment it is logged, with the time it must be reported upward by', () => {
    const classA = alert({
      ruleId: 'incident-class-a-logged',
      params: [
        { name: 'title', value: '检疫点发现疑似病例' },
        { name: 'incidentClass', value: 'A' },
        { name: 'reportedAt', value: '2026-03-01T00:00:00.000Z' },
        { name: 'deadline', value: '2026-03-01T06:00:00.000Z' },
      ],
    });
    i18n.global.locale.value = 'zh-CN';
    expect(alertTitle(classA)).toBe('甲类事件待上报');
    expect(alertMessage(classA)).toBe('新接报甲类事件“检疫点发现疑似病例”，须于 03/01 14:00（北京时间） 前上报');
    i18n.global.locale.value = 'en';
    expect(alertTitle(classA)).toBe('Class A incident to report upward');
    expect(alertMessage(classA)).toMatch(/^New Class A incident “检疫点发现疑似病例”: report it upward by .+/);
    i18n.global.locale.value = 'zh-CN';
  });

  it('names the roles a roster gap is missing (空岗) as HQ names them, not as codes', () => {
    const gap = alert({
      ruleId: 'roster-hour-uncovered',
      level: 'WARNING',
      params: [
        { name: 'from', value: '2026-03-01T00:00:00.000Z' },
        { name: 'to', value: '2026-03-01T02:00:00.000Z' },
        { name: 'hours', value: '2' },
        { name: 'missing', value: 'OFFICER,LEADER' },
      ],
    });
    i18n.global.locale.value = 'zh-CN';
    expect(alertTitle(gap)).toBe('排班空岗');
    expect(alertMessage(gap)).toBe('03/01 08:00（北京时间） 至 03/01 10:00（北京时间） 共 2 小时排班空岗：值班员、带班领导');
    i18n.global.locale.value = 'en';
    expect(alertMessage(gap)).toMatch(/^2 hours from .+ are uncovered: Duty officer and Leader on duty$/);
    i18n.global.locale.value = 'zh-CN';
  });

  it('names the working group an HQ instruction waits on as HQ names it', () => {
    const waiting = alert({
      ruleId: 'hq-instruction-unacknowledged',
      level: 'WARNING',
      params: [
        { name: 'source', value: '指挥部' },
        { name: 'content', value: '各检疫点实行双人值守' },
        { name: 'target', value: 'TRANSPORT' },
        { name: 'minutes', value: '30' },
      ],
    });
    i18n.global.locale.value = 'zh-CN';
    expect(alertTitle(waiting)).toBe('指挥部指示未签收');
    expect(alertMessage(waiting)).toBe('运输调配 在 30 分钟内未签收 指挥部 的指示：各检疫点实行双人值守');
    i18n.global.locale.value = 'en';
    expect(alertMessage(waiting)).toMatch(/^Transport/);
    i18n.global.locale.value = 'zh-CN';
  });

  it('falls back to the server’s own line for a rule the console does not know yet', () => {
    expect(alertMessage(alert({ ruleId: 'stock-below-days-of-cover', summary: 'Masks: 2 days of cover left.' }))).toBe(
      'Masks: 2 days of cover left.',
    );
  });
});

describe('the tray’s order', () => {
  it('puts critical first, then unacknowledged, then newest', () => {
    const list = [
      alert({ id: 'warning-new', level: 'WARNING', raisedAt: '2026-03-01T09:00:00Z' }),
      alert({ id: 'critical-acknowledged', status: 'ACKNOWLEDGED', raisedAt: '2026-03-01T09:30:00Z' }),
      alert({ id: 'critical-old', raisedAt: '2026-03-01T07:00:00Z' }),
      alert({ id: 'critical-new', raisedAt: '2026-03-01T08:00:00Z' }),
    ];
    expect([...list].sort(byUrgency).map((a) => a.id)).toEqual(['critical-new', 'critical-old', 'critical-acknowledged', 'warning-new']);
  });
});
