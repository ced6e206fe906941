import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { login } from '../../test/support/server-process';
import { operation } from './boards';
import { graphql, postJson } from './open-model';

/**
 * What the writer commits, one entry per kind of change. The throughput scenario runs every
 * entry that is built; adding a module's mutation to the benchmark is one entry here (and, if
 * it needs records to act on, its `prepare`).
 */
export interface Workload {
  name: string;
  /** What a reader of BENCHMARKS.md calls it. */
  label: string;
  /** Why it is not measured yet (the module is not built); undefined when it runs. */
  notBuilt?: string;
  /** The root mutation it needs; the scenario skips the entry when the schema lacks it. */
  mutation?: string;
  /** The console's subscription that shows these changes (the incident board's when omitted). */
  subscription?(): string | undefined;
  /** Creates what the sends act on; `count` is the most sends the run can make. */
  prepare?(target: WriterTarget, count: number, databaseUrl: string): Promise<void>;
  send(target: WriterTarget, k: number): Promise<void>;
}

export interface WriterTarget {
  kind: 'ours' | 'bare' | 'raw';
  httpUrl: string;
  cookie?: string | undefined;
  /** For the baselines: the incident object to publish, in the shape our server sends. */
  incidentTemplate?: Record<string, unknown> | undefined;
  label: string;
}

const REPORT = 'mutation BenchReportIncident($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';

/** Same length for every k, so every event's payload has the same size. */
const titleFor = (label: string, k: number) => `Bench ${label} ${String(k).padStart(7, '0')}`;

export const WORKLOADS: Workload[] = [
  {
    name: 'reportIncident',
    label: 'reporting an incident',
    mutation: 'reportIncident',
    async send(target, k) {
      await graphql(
        target.httpUrl,
        REPORT,
        {
          input: { title: titleFor(target.label, k), incidentClass: 'C', severity: 'LOW', location: '城关检疫点 (bench)', description: '' },
        },
        target.cookie,
      );
    },
  },
  assignVehicle(),
  logDutyCall(),
  ledgerIssue(),
];

/** The baselines' writer: the same incident our server would send, with fresh id, title and times. */
export const PUBLISH: Workload = {
  name: 'publish',
  label: 'in-memory publish',
  async send(target, k) {
    const now = new Date();
    const incident: Record<string, unknown> = { ...target.incidentTemplate };
    const set = (key: string, value: unknown) => {
      if (key in incident) incident[key] = value;
    };
    set('id', randomUUID());
    set('title', titleFor(target.label, k));
    set('reportedAt', now.toISOString());
    set('updatedAt', now.toISOString());
    set('createdAt', now.toISOString());
    set('reportingDeadline', new Date(now.getTime() + 24 * 3_600_000).toISOString());
    await postJson(`${target.httpUrl}/publish`, { kind: 'CREATED', incident });
  },
};

export function writerWorkload(target: WriterTarget, name: string): Workload {
  if (target.kind !== 'ours') return PUBLISH;
  const workload = WORKLOADS.find((w) => w.name === name);
  if (!workload || workload.notBuilt) throw new Error(`workload ${name} is not available`);
  return workload;
}

/**
 * A dispatcher putting a standby vehicle on an open dispatch order (调度): one assignVehicles
 * per send, each on its own order and vehicle, prepared in the database beforehand (a bench
 * company's fleet, so the real companies' boards are not touched). Subscribers watch the
 * standby board's vehicle stream.
 */
function assignVehicle(): Workload {
  const prepared = { cookie: '', orders: [] as string[], vehicles: [] as string[], next: 0 };
  return {
    name: 'assignVehicle',
    label: 'assigning a vehicle',
    mutation: 'assignVehicles',
    subscription: () => operation('dispatch', 'VehicleChanged'),
    async prepare(target, count, databaseUrl) {
      prepared.cookie = await login(target.httpUrl, 'dispatcher');
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const run = randomUUID().slice(0, 6).toUpperCase();
        const { rows: company } = await client.query<{ id: string }>(
          `insert into transport_company (id, created_at, updated_at, code, name, standby_quota)
           values (gen_random_uuid(), now(), now(), $1, 'Bench fleet', 0) returning id`,
          [`BENCH_${run}`],
        );
        const vehicles = await client.query<{ id: string }>(
          `insert into vehicle (id, created_at, updated_at, company_id, plate, vehicle_type, capacity_tonnes, driver_name, driver_phone,
             condition_checked_on, status, status_since)
           select gen_random_uuid(), now(), now(), $1, 'B' || $2 || lpad(g::text, 7, '0'), 'TRUCK', 10, 'Bench driver', '139 0000 0000',
             current_date, 'STANDBY', now()
           from generate_series(1, $3::int) g returning id`,
          [company[0]!.id, run, count],
        );
        const orders = await client.query<{ id: string }>(
          `insert into dispatch_order (id, created_at, updated_at, number, cargo_kind, cargo_amount, cargo_unit, origin, destination,
             green_channel, priority, requested_at, requesting_group, status, created_by_name)
           select gen_random_uuid(), now(), now(), 'DD-20991231-' || $1 || lpad(g::text, 7, '0'), 'DAILY_NECESSITIES', 5, 'TONNES',
             'Bench depot', 'Bench district', false, 4, now(), 'TRANSPORT', 'OPEN', 'Bench'
           from generate_series(1, $2::int) g returning id`,
          [String(parseInt(run, 16) % 1000).padStart(3, '0'), count],
        );
        prepared.vehicles = vehicles.rows.map((r) => r.id);
        prepared.orders = orders.rows.map((r) => r.id);
      } finally {
        await client.end();
      }
    },
    async send(target) {
      const i = prepared.next++;
      if (i >= prepared.orders.length) throw new Error('ran out of prepared orders');
      await graphql(
        target.httpUrl,
        'mutation BenchAssignVehicle($input: AssignVehiclesInput!) { assignVehicles(input: $input) { id status } }',
        { input: { orderId: prepared.orders[i], vehicleIds: [prepared.vehicles[i]] } },
        prepared.cookie,
      );
    },
  };
}

