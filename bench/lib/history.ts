import pg from 'pg';

/**
 * Historical rows for the board queries, written straight into the tables (history does not
 * go through the outbox: it happened before the server watched). One entry per table; an
 * entry whose tables do not exist yet is skipped and reported.
 *
 * Open incidents are recent class C ones (24 h deadline) that someone has acknowledged or is
 * working on, as on a real board: none is past its deadline or unacknowledged, so the alert
 * engine does not raise a thousand alerts in the middle of a fan-out run (no HQ has a thousand
 * incidents nobody picked up).
 */
export interface HistoryTable {
  table: string;
  module: string;
  /** Tables that must exist (the module is built). */
  requires: string[];
  seed(client: pg.Client, rows: number): Promise<void>;
}

export const HISTORY: HistoryTable[] = [
  {
    table: 'incident',
    module: 'incidents',
    requires: ['incident'],
    async seed(client, rows) {
      const open = Math.max(1, Math.round(rows * 0.02));
      await client.query(
        `insert into incident (id, created_at, updated_at, version, title, description, incident_class, status, reported_at,
           reporting_deadline, location, severity, acknowledged_at, resolved_at, closed_at)
         select gen_random_uuid(), t, t, 1, 'Historical incident ' || g, 'Seeded for the benchmark', cls, st, t,
           t + case cls when 'A' then interval '6 hours' when 'B' then interval '12 hours' else interval '24 hours' end,
           'District ' || (g % 40), (array['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4],
           case when st <> 'REPORTED' then t + interval '10 minutes' end,
           case when st in ('RESOLVED', 'CLOSED') then t + interval '3 hours' end,
           case when st = 'CLOSED' then t + interval '1 day' end
         from (
           select g,
             case when g <= $2 then 'C' else (array['A','B','C'])[1 + g % 3] end as cls,
             case when g <= $2 then (array['ACKNOWLEDGED','IN_PROGRESS'])[1 + g % 2]
                  else (array['RESOLVED','CLOSED','CLOSED','CLOSED'])[1 + g % 4] end as st,
             case when g <= $2 then now() - g * (interval '12 hours' / $2) else now() - interval '2 days' - g * interval '5 minutes' end as t
           from generate_series(1, $1::int) g
         ) h`,
        [rows, open],
      );
    },
  },
  {
    table: 'incident_timeline_entry',
    module: 'incidents',
    requires: ['incident', 'incident_timeline_entry'],
    async seed(client, rows) {
      await client.query(
        `insert into incident_timeline_entry (incident_id, kind, at, actor_name, to_status)
         select id, 'STATUS', reported_at, '', 'REPORTED' from incident where title like 'Historical incident %' limit $1`,
        [rows],
      );
    },
  },
  {
    table: 'dispatch_order',
    module: 'dispatch',
    requires: ['dispatch_order'],
    async seed(client, rows) {
      await client.query(
        `insert into dispatch_order (id, created_at, updated_at, version, number, cargo_kind, cargo_description, cargo_amount,
           cargo_unit, origin, destination, green_channel, urgent, priority, requested_at, requesting_group, status, created_by_name,
           assigned_at, departed_at, arrived_at, completed_at)
         select gen_random_uuid(), t, t + interval '3 hours', 4, 'DD-' || to_char(t, 'YYYYMMDD') || '-9' || lpad(g::text, 6, '0'),
           (array['EPIDEMIC_SUPPLIES','DAILY_NECESSITIES','COAL','FUEL','PRODUCTION_MATERIALS'])[1 + g % 5], 'Historical transport', 5,
           'TONNES', 'Depot ' || (g % 7), 'District ' || (g % 40), false, false, 4, t, 'TRANSPORT', 'COMPLETED', 'History',
           t + interval '10 minutes', t + interval '20 minutes', t + interval '2 hours', t + interval '3 hours'
         from (select g, now() - interval '2 days' - g * interval '7 minutes' as t from generate_series(1, $1::int) g) h`,
        [rows],
      );
    },
  },
  {
    table: 'vehicle_assignment',
    module: 'dispatch',
    requires: ['vehicle_assignment', 'vehicle', 'dispatch_order'],
    async seed(client, rows) {
      // Each historical order had one of the fleet's vehicles, released when it came back.
      await client.query(
        `insert into vehicle_assignment (id, created_at, updated_at, version, order_id, vehicle_id, assigned_by_name, assigned_at, released_at)
         select gen_random_uuid(), o.assigned_at, o.completed_at, 2, o.id, v.id, 'History', o.assigned_at, o.completed_at
         from (select id, assigned_at, completed_at, row_number() over (order by id) as r
               from dispatch_order where created_by_name = 'History' limit $1) o
         join (select id, row_number() over (order by plate) - 1 as i, count(*) over () as n from vehicle) v on v.i = o.r % v.n`,
        [rows],
      );
    },
  },
  {
    table: 'vehicle_status_change',
    module: 'dispatch',
    requires: ['vehicle_status_change', 'vehicle_assignment'],
    async seed(client, rows) {
      await client.query(
        `insert into vehicle_status_change (id, at, vehicle_id, from_status, to_status, order_id, by_name, note)
         select gen_random_uuid(), a.assigned_at, a.vehicle_id, 'STANDBY', 'ASSIGNED', a.order_id, 'History', ''
         from vehicle_assignment a where a.assigned_by_name = 'History' limit $1`,
        [rows],
      );
    },
  },
  {
    // Mostly earlier days (as after a year of duty), about 1 in 500 today: today's log is the board.
    table: 'duty_call',
    module: 'duty',
    requires: ['duty_call', 'duty_call_counter'],
    async seed(client, rows) {
      const today = Math.max(1, Math.round(rows / 500));
      await client.query(
        `insert into duty_call (id, created_at, updated_at, version, number, hq_day, sequence, received_at, logged_at, caller_name,
           caller_phone, unit_text, category, urgency, summary, notes, status, logged_by_name, forwarded_at, closed_at)
         select gen_random_uuid(), t, t, 1,
           'ZB-' || to_char(d, 'YYYYMMDD') || '-' || lpad((10000 + s)::text, 5, '0'), d, 10000 + s, t, t,
           'Caller ' || (g % 997), '138 ' || lpad((g % 10000)::text, 4, '0') || ' ' || lpad((g % 9973)::text, 4, '0'),
           'Village ' || (g % 300),
           (array['EPIDEMIC_REPORT','SUPPLY_NEED','TRANSPORT','PERMIT_ENQUIRY','PETITION','HQ_INSTRUCTION','OTHER'])[1 + g % 7],
           (array['ROUTINE','ROUTINE','URGENT','CRITICAL'])[1 + g % 4], 'Historical call ' || g || ' about supplies and transport',
           case when g % 3 = 0 then 'Seeded for the benchmark' end,
           case when g <= $2 then 'FORWARDED' else 'CLOSED' end, 'History', t + interval '2 minutes',
           case when g > $2 then t + interval '1 hour' end
         from (
           select g, t, d, row_number() over (partition by d order by t) as s
           from (
             select g, t, (t at time zone 'Asia/Shanghai')::date as d
             from (select g, case when g <= $2 then now() - g * (interval '3 hours' / $2)
                                  else now() - interval '1 day' - g * interval '5 minutes' end as t
                   from generate_series(1, $1::int) g) raw
           ) days
         ) h`,
        [rows, today],
      );
      // The counters go past the history's numbers (10000 + n), so calls logged during the run never collide with them.
      await client.query(
        `insert into duty_call_counter (day, last) select hq_day, max(sequence) from duty_call group by hq_day
         on conflict (day) do update set last = greatest(duty_call_counter.last, excluded.last)`,
      );
    },
  },
  {
    table: 'duty_call_forward',
    module: 'duty',
    requires: ['duty_call', 'duty_call_forward'],
    async seed(client, rows) {
      await client.query(
        `insert into duty_call_forward (id, created_at, updated_at, version, call_id, target_group, forwarded_at, forwarded_by_name,
           acknowledged_at, acknowledged_by_name)
         select gen_random_uuid(), c.forwarded_at, c.forwarded_at, 1, c.id,
           (array['COORDINATION','LOGISTICS','TRANSPORT'])[1 + c.sequence % 3], c.forwarded_at, 'History',
           c.forwarded_at + interval '3 minutes', 'History'
         from duty_call c where c.logged_by_name = 'History' limit $1`,
        [rows],
      );
    },
  },
  {
    // A season of requests, nearly all decided; 1 in 100 still waits for review (a third of those green channel): the queue is the board.
    table: 'permit_request',
    module: 'permits',
    requires: ['permit_request', 'member_unit'],
    async seed(client, rows) {
      const waiting = Math.max(1, Math.round(rows / 100));
      await client.query(
        `insert into permit_request (id, created_at, updated_at, version, unit_id, unit_name, applicant_name, contact_name, contact_phone,
           plate, vehicle_type, driver_name, driver_id_masked, cargo_kind, green_channel, origin, destinations, requested_from,
           requested_until, status, filed_at, submitted_at, filed_by_name, decided_at, decided_by_name, rejection_reason)
         select gen_random_uuid(), t, t, 1, u.id, u.name, 'Enterprise ' || (g % 997), 'Contact ' || (g % 300),
           '138 ' || lpad((g % 10000)::text, 4, '0') || ' ' || lpad((g % 9973)::text, 4, '0'),
           '京A' || lpad((g % 100000)::text, 5, '0'), 'BOX_TRUCK', 'Driver ' || (g % 500), '110***********' || lpad((g % 10000)::text, 4, '0'),
           k, k = 'EPIDEMIC_SUPPLIES', 'Wholesale market ' || (g % 50), jsonb_build_array('Town ' || (g % 40)),
           t + interval '1 hour', t + interval '3 days',
           case when g <= $2 then 'SUBMITTED' else 'REJECTED' end, t, t, 'History',
           case when g > $2 then t + interval '20 minutes' end, case when g > $2 then 'History' end,
           case when g > $2 then 'Seeded for the benchmark' end
         from (select g, case when g <= $2 then now() - g * (interval '2 hours' / $2) else now() - interval '1 day' - g * interval '3 minutes' end as t,
                      case when g % 3 = 0 then 'EPIDEMIC_SUPPLIES'
                           else (array['DAILY_NECESSITIES','COAL','FUEL','PRODUCTION_MATERIALS'])[1 + g % 4] end as k
               from generate_series(1, $1::int) g) h
         cross join (select id, name from member_unit order by code limit 1) u`,
        [rows, waiting],
      );
    },
  },
  {
    // A quarter of ledger history: an opening count per item and place, then issues spread over 90
    // days (about a twelfth in the last week, the window the board's rate is read from). Through
    // the insert trigger, as live postings, so the balances are the ledger's sums.
    table: 'supply_entry',
    module: 'logistics',
    requires: ['supply_item', 'supply_place', 'supply_entry', 'supply_balance'],
    async seed(client, rows) {
      const items = 30;
      const places = 12;
      await client.query(
        `insert into supply_item (id, created_at, updated_at, name, unit_of_measure, category, cover_days_floor)
         select gen_random_uuid(), now(), now(), 'History item ' || lpad(g::text, 3, '0'), '箱',
           (array['DISINFECTANT','MASKS','PROTECTIVE_SUITS','THERMOMETERS','FOOD_AND_NECESSITIES','OTHER'])[1 + g % 6], 3
         from generate_series(1, $1::int) g`,
        [items],
      );
      await client.query(
        `insert into supply_place (id, created_at, updated_at, code, name, kind)
         select gen_random_uuid(), now(), now(), 'HIST-CP-' || lpad(g::text, 3, '0'), 'History checkpoint ' || g, 'CHECKPOINT'
         from generate_series(1, $1::int) g`,
        [places],
      );
      await client.query(
        `insert into supply_entry (id, kind, item_id, quantity, to_place_id, reason, posted_at, posted_by_name)
         select gen_random_uuid(), 'ADJUSTMENT', i.id, 1000000, p.id, 'Opening count (history)', now() - interval '91 days', 'History'
         from supply_item i cross join supply_place p where i.name like 'History item %' and p.code like 'HIST-CP-%'`,
      );
      await client.query(
        `insert into supply_entry (id, kind, item_id, quantity, from_place_id, recipient_text, posted_at, posted_by_name)
         select gen_random_uuid(), 'ISSUE', i.id, 1 + g % 5, p.id, 'Checkpoint staff ' || (g % 50),
           now() - interval '90 days' + g * (interval '90 days' / $1), 'History'
         from generate_series(1, $1::int) g
         join (select id, row_number() over (order by name) - 1 as n from supply_item where name like 'History item %') i on i.n = g % $2
         join (select id, row_number() over (order by code) - 1 as n from supply_place where code like 'HIST-CP-%') p
           on p.n = (g / $2) % $3`,
        [Math.max(rows - items * places, 1), items, places],
      );
    },
  },
];

export interface HistoryReport {
  table: string;
  module: string;
  rows: number;
  seconds?: number;
  skipped?: string;
}

export async function seedHistory(databaseUrl: string, rows: number): Promise<HistoryReport[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const reports: HistoryReport[] = [];
  try {
    const { rows: existing } = await client.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = current_schema()`,
    );
    const tables = new Set(existing.map((r) => r.table_name));
    for (const entry of HISTORY) {
      const missing = entry.requires.filter((t) => !tables.has(t));
      if (missing.length) {
        reports.push({ table: entry.table, module: entry.module, rows: 0, skipped: `not built (no table ${missing.join(', ')})` });
        continue;
      }
      const started = performance.now();
      try {
        await entry.seed(client, rows);
        await client.query(`analyze ${entry.table}`);
        const { rows: counted } = await client.query<{ n: string }>(`select count(*) as n from ${entry.table}`);
        reports.push({
          table: entry.table,
          module: entry.module,
          rows: Number(counted[0]!.n),
          seconds: (performance.now() - started) / 1000,
        });
      } catch (error) {
        reports.push({ table: entry.table, module: entry.module, rows: 0, skipped: `seeding failed: ${(error as Error).message}` });
      }
    }
  } finally {
    await client.end();
  }
  return reports;
}
