import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { round } from '@samenspel/game-core';
import type { Socket } from './lib/clients';
import type { BenchChild } from './lib/child';
import type { MemorySample, QueueSample, LoadSample } from './lib/probe';
import { busyCores, machineCpu } from './lib/machine';
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
  histogram: Histogram;
  /** How many runs were merged into this result. */
  rounds: number;
  framesSent: number;
  batchesReceived: number;
  echoes: number;
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
  /**
   * This process: its CPU, and how late its event loop ran (p99, ms). Every frame's arrival is
   * timed here, so a late loop here adds to the latencies as much as one in the server.
   */
  generator: { elu: number; cpu: number; loopDelayP99: number };
  /** Cores busy with anything else on the machine (other processes, the kernel) while measuring. */
  otherCores: number;
  memory?: { before: MemorySample; during: MemorySample[]; after: MemorySample; queues: QueueSample[]; queuesAfter: QueueSample };
}

/** Positions carry the frame's sequence number in x and the run's id in y. */
const X0 = -1.25;
/** As a tablet sends them: four decimals (game-core's `round`), not 17 significant digits. */
const encodeX = (seq: number) => round(X0 + seq * 0.001);
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
  const y = round(-1 + runId * 0.01);
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

  const memory: DragRunResult['memory'] | undefined = o.sampleMemory
    ? { before: await o.server.request<MemorySample>('memory', { gc: true }), during: [], after: undefined as never, queues: [], queuesAfter: undefined as never }
    : undefined;

  const period = 1000 / o.hz;
  const start = performance.now();
  const stopAt = start + o.warmupMs + o.measureMs;
  const send = (sender: (typeof senders)[number]) => {
    const seq = sender.lastSeq + 1;
    if (seq > MAX_SEQ) return;
    const frame = { tableId: sender.member.tableId, kind: 'token', id: sender.member.pieceId, x: encodeX(seq), y };
    if (!sender.member.socket.connected) {
      clientDropped++;
      return;
    }
    sender.lastSeq = seq;
    const now = performance.now();
    sender.sentAt[seq] = now;
    if (now >= measureStart && now < measureEnd) sender.measured++;
    // A tablet sends frames volatile, which on an open WebSocket means: sent now. So does this.
    sender.member.socket.emit('piece:drag', frame);
  };
  // One ticker for every dragger, each on its own phase within the 33 ms period. A dragger that
  // fell behind (this process was busy) sends once and carries on from now: like a tablet, it
  // never bursts to catch up, so the frames-in figure shows when the generator could not keep up.
  const next = senders.map(() => start + Math.random() * period);
  const done = senders.map(() => false);
  let remaining = senders.length;
  const allStopped = new Promise<void>((resolveStopped) => {
    const ticker = setInterval(() => {
      const now = performance.now();
      for (let i = 0; i < senders.length; i++) {
        if (done[i] || now < next[i]!) continue;
        if (now >= stopAt) {
          send(senders[i]!); // the final frame: every observer must end on it
          done[i] = true;
          remaining--;
          continue;
        }
        send(senders[i]!);
        next[i] = Math.max(next[i]! + period, now);
      }
      if (remaining === 0) {
        clearInterval(ticker);
        resolveStopped();
      }
    }, 2);
    handlers.push(() => clearInterval(ticker));
  });

  // Warm-up: connections settle, JIT warms, the first coalescing windows open.
  await sleep(o.warmupMs);
  await o.server.request('resetLoad');
  const genDelay = monitorEventLoopDelay({ resolution: 5 });
  genDelay.enable();
  const genElu = performance.eventLoopUtilization();
  const genCpu = process.cpuUsage();
  const machineFrom = machineCpu();
  measureStart = performance.now();
  measuring = true;
  measureEnd = stopAt;

  let sampler: NodeJS.Timeout | null = null;
  if (memory) {
    sampler = setInterval(() => {
      void o.server.request<MemorySample>('memory').then((m) => memory.during.push(m), () => {});
      void o.server.request<QueueSample>('queues').then((q) => memory.queues.push(q), () => {});
    }, 1000);
  }
  await allStopped;
  const measuredWall = performance.now() - measureStart;
  const machineTo = machineCpu();
  const server = await o.server.request<DragRunResult['server']>('load');
  const genLoad = {
    elu: performance.eventLoopUtilization(genElu).utilization,
    cpu: ((u) => (u.user + u.system) / 1000 / measuredWall)(process.cpuUsage(genCpu)),
    loopDelayP99: genDelay.percentile(99) / 1e6,
  };
  genDelay.disable();
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
  const seconds = (measureEnd - measureStart) / 1000;
  let framesSent = 0;
  for (const sender of senders) framesSent += sender.measured;
  return {
    label: o.label,
    tables: o.tables.length,
    socketsPerTable: perTable,
    draggersPerTable: o.draggersPerTable,
    latency: histogram.summary(),
    histogram,
    rounds: 1,
    framesSent,
    batchesReceived,
    echoes,
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
    otherCores: Math.max(0, busyCores(machineFrom, machineTo) - genLoad.cpu - server.cpu),
    ...(memory ? { memory } : {}),
  };
}

