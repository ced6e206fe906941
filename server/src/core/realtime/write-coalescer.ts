import type { Writable } from 'node:stream';

/**
 * Holds the writes made to a socket during one turn of the event loop and sends them with one
 * system call at its end. Each write to a socket is a system call (`writev`), the largest cost
 * of a delivery; when the broadcast delivers several events in one turn (it is catching up
 * after a burst) their frames leave together, so a server behind on delivery catches up with
 * fewer calls instead of falling further behind. One event per turn costs what it did.
 */
export class WriteCoalescer {
  private held: Writable[] = [];

  hold(stream: Writable | undefined): void {
    // writableCorked: held already this turn (by us; ws uncorks its own corks at once).
    if (!stream || stream.writableCorked > 0) return;
    stream.cork();
    if (this.held.push(stream) === 1) setImmediate(this.release);
  }

  private readonly release = (): void => {
    const held = this.held;
    this.held = [];
    for (const stream of held) stream.uncork();
  };
}
