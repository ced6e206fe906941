import type { Writable } from 'node:stream';

/**
 * Holds the writes made to a socket during one turn of the event loop and sends them with one
 * system call at its end. Each write to a socket is a system call (`writev`), the largest cost
 * of a delivery; when the broadcast delivers several events in one turn (it is catching up
 * after a burst) their frames leave together, so a server behind on delivery catches up with
 * fewer calls instead of falling further behind. One event per turn costs what it did.
 */
export class WriteCoalescer {
  private readonly held = new Set<Writable>();
  private scheduled = false;

  hold(stream: Writable | undefined): void {
    if (!stream || this.held.has(stream)) return;
    stream.cork();
    this.held.add(stream);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.release);
  }

  private readonly release = (): void => {
    this.scheduled = false;
    for (const stream of this.held) stream.uncork();
    this.held.clear();
  };
}