/**
 * The duty officer logging a call from the duty phone (值班记录): one logDutyCall per send, each
 * taking the day's next number under the counter row's lock, so concurrent sends queue there.
 * Subscribers watch the duty log's call stream.
 */
function logDutyCall(): Workload {
  const prepared = { cookie: '' };
  return {
    name: 'logDutyCall',
    label: 'logging a duty call',
    mutation: 'logDutyCall',
    subscription: () => operation('duty', 'DutyCallChanged'),
    async prepare(target) {
      prepared.cookie = await login(target.httpUrl, 'duty');
    },
    async send(target, k) {
      await graphql(
        target.httpUrl,
        'mutation BenchLogDutyCall($input: LogDutyCallInput!) { logDutyCall(input: $input) { id number } }',
        {
          input: {
            callerName: 'Bench caller',
            callerPhone: '138 0000 0000',
            unitText: '城关镇 (bench)',
            category: 'SUPPLY_NEED',
            urgency: 'ROUTINE',
            summary: titleFor(target.label, k),
          },
        },
        prepared.cookie,
      );
    },
  };
}

/**
 * The depot's keeper issuing stock (物资出库): one issueSupplies per send, a unit of one of eight
 * items at one depot, so concurrent sends queue on those balance rows' locks (ADR 0017), as
 * issues of one depot do. The depot and its opening stock are written beforehand; subscribers
 * watch the stock board's stream.
 */
function ledgerIssue(): Workload {
  const ITEMS = 8;
  const prepared = { cookie: '', depot: '', items: [] as string[] };
  return {
    name: 'ledgerIssue',
    label: 'a ledger issue (物资出库)',
    mutation: 'issueSupplies',
    subscription: () => operation('logistics', 'StockChanged'),
    async prepare(target, count, databaseUrl) {
      prepared.cookie = await login(target.httpUrl, 'logistics');
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const run = randomUUID().slice(0, 6).toUpperCase();
        const { rows: keeper } = await client.query<{ id: string }>(`select id from app_user where username = 'logistics'`);
        const { rows: depot } = await client.query<{ id: string }>(
          `insert into supply_place (id, created_at, updated_at, code, name, kind, keeper_id, keeper_name)
           values (gen_random_uuid(), now(), now(), $1, 'Bench depot', 'DEPOT', $2, 'Bench keeper') returning id`,
          [`BENCH-${run}`, keeper[0]!.id],
        );
        const { rows: items } = await client.query<{ id: string }>(
          `insert into supply_item (id, created_at, updated_at, name, unit_of_measure, category)
           select gen_random_uuid(), now(), now(), 'Bench item ' || $1 || '-' || g, '箱', 'OTHER' from generate_series(1, $2::int) g
           returning id`,
          [run, ITEMS],
        );
        await client.query(
          `insert into supply_entry (id, kind, item_id, quantity, to_place_id, reason, posted_at, posted_by_name)
           select gen_random_uuid(), 'ADJUSTMENT', id, $2::int, $1, 'Bench opening count', now(), 'Bench' from unnest($3::uuid[]) id`,
          [depot[0]!.id, Math.min(count + 1, 10_000_000), items.map((i) => i.id)],
        );
        prepared.depot = depot[0]!.id;
        prepared.items = items.map((i) => i.id);
      } finally {
        await client.end();
      }
    },
    async send(target, k) {
      await graphql(
        target.httpUrl,
        'mutation BenchIssueSupplies($input: IssueSuppliesInput!) { issueSupplies(input: $input) { id seq } }',
        { input: { itemId: prepared.items[k % ITEMS], placeId: prepared.depot, quantity: 1, recipientText: titleFor(target.label, k) } },
        prepared.cookie,
      );
    },
  };
}
