import type { MessagesLike } from '../../../app/messages-like';
import type zhCN from './zh-CN';

export default {
  tray: {
    button: 'Alerts',
    buttonWithCount: 'Alerts ({count} open)',
    title: 'Alerts',
    empty: 'No open alerts',
    sound: 'Sound',
    soundOn: 'Alert sound on',
    soundOff: 'Alert sound off',
    enableNotifications: 'Turn on desktop notifications',
    notificationsOn: 'Desktop notifications are on',
    notificationsBlocked: 'The browser blocks notifications; allow them in its settings',
    showAcknowledged: 'Include acknowledged',
  },
  banner: {
    label: 'Critical alert',
    more: '{count} more critical alerts',
    openTray: 'Show all',
  },
  levels: {
    INFO: 'Info',
    WARNING: 'Warning',
    CRITICAL: 'Critical',
  },
  statuses: {
    RAISED: 'Raised',
    ACKNOWLEDGED: 'Acknowledged',
    RESOLVED: 'Resolved',
  },
  resolutions: {
    CONDITION_CLEARED: 'Condition cleared',
    MANUAL: 'Resolved by hand',
    RULE_DISABLED: 'Rule disabled',
  },
  groups: {
    COORDINATION: 'Coordination group',
    LOGISTICS: 'Logistics group',
    TRANSPORT: 'Transport dispatch group',
    DUTY: '24-hour duty group',
    HQ: 'Headquarters',
  },
  item: {
    raisedAt: 'raised {time}',
    count: '{count} times',
    acknowledgedBy: 'acknowledged by {name}',
    assignedTo: 'with {name}',
    escalated: 'escalated {level}×',
    acknowledge: 'Acknowledge',
    acknowledged: 'Alert acknowledged',
    resolve: 'Resolve',
    resolveTitle: 'Resolve alert',
    resolveNote: 'How it was dealt with',
    resolveNotePlaceholder: 'e.g. phoned the unit to send the report',
    resolveHint: 'If the condition still holds, the alert is raised again.',
    resolved: 'Alert resolved',
    openSource: 'Open',
  },
  notification: {
    title: 'Critical alert',
    escalatedTitle: 'A critical alert was escalated to you',
  },
  rules: {
    incidentClassALogged: {
      title: 'Class A incident to report upward',
      message: 'New {incidentClass} incident “{title}”: report it upward by {deadline}',
    },
    incidentPastDeadline: {
      title: 'Incident past its reporting deadline',
      message: '{incidentClass} incident “{title}” passed its reporting deadline ({deadline}) without being reported upward',
    },
    incidentUnacknowledged: {
      title: 'Incident not acknowledged',
      message: 'Nobody acknowledged incident “{title}” within {minutes} minutes',
    },
    companyBelowStandbyQuota: {
      title: 'Too few vehicles on standby',
      message: '{companyName} has {readyCount} vehicles on standby, fewer than its {standbyQuota}',
    },
    fleetReadyBelowFloor: {
      title: 'Fleet below its ready floor',
      message: 'Only {readyCount} vehicles are ready across the three companies; the floor is {readyFloor}',
    },
  },
  settings: {
    title: 'Alert rules',
    subtitle: 'Turn rules on or off, set thresholds and escalation times; changes apply at once',
    enabled: 'On',
    level: 'Level',
    group: 'Group',
    thresholds: 'Thresholds',
    escalation: 'Escalate unacknowledged after (min)',
    noEscalation: 'Does not escalate',
    save: 'Save',
    saved: 'Rule updated',
    reset: 'Defaults',
    range: 'range {min}–{max}',
    units: {
      minutes: 'min',
      hours: 'h',
      count: 'times',
      vehicles: 'vehicles',
    },
    thresholdNames: {
      graceMinutes: 'Grace after the deadline',
      repeatMinutes: 'Remind again every',
      minutes: 'Acknowledge within',
      shortfall: 'Shortfall of at least',
    },
  },
} satisfies MessagesLike<typeof zhCN>;
