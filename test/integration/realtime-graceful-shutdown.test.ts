import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, dropDatabase } from '../support/database';
import { login, startServerProcess, type ServerProcess } from '../support/server-process';

describe('a server asked to stop with SIGTERM', () => {
  const adminUrl = inject('pgAdminUrl');
  const name = `cc_t_term_${randomBytes(4).toString('hex')}`;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await dropDatabase(adminUrl, name);
  });

  it('tells open consoles to reconnect (1012), then exits cleanly', async () => {
    server = await startServerProcess(await createDatabase(adminUrl, name));
    const cookie = await login(server.url, 'duty');
    const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws', { headers: { cookie } });
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => socket.once('message', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    expect(await closed).toBe(1012);
    expect(await server.exited).toBe(0);
  }, 90_000);
});
