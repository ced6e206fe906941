import type { MessagesLike } from '../../../app/messages-like';
import type zhCN from './zh-CN';

export default {
  title: 'Situation overview',
  lead: 'The leader on duty sees every working group live: incidents, alerts, vehicles and response times',
  updatedAt: 'updated {time}',
  figures: {
    openIncidents: 'Open incidents',
    pastDeadline: 'Not reported upward in time',
    criticalAlerts: 'Unacknowledged critical alerts',
    warningAlerts: 'Warnings',
    fleetReady: 'Vehicles on standby',
    fleetFloor: 'floor {floor}',
    fleetUnknown: 'No vehicle figures yet',
    acknowledgeP50: 'Incident acknowledged in (median, today)',
    acknowledgeP90: '90% acknowledged within',
    acknowledgedToday: '{count} acknowledged today',
    noneToday: 'none yet today',
  },
  charts: {
    incidentsByAge: 'Open incidents by class and time waiting',
    vehiclesByCompany: 'Vehicles on standby per company against quota',
    ready: 'Ready',
    quota: 'Quota',
    count: 'incidents',
    vehicles: 'vehicles',
  },
  ageBuckets: {
    UNDER_1H: 'under 1 h',
    FROM_1H_TO_6H: '1–6 h',
    FROM_6H_TO_24H: '6–24 h',
    OVER_24H: 'over 24 h',
  },
  classTable: {
    caption: 'Incidents by class',
    class: 'Class',
    open: 'Open',
    pastDeadline: 'Past deadline',
  },
  pending: 'Duty coverage, permits waiting, stock at risk and daily reports appear here as those modules arrive.',
} satisfies MessagesLike<typeof zhCN>;
