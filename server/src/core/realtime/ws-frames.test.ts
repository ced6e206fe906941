import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { textFrames } from './ws-frames';

let server: WebSocketServer | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** What a real ws client reads when the server writes `bytes` straight to the TCP socket. */
async function received(bytes: Buffer, expected: number): Promise<string[]> {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server!.once('listening', resolve));
  server.on('connection', (socket) => (socket as unknown as { _socket: Duplex })._socket.write(bytes));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const messages: string[] = [];
  await new Promise<void>((resolve, reject) => {
    client.on('message', (data: Buffer, isBinary: boolean) => {
      messages.push(`${isBinary ? 'binary' : 'text'}:${data.toString()}`);
      if (messages.length === expected) resolve();
    });
    client.on('error', reject);
  });
  client.terminate();
  return messages;
}

describe('textFrames', () => {
  it('frames several messages into one write that a client reads back as the same text messages, in order', async () => {
    const medium = 'x'.repeat(300); // 16-bit length form
    const long = '事'.repeat(30_000); // 90,000 bytes: 64-bit length form
    const bytes = textFrames([Buffer.from('{"a":1}'), Buffer.from(medium), Buffer.from(long)]);
    expect(await received(bytes, 3)).toEqual(['text:{"a":1}', `text:${medium}`, `text:${long}`]);
  });

  it('frames nothing as an empty buffer', () => {
    expect(textFrames([])).toHaveLength(0);
  });
});
