import { ALL_TOPICS, TOPICS } from '@cc/shared';
import { describe, expect, it } from 'vitest';
import { ALERT_RULE_TOPIC, ALERT_TOPIC } from '../../../server/src/modules/alerts/alert.events';
import { DIRECTIVE_TOPIC, MEETING_TOPIC, RESPONSE_LEVEL_TOPIC } from '../../../server/src/modules/coordination/coordination.events';
import { DAILY_REPORT_TOPIC } from '../../../server/src/modules/coordination/daily-report.events';
import { DOCUMENT_TOPIC } from '../../../server/src/modules/coordination/document.events';
import { DISPATCH_ORDER_TOPIC, TRANSPORT_COMPANY_TOPIC, VEHICLE_TOPIC } from '../../../server/src/modules/dispatch/dispatch.events';
import { DUTY_CALL_TOPIC, DUTY_SHIFT_TOPIC } from '../../../server/src/modules/duty/duty.events';
import { SHIFT_HANDOVER_TOPIC } from '../../../server/src/modules/duty/handover.events';
import { HQ_INSTRUCTION_TOPIC } from '../../../server/src/modules/duty/hq-instruction.events';
import { SESSION_TOPIC } from '../../../server/src/modules/identity/identity.events';
import { INCIDENT_TOPIC } from '../../../server/src/modules/incidents/incident.events';
import { PERMIT_REQUEST_TOPIC, TRAFFIC_PERMIT_TOPIC } from '../../../server/src/modules/permits/permits.events';
import { CALL_UP_TOPIC } from '../../../server/src/modules/logistics/call-ups/call-up.events';
import { SUPPLY_CATALOGUE_TOPIC, SUPPLY_STOCK_TOPIC } from '../../../server/src/modules/logistics/logistics.events';
import { REQUISITION_TOPIC } from '../../../server/src/modules/logistics/requisitions/requisition.events';
import { SUPPLY_DAY_TOPIC } from '../../../server/src/modules/logistics/supply-day/supply-day.events';

describe('event topic names (shared/src/topics.ts)', () => {
  it('are the names the server’s modules publish under, module by module', () => {
    expect(TOPICS).toEqual({
      identity: { session: SESSION_TOPIC },
      incidents: { incident: INCIDENT_TOPIC },
      alerts: { alert: ALERT_TOPIC, alertRule: ALERT_RULE_TOPIC },
      dispatch: { vehicle: VEHICLE_TOPIC, dispatchOrder: DISPATCH_ORDER_TOPIC, transportCompany: TRANSPORT_COMPANY_TOPIC },
      duty: {
        dutyShift: DUTY_SHIFT_TOPIC,
        dutyCall: DUTY_CALL_TOPIC,
        hqInstruction: HQ_INSTRUCTION_TOPIC,
        shiftHandover: SHIFT_HANDOVER_TOPIC,
      },
      coordination: {
        responseLevel: RESPONSE_LEVEL_TOPIC,
        directive: DIRECTIVE_TOPIC,
        meeting: MEETING_TOPIC,
        dailyReport: DAILY_REPORT_TOPIC,
        document: DOCUMENT_TOPIC,
      },
      permits: { permitRequest: PERMIT_REQUEST_TOPIC, trafficPermit: TRAFFIC_PERMIT_TOPIC },
      logistics: {
        supplyStock: SUPPLY_STOCK_TOPIC,
        supplyCatalogue: SUPPLY_CATALOGUE_TOPIC,
        requisition: REQUISITION_TOPIC,
        supplyDay: SUPPLY_DAY_TOPIC,
        callUp: CALL_UP_TOPIC,
      },
    });
  });

  it('name each topic once', () => {
    expect(new Set(ALL_TOPICS).size).toBe(ALL_TOPICS.length);
    expect(ALL_TOPICS).toContain('dispatchOrder');
  });
});
