import http from 'node:http';
import { LatencyHistogram, type LatencySummary } from './histogram';
import { nowMs } from './subscriber';

export interface ArrivalStats {
  /** Sends the schedule asked for. */
  scheduled: number;
  /** Sends that completed without error. */
  completed: number;
  errors: number;
  /** Sends skipped because too many were still in flight (the target could not keep up). */
  shed: number;
  firstError?: string | undefined;
  /** Time from the scheduled send to its response: queueing included (no coordinated omission). */
  latency: LatencySummary;
  /** How late this process started sends against the schedule (its own event-loop health). */
  lateness: LatencySummary;
}

/**
 * Open model: sends start at fixed intervals whatever happened to earlier ones, the way
 * independent operators act. A slow target therefore shows up as queueing and latency, not as
 * a politely lower rate (a closed loop would hide it).
 */
export async function constantArrival(
  rate: number,
  durationMs: number,
  send: (k: number) => Promise<void>,
  options: { maxInFlight?: number } = {},
): Promise<ArrivalStats> {
  const interval = 1000 / rate;
  const total = Math.max(1, Math.round((durationMs / 1000) * rate));
  const maxInFlight = options.maxInFlight ?? 512;
  const latency = new LatencyHistogram();
  const lateness = new LatencyHistogram();
  const stats = { scheduled: total, completed: 0, errors: 0, shed: 0, firstError: undefined as string | undefined };
  let inFlight = 0;
  let k = 0;
  const start = nowMs() + 5;
  const pending = new Set<Promise<void>>();
  await new Promise<void>((done) => {
    const tick = () => {
      const now = nowMs();
      while (k < total && start + k * interval <= now) {
        const due = start + k * interval;
        lateness.recordMs(now - due);
        if (inFlight >= maxInFlight) {
          stats.shed++;
          k++;
          continue;
        }
        inFlight++;
        const sent = send(k)
          .then(
            () => void stats.completed++,
            (error: unknown) => {
              stats.errors++;
              stats.firstError ??= error instanceof Error ? error.message : String(error);
            },
          )
          .finally(() => {
            inFlight--;
            latency.recordMs(nowMs() - due);
            pending.delete(sent);
          });
        pending.add(sent);
        k++;
      }
      if (k >= total) return done();
      setTimeout(tick, Math.max(0, start + k * interval - nowMs()));
    };
    tick();
  });
  await Promise.all(pending);
  return { ...stats, latency: latency.summary(), lateness: lateness.summary() };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * How long one send may take before it counts as a writer error. An overloaded target (the bare
 * graphql-ws baseline at 5,000 subscribers answers its publishes minutes late) would otherwise
 * hold the writer, and the whole run, until the last one is answered.
 */
const SEND_TIMEOUT_MS = 10_000;

/** POSTs JSON over a kept-alive connection and returns the parsed answer; a non-2xx status or no answer within 10 s rejects. */
export function postJson<T = unknown>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise<T>((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(payload.length), ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if ((response.statusCode ?? 500) >= 300) return reject(new Error(`HTTP ${response.statusCode}: ${text.slice(0, 300)}`));
          try {
            resolve(JSON.parse(text) as T);
          } catch {
            reject(new Error(`not JSON: ${text.slice(0, 300)}`));
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.setTimeout(SEND_TIMEOUT_MS, () => request.destroy(new Error(`no answer within ${SEND_TIMEOUT_MS / 1000} s`)));
    request.end(payload);
  });
}

/** A GraphQL request; GraphQL errors reject with their first message and code. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  cookie?: string,
): Promise<T> {
  const answer = await postJson<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>(
    `${url}/graphql`,
    { query, variables },
    cookie ? { cookie } : {},
  );
  if (answer.errors?.length) throw new Error(`${answer.errors[0]!.extensions?.code ?? 'ERROR'}: ${answer.errors[0]!.message}`);
  return answer.data as T;
}
