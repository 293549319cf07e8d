import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { Server } from 'socket.io';

export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export interface LoadSample {
  /** Event-loop utilisation since the last reset, 0..1. */
  elu: number;
  /** CPU time used since the last reset, as a share of one core. */
  cpu: number;
  loopDelayP99: number;
  loopDelayMax: number;
  wallMs: number;
}

export interface QueueSample {
  clients: number;
  /** Engine.IO packets waiting because the transport was still busy (non-volatile only). */
  writeBufferPackets: number;
  maxWriteBufferPackets: number;
  /** Bytes the WebSocket library holds that the kernel has not taken yet. */
  wsBufferedBytes: number;
  maxWsBufferedBytes: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Measurements a bench child answers over IPC: memory, load and send queues. */
export function createProbe(io: () => Server | null) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let elu: EventLoopUtilization = performance.eventLoopUtilization();
  let cpu = process.cpuUsage();
  let since = performance.now();

  return {
    memory(arg: unknown): MemorySample {
      if ((arg as { gc?: boolean } | undefined)?.gc && gc) {
        // Twice: the first pass can leave finalised objects for the second.
        gc();
        gc();
      }
      const m = process.memoryUsage();
      return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers };
    },
    resetLoad(): null {
      delay.reset();
      elu = performance.eventLoopUtilization();
      cpu = process.cpuUsage();
      since = performance.now();
      return null;
    },
    load(): LoadSample {
      const wallMs = performance.now() - since;
      const used = process.cpuUsage(cpu);
      return {
        elu: performance.eventLoopUtilization(elu).utilization,
        cpu: (used.user + used.system) / 1000 / wallMs,
        loopDelayP99: delay.percentile(99) / 1e6,
        loopDelayMax: delay.max / 1e6,
        wallMs,
      };
    },
    queues(): QueueSample {
      const server = io();
      const sample: QueueSample = { clients: 0, writeBufferPackets: 0, maxWriteBufferPackets: 0, wsBufferedBytes: 0, maxWsBufferedBytes: 0 };
      if (!server) return sample;
      const clients = (server.engine as unknown as { clients: Record<string, { writeBuffer?: unknown[]; transport?: { socket?: { bufferedAmount?: number } } }> }).clients;
      for (const client of Object.values(clients)) {
        sample.clients++;
        const packets = client.writeBuffer?.length ?? 0;
        const bytes = client.transport?.socket?.bufferedAmount ?? 0;
        sample.writeBufferPackets += packets;
        sample.wsBufferedBytes += bytes;
        sample.maxWriteBufferPackets = Math.max(sample.maxWriteBufferPackets, packets);
        sample.maxWsBufferedBytes = Math.max(sample.maxWsBufferedBytes, bytes);
      }
      return sample;
    },
  };
}
