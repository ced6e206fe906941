import WebSocket from 'ws';

export interface Closed {
  code: number;
  reason: string;
}

export interface WsAnswer {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
  /** Set when the server closed the socket instead of answering. */
  closed?: Closed;
}

/**
 * A graphql-transport-ws connection spoken by hand over a real socket, so a test sees exactly
 * what the server sends: every message, the close code and reason, the handshake's refusal.
 */
export class RawSocket {
  readonly messages: { type: string; id?: string; payload?: unknown }[] = [];
  readonly closed: Promise<Closed>;
  private waiters: (() => void)[] = [];
  private nextId = 0;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as { type: string });
      this.notify();
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => {
        resolve({ code, reason: String(reason) });
        this.notify();
      }),
    );
  }

  /** Opens the socket (rejects with the HTTP status when the handshake is refused). */
  static async open(url: string, options: { cookie?: string; origin?: string; protocol?: string | null } = {}): Promise<RawSocket> {
    const headers: Record<string, string> = {};
    if (options.cookie) headers['cookie'] = options.cookie;
    if (options.origin) headers['origin'] = options.origin;
    const protocol = options.protocol === undefined ? 'graphql-transport-ws' : options.protocol;
    const socket = new WebSocket(url, protocol === null ? [] : [protocol], { headers });
    const raw = new RawSocket(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_req, res) => reject(new HandshakeRefused(res.statusCode ?? 0)));
      socket.once('error', reject);
    });
    return raw;
  }

  /** Opens and completes connection_init / connection_ack. */
  static async connect(url: string, cookie: string): Promise<RawSocket> {
    const raw = await RawSocket.open(url, { cookie });
    raw.send({ type: 'connection_init' });
    const ack = await raw.waitFor((m) => m.type === 'connection_ack', 10_000);
    if (!ack) throw new Error(`no connection_ack; closed with ${JSON.stringify(await raw.closedOrNothing())}`);
    return raw;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Resolves with the first message (from now on or already received) matching, or undefined once the socket closes. */
  async waitFor(match: (m: { type: string; id?: string; payload?: unknown }) => boolean, timeoutMs = 15_000, from = 0) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      if (this.socket.readyState === WebSocket.CLOSED) return undefined;
      if (Date.now() > deadline) throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  /**
   * Runs one operation (query, mutation or the first event of a subscription) and returns what
   * came back: the `next` payload, the `error` payload as errors, or the close.
   */
  async execute(
    query: string,
    variables?: Record<string, unknown>,
    operationName?: string,
    timeoutMs = 15_000,
    extensions?: Record<string, unknown>,
  ): Promise<WsAnswer> {
    const id = `op-${++this.nextId}`;
    const from = this.messages.length;
    this.send({
      id,
      type: 'subscribe',
      payload: { query, variables, ...(operationName ? { operationName } : {}), ...(extensions ? { extensions } : {}) },
    });
    const answer = await this.waitFor(
      (m) => m.id === id && (m.type === 'next' || m.type === 'error' || m.type === 'complete'),
      timeoutMs,
      from,
    );
    if (!answer) return { closed: await this.closed };
    if (answer.type === 'next') {
      const payload = answer.payload as WsAnswer;
      this.send({ id, type: 'complete' }); // a subscription keeps running otherwise
      return { data: payload.data, ...(payload.errors ? { errors: payload.errors } : {}) };
    }
    if (answer.type === 'error') return { errors: answer.payload as WsAnswer['errors'] };
    return {};
  }

  async closedOrNothing(waitMs = 5_000): Promise<Closed | undefined> {
    return Promise.race([this.closed, new Promise<undefined>((r) => setTimeout(() => r(undefined), waitMs))]);
  }

  close(): void {
    this.socket.close();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

export class HandshakeRefused extends Error {
  constructor(readonly status: number) {
    super(`WebSocket handshake refused with HTTP ${status}`);
  }
}
