import { Migration0001RealtimeCore } from './0001-realtime-core';
import { Migration0002Incidents } from './0002-incidents';
import { Migration0003Identity } from './0003-identity';
import { Migration0004IdentityAdmin } from './0004-identity-admin';
import { Migration0005Dispatch } from './0005-dispatch';
import { Migration0006Alerts } from './0006-alerts';
import { Migration0007IncidentLifecycle } from './0007-incident-lifecycle';
import { Migration0008IncidentReportedUpward } from './0008-incident-reported-upward';

/** Every migration, in order. Committed, run at start-up; never generated at run time. */
export const migrations = [
  { name: '0001-realtime-core', class: Migration0001RealtimeCore },
  { name: '0002-incidents', class: Migration0002Incidents },
  { name: '0003-identity', class: Migration0003Identity },
  { name: '0004-identity-admin', class: Migration0004IdentityAdmin },
  { name: '0005-dispatch', class: Migration0005Dispatch },
  { name: '0006-alerts', class: Migration0006Alerts },
  { name: '0007-incident-lifecycle', class: Migration0007IncidentLifecycle },
  { name: '0008-incident-reported-upward', class: Migration0008IncidentReportedUpward },
];
