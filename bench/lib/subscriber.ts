import type { Socket } from 'node:net';
import WebSocket from 'ws';

/** 'graphql-transport-ws' for our server and the bare graphql-ws baseline; 'raw' for the ws broadcast. */
export type WireProtocol = 'graphql-transport-ws' | 'raw';

export interface Delivery {
  position: number;
  /** The server's commit stamp (epoch ms, millisecond resolution). */
  committedAt: number;
  /** When this process read the message (epoch ms, sub-millisecond). */
  receivedAt: number;
  bytes: number;
  /** False for a position at or below one this subscriber already had: a duplicate or out of order. */
  inOrder: boolean;
}

export interface SubscriberOptions {
  url: string;
  protocol: WireProtocol;
  cookie?: string | undefined;
  query: string;
  /** How many subscriptions this socket opens (the slow-consumer scenario multiplies its traffic). */
  subscriptions?: number;
  onDelivery(subscriber: BenchSubscriber, delivery: Delivery): void;
  onError?(subscriber: BenchSubscriber, message: string): void;
}

const NEXT = Buffer.from('"type":"next"');
const POSITION = Buffer.from('"position":"');
const COMMITTED_AT = Buffer.from('"committedAt":"');
const ISO_LENGTH = 24; // 2026-01-02T03:04:05.678Z
const QUOTE = 0x22;

/** Epoch milliseconds with the sub-millisecond part `performance.now()` has. */
export const nowMs = (): number => performance.timeOrigin + performance.now();

/**
 * A deliberately small graphql-transport-ws client for the load generator. A full client would
 * parse every message into objects; this one finds the position and commit stamp in the bytes,
 * so the load generator spends its one core on sockets rather than on JSON. It resumes after
 * the last position it saw, as the console does.
 */
export class BenchSubscriber {
  socket: WebSocket | undefined;
  /** The newest position delivered to this subscriber (resume point). */
  last: number | undefined;
  closeCode: number | undefined;
  received = 0;
  bytes = 0;
  lastReceivedAt = 0;
  private subscribed = false;

  constructor(
    readonly index: number,
    readonly group: number,
    private readonly options: SubscriberOptions,
  ) {}

  get open(): boolean {
    return this.socket?.readyState === WebSocket.OPEN && this.subscribed;
  }

  /** Resolves once subscribed: after connection_ack and the subscribe message (or at open for raw). */
  connect(timeoutMs = 30_000): Promise<void> {
    const { options } = this;
    this.subscribed = false;
    this.closeCode = undefined;
    const socket = new WebSocket(options.url, options.protocol === 'raw' ? [] : ['graphql-transport-ws'], {
      headers: options.cookie ? { cookie: options.cookie } : {},
      perMessageDeflate: false,
      // The load generator trusts the server under test to send UTF-8; checking each message costs it CPU the server needs on 2 cores.
      skipUTF8Validation: true,
    });
    this.socket = socket;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.terminate();
        reject(new Error(`subscriber ${this.index}: not subscribed within ${timeoutMs} ms`));
      }, timeoutMs);
      const ready = () => {
        this.subscribed = true;
        clearTimeout(timer);
        resolve();
      };
      socket.on('open', () => {
        if (options.protocol === 'raw') return ready();
        socket.send('{"type":"connection_init","payload":{}}');
      });
      socket.on('message', (data: Buffer) => {
        if (data.indexOf(NEXT) >= 0) return this.deliver(data);
        const text = data.toString();
        if (text.includes('"connection_ack"')) {
          const variables = JSON.stringify({ after: this.last === undefined ? null : String(this.last) });
          for (let i = 1; i <= (options.subscriptions ?? 1); i++) {
            socket.send(`{"id":"${i}","type":"subscribe","payload":{"query":${JSON.stringify(options.query)},"variables":${variables}}}`);
          }
          ready();
        } else if (text.includes('"type":"ping"')) {
          socket.send('{"type":"pong"}');
        } else if (text.includes('"type":"error"') || text.includes('"type":"complete"')) {
          options.onError?.(this, text.slice(0, 300));
        }
      });
      socket.on('close', (code) => {
        this.closeCode = code;
        this.subscribed = false;
        clearTimeout(timer);
        reject(new Error(`subscriber ${this.index}: closed ${code} before subscribing`));
      });
      socket.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  private deliver(data: Buffer): void {
    const receivedAt = nowMs();
    const p = data.indexOf(POSITION);
    const c = data.indexOf(COMMITTED_AT);
    if (p < 0 || c < 0) return this.options.onError?.(this, `unexpected message: ${data.toString().slice(0, 200)}`);
    const start = p + POSITION.length;
    const position = Number(data.toString('latin1', start, data.indexOf(QUOTE, start)));
    const committedAt = Date.parse(data.toString('latin1', c + COMMITTED_AT.length, c + COMMITTED_AT.length + ISO_LENGTH));
    this.received++;
    this.bytes += data.length;
    this.lastReceivedAt = receivedAt;
    const inOrder = this.last === undefined || position > this.last;
    if (inOrder) this.last = position;
    this.options.onDelivery(this, { position, committedAt, receivedAt, bytes: data.length, inOrder });
  }

  /** Stops reading from the kernel: the server sees a console that froze (the slow-consumer case). */
  pauseReading(): void {
    // ws keeps its net.Socket private; pausing it is the only way to stop reading without closing.
    (this.socket as unknown as { _socket: Socket })._socket.pause();
  }

  resumeReading(): void {
    (this.socket as unknown as { _socket: Socket })._socket.resume();
  }

  /** Drops the connection without a closing handshake, as a network failure would. */
  drop(): void {
    this.socket?.terminate();
    this.subscribed = false;
  }

  close(): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.close(1000);
      setTimeout(() => {
        socket.terminate();
        resolve();
      }, 2_000).unref();
    });
  }
}

/** Opens `count` subscribers, at most `concurrency` handshakes at a time (a burst of thousands overflows the accept queue). */
export async function connectAll(subscribers: BenchSubscriber[], concurrency = 100): Promise<number> {
  const started = nowMs();
  let next = 0;
  const failures: Error[] = [];
  const worker = async () => {
    while (next < subscribers.length) {
      const subscriber = subscribers[next++]!;
      try {
        await subscriber.connect();
      } catch (error) {
        failures.push(error as Error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, subscribers.length) }, worker));
  if (failures.length)
    throw new Error(`${failures.length} of ${subscribers.length} subscribers failed to connect: ${failures[0]!.message}`);
  return nowMs() - started;
}
