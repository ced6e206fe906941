import type { EntityManager } from '@mikro-orm/postgresql';
import type { VehicleStatus } from '@cc/shared';
import { busyTime, hqDayBounds, percentile, type StatusSpan } from './dispatch.rules';
import type { FleetService } from './fleet.service';

export interface CompanyFigures {
  companyId: string;
  code: string;
  name: string;
  vehicleCount: number;
  utilisation: number;
  busyHours: number;
  jobs: number;
  departures: number;
  responseP50Minutes: number | null;
  responseP90Minutes: number | null;
}

export interface DispatchFigures {
  day: string;
  from: Date;
  to: Date;
  ordersCreated: number;
  responseP50Minutes: number | null;
  responseP90Minutes: number | null;
  companies: CompanyFigures[];
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * A day's figures for the charts: per company, the share of vehicle time spent on jobs
 * (from the status history) and the response time, order created → departed.
 * Five set-based queries, whatever the size of the fleet.
 */
export class DispatchFiguresService {
  constructor(private readonly fleet: FleetService) {}

  async figures(em: EntityManager, day: string, now: Date): Promise<DispatchFigures> {
    const { start, end } = hqDayBounds(day);
    const to = new Date(Math.max(start.getTime(), Math.min(end.getTime(), now.getTime())));
    const [companies, vehicles, initial, changes, jobs, responses, created] = await Promise.all([
      this.fleet.companies(em),
      em.execute<{ id: string; company_id: string }[]>('select id, company_id from vehicle'),
      em.execute<{ vehicle_id: string; to_status: VehicleStatus }[]>(
        `select distinct on (vehicle_id) vehicle_id, to_status from vehicle_status_change where at < ? order by vehicle_id, at desc, id desc`,
        [start],
      ),
      em.execute<{ vehicle_id: string; at: Date; to_status: VehicleStatus }[]>(
        `select vehicle_id, at, to_status from vehicle_status_change where at >= ? and at < ? order by at, id`,
        [start, to],
      ),
      em.execute<{ company_id: string; jobs: string }[]>(
        `select v.company_id, count(*) as jobs from vehicle_assignment a join vehicle v on v.id = a.vehicle_id
         where a.assigned_at >= ? and a.assigned_at < ? group by v.company_id`,
        [start, to],
      ),
      // The companies whose vehicles were on the order when it left.
      em.execute<{ id: string; created_at: Date; departed_at: Date; companies: string[] }[]>(
        `select o.id, o.created_at, o.departed_at, array_agg(distinct v.company_id::text) as companies
         from dispatch_order o
         join vehicle_assignment a on a.order_id = o.id and a.assigned_at <= o.departed_at
           and (a.released_at is null or a.released_at >= o.departed_at)
         join vehicle v on v.id = a.vehicle_id
         where o.created_at >= ? and o.created_at < ? and o.departed_at is not null
         group by o.id`,
        [start, end],
      ),
      em.execute<{ n: string }[]>('select count(*) as n from dispatch_order where created_at >= ? and created_at < ?', [start, end]),
    ]);

    const spans = new Map<string, StatusSpan & { changes: { at: Date; to: VehicleStatus }[] }>();
    const initialOf = new Map(initial.map((r) => [r.vehicle_id, r.to_status]));
    for (const v of vehicles) spans.set(v.id, { initial: initialOf.get(v.id) ?? null, changes: [] });
    for (const c of changes) spans.get(c.vehicle_id)?.changes.push({ at: new Date(c.at), to: c.to_status });

    const jobsOf = new Map(jobs.map((j) => [j.company_id, Number(j.jobs)]));
    const minutes = (r: { created_at: Date; departed_at: Date }) =>
      (new Date(r.departed_at).getTime() - new Date(r.created_at).getTime()) / MINUTE;

    const perCompany = companies.map<CompanyFigures>((company) => {
      const own = vehicles.filter((v) => v.company_id === company.id);
      let inFleet = 0;
      let busy = 0;
      for (const v of own) {
        const t = busyTime(spans.get(v.id)!, start, to);
        inFleet += t.inFleetMs;
        busy += t.busyMs;
      }
      const response = responses.filter((r) => r.companies.includes(company.id)).map(minutes);
      const p50 = percentile(response, 50);
      const p90 = percentile(response, 90);
      return {
        companyId: company.id,
        code: company.code,
        name: company.name,
        vehicleCount: own.length,
        utilisation: inFleet > 0 ? round(busy / inFleet, 4) : 0,
        busyHours: round(busy / HOUR, 2),
        jobs: jobsOf.get(company.id) ?? 0,
        departures: response.length,
        responseP50Minutes: p50 === null ? null : round(p50, 1),
        responseP90Minutes: p90 === null ? null : round(p90, 1),
      };
    });
    const all = responses.map(minutes);
    const p50 = percentile(all, 50);
    const p90 = percentile(all, 90);
    return {
      day,
      from: start,
      to,
      ordersCreated: Number(created[0]?.n ?? 0),
      responseP50Minutes: p50 === null ? null : round(p50, 1),
      responseP90Minutes: p90 === null ? null : round(p90, 1),
      companies: perCompany,
    };
  }
}
