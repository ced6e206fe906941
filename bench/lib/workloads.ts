import { randomUUID } from 'node:crypto';
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
  /** Creates what the sends act on; `count` is the most sends the run can make. */
  prepare?(target: WriterTarget, count: number): Promise<void>;
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
  {
    name: 'assignVehicle',
    label: 'assigning a vehicle',
    notBuilt: 'the dispatch module is being built; its assignVehicles mutation joins the table when it is merged',
    async send() {
      throw new Error('not built');
    },
  },
  {
    name: 'ledgerIssue',
    label: 'a ledger issue (物资出库)',
    notBuilt: 'the stock ledger (logistics module) is not built yet',
    async send() {
      throw new Error('not built');
    },
  },
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
