import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { WriteCoalescer } from './write-coalescer';

/** A stream that records how its data reached the sink: one entry per (vectored) write. */
function recordingStream() {
  const calls: string[][] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      calls.push([chunk.toString()]);
      done();
    },
    writev(chunks, done) {
      calls.push(chunks.map((c) => (c.chunk as Buffer).toString()));
      done();
    },
  });
  return { stream, calls };
}

describe('coalescing the writes of one turn of the event loop', () => {
  it('sends what was written to a socket in one turn as one write at the end of it', async () => {
    const coalescer = new WriteCoalescer();
    const { stream, calls } = recordingStream();
    for (const frame of ['a', 'b', 'c']) {
      coalescer.hold(stream);
      stream.write(frame);
    }
    expect(calls).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([['a', 'b', 'c']]);
  });

  it('holds nothing past the turn: a later write goes out in its own', async () => {
    const coalescer = new WriteCoalescer();
    const { stream, calls } = recordingStream();
    coalescer.hold(stream);
    stream.write('first');
    await new Promise((resolve) => setImmediate(resolve));
    coalescer.hold(stream);
    stream.write('second');
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([['first'], ['second']]);
  });
});
