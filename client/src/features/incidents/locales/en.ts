import type { MessagesLike } from '../../../app/messages-like';
import type zhCN from './zh-CN';

export default {
  board: {
    title: 'Incidents',
    subtitle: 'Incoming incidents and their handling, with reporting deadlines live',
    report: 'Report incident',
    openOnly: 'Open only',
    classFilter: 'Class',
    searchPlaceholder: 'Search title or location',
    empty: 'No incidents',
    newArrived: 'New incident: {title}',
    stats: {
      open: 'Open',
      overdue: 'Overdue',
      classA: 'Class A open',
    },
    columns: {
      class: 'Class',
      title: 'Incident',
      location: 'Location',
      status: 'Status',
      reportedAt: 'Reported',
      deadline: 'Reporting deadline',
      actions: 'Actions',
    },
    changeStatus: 'Change status',
    statusChanged: 'Status changed to “{status}”',
    listLabel: 'Incident list',
  },
  classes: {
    A: 'Class A',
    B: 'Class B',
    C: 'Class C',
  },
  classHints: {
    A: 'Class A: report within 6 hours',
    B: 'Class B: report within 12 hours',
    C: 'Class C: report within 24 hours',
  },
  statuses: {
    REPORTED: 'Reported',
    ACKNOWLEDGED: 'Acknowledged',
    IN_PROGRESS: 'In progress',
    RESOLVED: 'Resolved',
    CLOSED: 'Closed',
  },
  deadline: {
    remaining: '{time} left',
    overdue: 'Overdue {time}',
    done: '—',
  },
  report: {
    title: 'Report incident',
    fields: {
      title: 'Title',
      incidentClass: 'Class',
      location: 'Location',
      description: 'Description',
      reportedAt: 'Reported at',
    },
    placeholders: {
      title: 'What happened, e.g. supply lorries queuing at the motorway exit',
      location: 'e.g. checkpoint on the G4 motorway',
      description: 'Time, place, people involved, measures taken so far',
      reportedAt: 'Defaults to now',
    },
    fieldErrors: {
      title: 'Give the incident a title of at most 200 characters.',
      incidentClass: 'Choose the incident class.',
      location: 'Keep the location to 300 characters.',
      description: 'The description is too long.',
      reportedAt: 'The report time cannot be in the future.',
    },
    submit: 'Report',
    submitted: 'Incident reported: {title}',
    deadlineHint: 'The reporting deadline counts from the report time: class A 6 hours, class B 12 hours, class C 24 hours.',
  },
} satisfies MessagesLike<typeof zhCN>;
