/**
 * The yardstick: a bare Socket.IO relay with the same engine settings as the real server. It
 * checks nothing, stores nothing and coalesces nothing; it forwards each drag frame to the rest
 * of the table with `socket.to(room).volatile.emit`, which is the least work a relay can do.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { MAX_MESSAGE_BYTES } from '@samenspel/game-core';
import { serveIpc } from './lib/child';
import { createProbe } from './lib/probe';

const http = createServer();
const io = new Server(http, {
  maxHttpBufferSize: MAX_MESSAGE_BYTES * 4,
  pingInterval: 10_000,
  pingTimeout: 8_000,
  serveClient: false,
});

let framesIn = 0;
io.on('connection', (socket) => {
  let room = '';
  let by = '';
  socket.on('bench:join', (req: { room: string; by: string }, ack: (ok: boolean) => void) => {
    room = req.room;
    by = req.by;
    void socket.join(room);
    ack(true);
  });
  socket.on('piece:drag', (frame: { tableId: string; kind: string; id: string; x: number; y: number }) => {
    if (!room) return;
    framesIn++;
    socket.to(room).volatile.emit('pieces:dragged', { frames: [{ ...frame, by }] });
  });
});

const probe = createProbe(() => io);
serveIpc({
  memory: (arg) => probe.memory(arg),
  resetLoad: () => {
    framesIn = 0;
    return probe.resetLoad();
  },
  load: () => ({ ...probe.load(), relay: { frames: framesIn, coalesced: 0, batches: framesIn } }),
  queues: () => probe.queues(),
});

http.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', port: (http.address() as AddressInfo).port });
});
process.on('SIGTERM', () => {
  io.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
