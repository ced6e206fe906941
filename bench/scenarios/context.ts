import type { Plan } from '../plan';
import type { BaselineName, ManagedProcess, OurServerOptions } from '../lib/processes';

/** What every scenario gets from the runner (bench/run.ts). */
export interface BenchContext {
  plan: Plan;
  databaseUrl: string;
  /** Our server, shared execution (the default configuration). */
  main: ManagedProcess;
  /** A duty officer's session cookie: every subscriber and writer signs in as the same person. */
  cookie: string;
  /** The subscription the fan-out uses: the incident board's own live document. */
  subscription: string;
  /** One real payload's incident object from our server, so the baselines publish the same shape and size. */
  incidentTemplate: Record<string, unknown>;
  /** Root fields the running schema has (a module not built yet has none). */
  schema: { query: Set<string>; mutation: Set<string>; subscription: Set<string> };
  startServer(options: Omit<OurServerOptions, 'databaseUrl'> & { name: string }): Promise<ManagedProcess>;
  startBaseline(name: BaselineName): Promise<ManagedProcess>;
  log(message: string): void;
}
