/**
 * The realtime event topics each module publishes (the outbox's `event.topic`, and the `topic`
 * argument of `livePosition`). One name per topic for both ends: the server's *.events.ts declare
 * their payloads under these names; the console registers its resumable subscriptions with them.
 */
export const TOPICS = {
  identity: { session: 'session' },
  incidents: { incident: 'incident' },
  alerts: { alert: 'alert', alertRule: 'alertRule' },
  dispatch: { vehicle: 'vehicle', dispatchOrder: 'dispatchOrder', transportCompany: 'transportCompany' },
  duty: {
    dutyShift: 'dutyShift',
    dutyCall: 'dutyCall',
    hqInstruction: 'hqInstruction',
    shiftHandover: 'shiftHandover',
  },
  coordination: {
    responseLevel: 'responseLevel',
    directive: 'directive',
    meeting: 'meeting',
    dailyReport: 'dailyReport',
    document: 'document',
  },
  permits: { permitRequest: 'permitRequest', trafficPermit: 'trafficPermit' },
  logistics: {
    supplyStock: 'supplyStock',
    supplyCatalogue: 'supplyCatalogue',
    requisition: 'requisition',
    supplyDay: 'supplyDay',
    callUp: 'callUp',
  },
} as const;

export const SESSION_TOPIC = TOPICS.identity.session;
export const INCIDENT_TOPIC = TOPICS.incidents.incident;
export const ALERT_TOPIC = TOPICS.alerts.alert;
export const ALERT_RULE_TOPIC = TOPICS.alerts.alertRule;
export const VEHICLE_TOPIC = TOPICS.dispatch.vehicle;
export const DISPATCH_ORDER_TOPIC = TOPICS.dispatch.dispatchOrder;
export const TRANSPORT_COMPANY_TOPIC = TOPICS.dispatch.transportCompany;
export const DUTY_CALL_TOPIC = TOPICS.duty.dutyCall;
export const DUTY_SHIFT_TOPIC = TOPICS.duty.dutyShift;
export const HQ_INSTRUCTION_TOPIC = TOPICS.duty.hqInstruction;
export const SHIFT_HANDOVER_TOPIC = TOPICS.duty.shiftHandover;
export const RESPONSE_LEVEL_TOPIC = TOPICS.coordination.responseLevel;
export const DIRECTIVE_TOPIC = TOPICS.coordination.directive;
export const MEETING_TOPIC = TOPICS.coordination.meeting;
export const DAILY_REPORT_TOPIC = TOPICS.coordination.dailyReport;
export const DOCUMENT_TOPIC = TOPICS.coordination.document;
export const PERMIT_REQUEST_TOPIC = TOPICS.permits.permitRequest;
export const TRAFFIC_PERMIT_TOPIC = TOPICS.permits.trafficPermit;
export const SUPPLY_STOCK_TOPIC = TOPICS.logistics.supplyStock;
export const SUPPLY_CATALOGUE_TOPIC = TOPICS.logistics.supplyCatalogue;
export const REQUISITION_TOPIC = TOPICS.logistics.requisition;
export const SUPPLY_DAY_TOPIC = TOPICS.logistics.supplyDay;
export const CALL_UP_TOPIC = TOPICS.logistics.callUp;

type TopicsByModule = typeof TOPICS;
/** Every topic name of every module. */
export type EventTopic = { [M in keyof TopicsByModule]: TopicsByModule[M][keyof TopicsByModule[M]] }[keyof TopicsByModule];

/** Every topic name, for checks that a server or console list is complete. */
export const ALL_TOPICS: readonly EventTopic[] = Object.values(TOPICS).flatMap((m) => Object.values(m) as EventTopic[]);
