import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ProcessMetrics } from '../../server/src/core/http/metrics';

/** What the writer publishes to a baseline: the incident fields the subscription selects. */
export interface Published {
  kind: string;
  incident: Record<string, unknown>;
}

/** The event a baseline hands to subscribers, stamped like our outbox stamps a commit. */
export interface StampedEvent {
  position: string;
  kind: string;
  committedAt: string;
  incident: Record<string, unknown>;
}

/**
 * The HTTP side both baselines share: POST /publish (the writer's "commit"), GET /metrics (the
 * same process figures as our server's, from the same class), GET /readyz.
 */
export function baselineHttpServer(onPublish: (event: StampedEvent) => void, sockets: () => number): Server {
  const metrics = new ProcessMetrics();
  let position = 0;
  let published = 0;
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/readyz') return void res.end('ready');
    if (req.method === 'GET' && url.pathname === '/metrics') {
      const lines = [
        ...metrics.lines({ gc: url.searchParams.get('gc') === '1' }),
        `bench_ws_sockets_open ${sockets()}`,
        `bench_published_total ${published}`,
      ];
      res.setHeader('content-type', 'text/plain; version=0.0.4');
      return void res.end(lines.join('\n') + '\n');
    }
    if (req.method === 'POST' && url.pathname === '/publish') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as Published;
        // The stamp our outbox takes just before COMMIT; here the "commit" is this line.
        const event: StampedEvent = {
          position: String(++position),
          kind: body.kind,
          committedAt: new Date().toISOString(),
          incident: body.incident,
        };
        published++;
        onPublish(event);
        res.setHeader('content-type', 'application/json');
        res.end(`{"position":"${event.position}"}`);
      });
      return;
    }
    res.statusCode = 404;
    res.end();
  });
}

export function listenFromEnv(server: Server, name: string): void {
  const port = Number(process.env['PORT'] ?? 0);
  server.listen(port, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    console.log(JSON.stringify({ baseline: name, port: address.port }));
  });
  // A baseline keeps nothing: it exits at once, whatever its sockets are doing.
  const stop = () => process.exit(0);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
