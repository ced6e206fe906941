import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  /** http://127.0.0.1:<proxy port> — open the console here, so its origin survives a server change. */
  url: string;
  /** Sends new connections to another server port (a restarted server). */
  retarget(port: number): void;
  /** Cuts every open connection at once, as a crash or a dropped network would. */
  dropAll(): void;
  close(): Promise<void>;
}

/**
 * A plain TCP forwarder in front of a test server. The browser keeps one origin while the
 * server behind it stops and another starts on a different port: a server restart as the
 * console sees it.
 */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let target = targetPort;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1');
    open.add(client);
    open.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxy: TcpProxy = {
    url: `http://127.0.0.1:${port}`,
    retarget(next) {
      target = next;
    },
    dropAll() {
      for (const socket of open) socket.destroy();
      open.clear();
    },
    async close() {
      proxy.dropAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}

export function portOf(url: string): number {
  return Number(new URL(url).port);
}
