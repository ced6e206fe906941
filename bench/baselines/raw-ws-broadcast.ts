/**
 * Baseline (a), the transport ceiling: a bare `ws` server that, for each published event,
 * serialises one graphql-transport-ws "next" message (the same bytes our server sends for the
 * same selection) once, and writes that one buffer to every socket. No GraphQL, no database,
 * no per-socket work beyond the write. Run: node --import tsx bench/baselines/raw-ws-broadcast.ts
 */
import { WebSocketServer, WebSocket } from 'ws';
import { baselineHttpServer, listenFromEnv } from './baseline-server';

const server = baselineHttpServer(
  (event) => {
    // The subscription id is the one the bench subscriber uses; every socket gets identical bytes.
    const message = Buffer.from(`{"id":"1","type":"next","payload":{"data":{"incidentChanged":${JSON.stringify(event)}}}}`);
    for (const socket of wss.clients) if (socket.readyState === WebSocket.OPEN) socket.send(message, { binary: false });
  },
  () => wss.clients.size,
);
const wss = new WebSocketServer({ server, path: '/graphql', perMessageDeflate: false });
listenFromEnv(server, 'raw-ws-broadcast');