/** Several rounds of the same run as one result: latencies pooled, rates over the total time. */
export function mergeDrag(runs: DragRunResult[]): DragRunResult {
  const first = runs[0]!;
  if (runs.length === 1) return first;
  const histogram = new Histogram();
  for (const r of runs) histogram.merge(r.histogram);
  const sum = (f: (r: DragRunResult) => number) => runs.reduce((a, r) => a + f(r), 0);
  const mean = (f: (r: DragRunResult) => number) => sum(f) / runs.length;
  const seconds = sum((r) => r.measureSeconds);
  const observers = first.tables * first.socketsPerTable;
  const relays = runs.map((r) => r.server.relay).filter((x) => x !== undefined);
  const memories = runs.map((r) => r.memory).filter((x) => x !== undefined);
  return {
    ...first,
    latency: histogram.summary(),
    histogram,
    rounds: runs.length,
    framesSent: sum((r) => r.framesSent),
    batchesReceived: sum((r) => r.batchesReceived),
    echoes: sum((r) => r.echoes),
    measureSeconds: seconds,
    framesInPerSec: sum((r) => r.framesSent) / seconds,
    framesOutPerSec: sum((r) => r.delivered) / seconds,
    messagesInPerObserverPerSec: sum((r) => r.batchesReceived) / seconds / observers,
    delivered: sum((r) => r.delivered),
    expected: sum((r) => r.expected),
    echoesPerSec: sum((r) => r.echoes) / seconds,
    clientDropped: sum((r) => r.clientDropped),
    lastPosition: {
      pairs: sum((r) => r.lastPosition.pairs),
      missed: sum((r) => r.lastPosition.missed),
      staleBy: Math.max(...runs.map((r) => r.lastPosition.staleBy)),
    },
    server: {
      elu: mean((r) => r.server.elu),
      cpu: mean((r) => r.server.cpu),
      loopDelayP99: Math.max(...runs.map((r) => r.server.loopDelayP99)),
      loopDelayMax: Math.max(...runs.map((r) => r.server.loopDelayMax)),
      wallMs: sum((r) => r.server.wallMs),
      ...(relays.length > 0
        ? { relay: { frames: relays.reduce((a, x) => a + x.frames, 0), coalesced: relays.reduce((a, x) => a + x.coalesced, 0), batches: relays.reduce((a, x) => a + x.batches, 0) } }
        : {}),
    },
    generator: { elu: mean((r) => r.generator.elu), cpu: mean((r) => r.generator.cpu), loopDelayP99: Math.max(...runs.map((r) => r.generator.loopDelayP99)) },
    otherCores: mean((r) => r.otherCores),
    ...(memories.length > 0
      ? {
          memory: {
            before: memories[0]!.before,
            during: memories.flatMap((m) => m.during),
            after: memories.at(-1)!.after,
            queues: memories.flatMap((m) => m.queues),
            queuesAfter: memories.at(-1)!.queuesAfter,
          },
        }
      : {}),
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
