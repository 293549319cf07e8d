import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import type { BenchChild } from './lib/child';
import type { MemorySample, QueueSample, LoadSample } from './lib/probe';
import { Histogram, type LatencySummary } from './lib/stats';

/** One person at a table: the socket and the token they may drag (their own role's). */
export interface DragMember {
  socket: Socket;
  tableId: string;
  pieceId: string;
}

export interface DragRunOptions {
  label: string;
  tables: DragMember[][];
  /** The first this-many members of each table drag. */
  draggersPerTable: number;
  hz: number;
  warmupMs: number;
  measureMs: number;
  drainMs: number;
  server: BenchChild;
  /** Sample the server's memory and send queues once a second during the run. */
  sampleMemory?: boolean;
}

export interface DragRunResult {
  label: string;
  tables: number;
  socketsPerTable: number;
  draggersPerTable: number;
  latency: LatencySummary;
  measureSeconds: number;
  framesInPerSec: number;
  framesOutPerSec: number;
  messagesInPerObserverPerSec: number;
  delivered: number;
  expected: number;
  /** Frames the server sent back to the socket that dragged them (ignored by clients). */
  echoesPerSec: number;
  clientDropped: number;
  lastPosition: { pairs: number; missed: number; staleBy: number };
  server: LoadSample & { relay?: { frames: number; coalesced: number; batches: number } };
  generator: { elu: number; cpu: number };
  memory?: { before: MemorySample; during: MemorySample[]; after: MemorySample; queues: QueueSample[]; queuesAfter: QueueSample };
}

/** Positions carry the frame's sequence number in x and the run's id in y. */
const X0 = -1.25;
const encodeX = (seq: number) => X0 + seq * 0.001;
const decodeX = (x: number) => Math.round((x - X0) * 1000);
const MAX_SEQ = 2500;

let runCounter = 0;

/**
 * Drags tokens at `hz` from the first `draggersPerTable` members of every table and times each
 * frame from the moment its sender emitted it to the moment each other member at the table
 * received it. Sender and receivers live in this process, so one clock serves both ends.
 */
