import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type FragmentDefinitionNode } from 'graphql';
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

/** Every fragment the console defines (shared/src/operations/<module>/*.graphql), by name. */
function consoleFragments(): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const module of readdirSync(OPERATIONS)) {
    for (const file of readdirSync(path.join(OPERATIONS, module)).filter((f) => f.endsWith('.graphql'))) {
      for (const definition of parse(readFileSync(path.join(OPERATIONS, module, file), 'utf8')).definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
    }
  }
  return fragments;
}

/** The console's own operation document (shared/src/operations) with every fragment it spreads, however deep. */
export function operation(module: string, name: string): string | undefined {
  const file = path.join(OPERATIONS, module, `${name}.graphql`);
  if (!existsSync(file)) return undefined;
  const document = parse(readFileSync(file, 'utf8'));
  const fragments = consoleFragments();
  const included = new Map<string, FragmentDefinitionNode>();
  const pending = [document as { kind: Kind }];
  while (pending.length) {
    visit(pending.pop()! as never, {
      FragmentSpread(node: { name: { value: string } }) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !included.has(node.name.value)) {
          included.set(node.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  const own = new Set(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])));
  return [print(document), ...[...included.values()].filter((f) => !own.has(f.name.value)).map((f) => print(f))].join('\n\n');
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

/** Today's duty log (值班记录) as the console would ask for it, until the console commits its own document. */
const DUTY_LOG_FALLBACK = `query DutyLog($filter: DutyLogFilter, $first: Int, $offset: Int) {
  dutyLog(filter: $filter, first: $first, offset: $offset) {
    day total
    items {
      id number receivedAt callerName callerPhone unitText category urgency summary status version
      unit { id name } loggedBy { id displayName } claimedBy { id displayName }
      forwards { id targetGroup targetUnit { id name } forwardedAt acknowledgedAt }
      outcomes { id kind entityId label }
    }
  }
}`;

export const BOARDS: Board[] = [
  {
    name: 'openIncidents',
    label: 'open incidents (事件看板)',
    rootField: 'incidents',
    query: operation('incidents', 'Incidents'),
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
    name: 'dutyLog',
    label: 'today’s duty log (值班记录)',
    rootField: 'dutyLog',
    query: operation('duty', 'DutyLog') ?? DUTY_LOG_FALLBACK,
    variables: { first: 50, offset: 0 },
  },
  {
    name: 'permitQueue',
    label: 'permit queue (通行证审批队列)',
    rootField: 'permitQueue',
    query: operation('permits', 'PermitQueue'),
    variables: { first: 50, offset: 0 },
  },
  {
    name: 'stockBalances',
    label: 'stock balances (物资库存)',
    rootField: 'stockBalances',
    query: operation('logistics', 'StockBalances'),
    variables: {},
  },
];

/** The subscription the fan-out measures: the incident board's own live document. */
export function fanoutSubscription(): string {
  const document = operation('incidents', 'IncidentChanged');
  if (!document) throw new Error('shared/src/operations/incidents/IncidentChanged.graphql is missing');
  return document;
}
