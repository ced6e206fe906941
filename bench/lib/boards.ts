import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './processes';

/**
 * The board queries the consoles open most, one entry each. A board whose module is not built
 * says so (and is reported as such, never faked); adding one is one entry here and, for its
 * history, one entry in history.ts.
 */
export interface Board {
  name: string;
  label: string;
  /** Why it is not measured yet; undefined when it runs. */
  notBuilt?: string;
  /** The root query field; the scenario skips the board when the schema lacks it. */
  rootField: string;
  query?: string;
  variables?: Record<string, unknown>;
}

const OPERATIONS = path.join(ROOT, 'shared/src/operations');

/** The console's own operation document with the fragments it spreads (from shared/src/operations). */
export function operation(module: string, name: string, fragments: string[] = []): string | undefined {
  const file = (n: string) => path.join(OPERATIONS, module, `${n}.graphql`);
  if (!existsSync(file(name))) return undefined;
  return [name, ...fragments].map((n) => readFileSync(file(n), 'utf8')).join('\n');
}

/** The dispatcher's standby board as the console would ask for it, until the console commits its own document. */
const STANDBY_BOARD_FALLBACK = `query StandbyBoard {
  standbyBoard {
    companies {
      id code name standbyQuota
      vehicles { id plate vehicleType capacityTonnes driverName status statusSince version currentOrder { id number destination status } }
    }
    readiness { readyCount vehicleCount readyFloor belowFloor companies { id readyCount vehicleCount standbyQuota belowQuota } }
  }
}`;

export const BOARDS: Board[] = [
  {
    name: 'openIncidents',
    label: 'open incidents (事件看板)',
    rootField: 'incidents',
    query: operation('incidents', 'Incidents', ['IncidentFields']),
    variables: { openOnly: true },
  },
  {
    name: 'standbyBoard',
    label: 'standby board (待命车辆)',
    rootField: 'standbyBoard',
    query: operation('dispatch', 'StandbyBoard') ?? STANDBY_BOARD_FALLBACK,
    variables: {},
  },
  {
    name: 'permitQueue',
    label: 'permit queue (通行证审批队列)',
    rootField: 'permitQueue',
    notBuilt: 'the permits module is not built yet',
  },
  {
    name: 'stockBalances',
    label: 'stock balances (物资库存)',
    rootField: 'stockBalances',
    notBuilt: 'the logistics stock ledger is not built yet',
  },
];

/** The subscription the fan-out measures: the incident board's own live document. */
export function fanoutSubscription(): string {
  const document = operation('incidents', 'IncidentChanged', ['IncidentFields']);
  if (!document) throw new Error('shared/src/operations/incidents/IncidentChanged.graphql is missing');
  return document;
}