export async function runDrag(o: DragRunOptions): Promise<DragRunResult> {
  const runId = ++runCounter;
  const y = -1 + runId * 0.01;
  const perTable = o.tables[0]?.length ?? 0;
  const senders: { member: DragMember; table: number; local: number; sentAt: Float64Array; lastSeq: number; measured: number }[] = [];
  const senderOf = o.tables.map(() => new Map<string, number>());
  o.tables.forEach((members, t) => {
    members.slice(0, o.draggersPerTable).forEach((member, local) => {
      senderOf[t]!.set(member.pieceId, senders.length);
      senders.push({ member, table: t, local, sentAt: new Float64Array(MAX_SEQ + 1).fill(NaN), lastSeq: -1, measured: 0 });
    });
  });

  const histogram = new Histogram();
  let measuring = false;
  let measureStart = Infinity;
  let measureEnd = Infinity;
  let delivered = 0;
  let echoes = 0;
  let batchesReceived = 0;
  let clientDropped = 0;
  // lastSeen[observer * perTable + senderLocal]: the newest sequence each observer saw from each dragger.
  const observers = o.tables.flat();
  const lastSeen = new Int32Array(observers.length * o.draggersPerTable).fill(-1);

  const handlers: (() => void)[] = [];
  observers.forEach((member, obsIndex) => {
    const table = Math.floor(obsIndex / perTable);
    const map = senderOf[table]!;
    const onBatch = (batch: { frames: { id: string; x: number; y: number }[] }) => {
      const now = performance.now();
      if (measuring) batchesReceived++;
      for (const frame of batch.frames) {
        if (frame.y !== y) continue;
        const g = map.get(frame.id);
        if (g === undefined) continue;
        const sender = senders[g]!;
        if (sender.member === member) {
          if (measuring) echoes++;
          continue;
        }
        const seq = decodeX(frame.x);
        const slot = obsIndex * o.draggersPerTable + sender.local;
        if (seq > lastSeen[slot]!) lastSeen[slot] = seq;
        const sentAt = sender.sentAt[seq]!;
        if (sentAt >= measureStart && sentAt < measureEnd) {
          histogram.record(now - sentAt);
          delivered++;
        }
      }
    };
    member.socket.on('pieces:dragged', onBatch);
    handlers.push(() => member.socket.off('pieces:dragged', onBatch));
  });

  const period = 1000 / o.hz;
  const start = performance.now();
  const stopAt = start + o.warmupMs + o.measureMs;
  let intervalsLeft = senders.length;
  const allStopped = new Promise<void>((resolveStopped) => {
    for (const sender of senders) {
      const send = (final: boolean) => {
        const seq = sender.lastSeq + 1;
        if (seq > MAX_SEQ) return;
        const frame = { tableId: sender.member.tableId, kind: 'token', id: sender.member.pieceId, x: encodeX(seq), y };
        const engine = sender.member.socket.io.engine as unknown as { transport?: { writable?: boolean } };
        if (!final && engine.transport?.writable === false) {
          // socket.io-client would drop a volatile frame here; count it, do not time it.
          clientDropped++;
          return;
        }
        sender.lastSeq = seq;
        const now = performance.now();
        sender.sentAt[seq] = now;
        if (now >= measureStart && now < measureEnd) sender.measured++;
        // The final frame must reach the server: it is the position every observer has to end on.
        if (final) sender.member.socket.emit('piece:drag', frame);
        else sender.member.socket.volatile.emit('piece:drag', frame);
      };
      const offset = Math.random() * period;
      const first = setTimeout(() => {
        const timer = setInterval(() => {
          if (performance.now() >= stopAt) {
            clearInterval(timer);
            send(true);
            if (--intervalsLeft === 0) resolveStopped();
            return;
          }
          send(false);
        }, period);
        send(false);
      }, offset);
      handlers.push(() => clearTimeout(first));
    }
  });

  const memory: DragRunResult['memory'] | undefined = o.sampleMemory
    ? { before: await o.server.request<MemorySample>('memory', { gc: true }), during: [], after: undefined as never, queues: [], queuesAfter: undefined as never }
    : undefined;

  // Warm-up: connections settle, JIT warms, the first coalescing windows open.
  await sleep(o.warmupMs);
  await o.server.request('resetLoad');
  const genElu = performance.eventLoopUtilization();
  const genCpu = process.cpuUsage();
  measureStart = performance.now();
  measuring = true;
  measureEnd = measureStart + o.measureMs;

  let sampler: NodeJS.Timeout | null = null;
  if (memory) {
    sampler = setInterval(() => {
      void o.server.request<MemorySample>('memory').then((m) => memory.during.push(m), () => {});
      void o.server.request<QueueSample>('queues').then((q) => memory.queues.push(q), () => {});
    }, 1000);
  }
  await allStopped;
  const measuredWall = Math.min(performance.now(), measureEnd) - measureStart;
  const server = await o.server.request<DragRunResult['server']>('load');
  const genLoad = {
    elu: performance.eventLoopUtilization(genElu).utilization,
    cpu: ((u) => (u.user + u.system) / 1000 / measuredWall)(process.cpuUsage(genCpu)),
  };
  if (sampler) clearInterval(sampler);
  // Frames still in flight arrive during the drain and count; later ones are lost.
  await sleep(o.drainMs);
  measuring = false;
  if (memory) {
    memory.queuesAfter = await o.server.request<QueueSample>('queues');
    memory.after = await o.server.request<MemorySample>('memory', { gc: true });
  }
  for (const off of handlers) off();

  let expected = 0;
  for (const sender of senders) expected += sender.measured * (perTable - 1);
  let missed = 0;
  let staleBy = 0;
  observers.forEach((member, obsIndex) => {
    const table = Math.floor(obsIndex / perTable);
    for (const sender of senders) {
      if (sender.table !== table || sender.member === member) continue;
      const seen = lastSeen[obsIndex * o.draggersPerTable + sender.local]!;
      if (seen !== sender.lastSeq) {
        missed++;
        staleBy = Math.max(staleBy, sender.lastSeq - seen);
      }
    }
  });
  const seconds = o.measureMs / 1000;
  let framesSent = 0;
  for (const sender of senders) framesSent += sender.measured;
  return {
    label: o.label,
    tables: o.tables.length,
    socketsPerTable: perTable,
    draggersPerTable: o.draggersPerTable,
    latency: histogram.summary(),
    measureSeconds: seconds,
    framesInPerSec: framesSent / seconds,
    framesOutPerSec: delivered / seconds,
    messagesInPerObserverPerSec: batchesReceived / seconds / observers.length,
    delivered,
    expected,
    echoesPerSec: echoes / seconds,
    clientDropped,
    lastPosition: { pairs: senders.length * (perTable - 1), missed, staleBy },
    server,
    generator: genLoad,
    ...(memory ? { memory } : {}),
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
