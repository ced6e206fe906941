import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * A subscriber that behaves like the console: it remembers the last position it saw and,
 * whenever the socket reconnects, resumes after it. It records every position delivered,
 * so a test can check for gaps, duplicates and order.
 */
export class ResumingSubscriber {
  readonly positions: bigint[] = [];
  readonly errors: unknown[] = [];
  private last: bigint | undefined;
  private readonly client: Client;
  private stop: (() => void) | undefined;

  constructor(
    url: string,
    cookie: string,
    private readonly query: string,
    private readonly field: string,
    after?: bigint,
  ) {
    this.last = after;
    class CookieSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { cookie } });
      }
    }
    this.client = createClient({
      url,
      webSocketImpl: CookieSocket,
      lazy: false,
      retryAttempts: 1_000,
      retryWait: async () => new Promise((r) => setTimeout(r, 200)),
      shouldRetry: () => true,
    });
  }

  start(): void {
    const self = this;
    // graphql-ws serialises the payload at every (re)send: the getter gives the newest position.
    const variables = {
      get after() {
        return self.last === undefined ? null : String(self.last);
      },
    };
    this.stop = this.client.subscribe<Record<string, { position: string }>>(
      { query: this.query, variables: variables as unknown as Record<string, unknown> },
      {
        next: (result) => {
          if (result.errors) return void this.errors.push(result.errors);
          const position = BigInt(result.data![this.field]!.position);
          this.positions.push(position);
          this.last = position;
        },
        error: (error) => void this.errors.push(error),
        complete: () => undefined,
      },
    );
  }

  async waitFor(predicate: () => boolean, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`condition not met; received ${this.positions.length} events`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async close(): Promise<void> {
    this.stop?.();
    await this.client.dispose();
  }
}
