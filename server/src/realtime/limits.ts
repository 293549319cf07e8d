import type { Socket } from 'socket.io';
import type { Logger } from '../logger';

/*
 * The limits that keep one connection (or one address) from costing everybody else: how fast
 * it may ask for snapshots, how much may wait unread for it, how many guesses it gets, and how
 * much of the log its refusals may fill. See docs/architecture.md, "Trust and limits".
 */

/**
 * Bytes (and Socket.IO packets) waiting to be written to one connection: engine.io's write
 * buffer (packets it holds while the transport is busy) plus what the WebSocket has queued but
 * the kernel has not taken. A reader that stops reading makes both grow.
 */
export function outgoingBacklog(socket: Socket): { bytes: number; packets: number } {
  const conn = socket.conn as unknown as {
    writeBuffer?: { data?: unknown }[];
    transport?: { socket?: { bufferedAmount?: number } };
  };
  let bytes = 0;
  const buffer = conn.writeBuffer ?? [];
  for (const packet of buffer) {
    const data = packet.data;
    if (typeof data === 'string') bytes += data.length;
    else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) bytes += data.byteLength;
  }
  bytes += conn.transport?.socket?.bufferedAmount ?? 0;
  return { bytes, packets: buffer.length };
}

/**
 * A budget of bytes a connection may be sent in snapshots and sync replies: `burst` at once,
 * refilled at `perSecond`. One reply may overdraw it (a snapshot larger than what is left still
 * goes out whole); after that, requests are refused until it is back above zero.
 */
export class ByteBudget {
  private bytes: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.bytes = burst;
    this.last = now();
  }

  /** Whether there is budget left; does not spend it. */
  available(): boolean {
    const t = this.now();
    this.bytes = Math.min(this.burst, this.bytes + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    return this.bytes > 0;
  }

  spend(bytes: number): void {
    this.bytes -= bytes;
  }
}

/**
 * Drops a connection at once, with whatever it has not read. A plain `disconnect` waits for
 * the write buffer to drain, which a reader that never reads never does.
 */
export function cutOff(socket: Socket): void {
  const conn = socket.conn as unknown as { close(discard?: boolean): void; transport?: { socket?: { terminate?: () => void } } };
  const ws = conn.transport?.socket;
  socket.disconnect(true);
  conn.close(true);
  // A WebSocket close waits up to 30 s for the peer's answer, holding the unread bytes; end the TCP connection now.
  ws?.terminate?.();
}

/**
 * Counts events per key in a fixed window: wrong guesses (join codes, seat and host tokens) and
 * new sessions per address. For guesses the keys are
 * a connection, or an address together with the code or session it guesses at, never an
 * address alone: sixty tablets behind one venue router share an address, and one of them
 * guessing must not lock the others out.
 */
export class WindowCounter {
  private readonly counts = new Map<string, { n: number; resetAt: number }>();

  constructor(
    readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  blocked(key: string): boolean {
    const entry = this.counts.get(key);
    if (!entry) return false;
    if (entry.resetAt <= this.now()) {
      this.counts.delete(key);
      return false;
    }
    return entry.n >= this.max;
  }

  fail(key: string): void {
    const t = this.now();
    const entry = this.counts.get(key);
    if (!entry || entry.resetAt <= t) this.counts.set(key, { n: 1, resetAt: t + this.windowMs });
    else entry.n++;
    // Bounded memory under guesses from many addresses at many codes.
    if (this.counts.size > 10_000) {
      for (const [k, e] of this.counts) if (e.resetAt <= t) this.counts.delete(k);
      while (this.counts.size > 10_000) {
        const oldest = this.counts.keys().next().value;
        if (oldest === undefined) break;
        this.counts.delete(oldest);
      }
    }
  }
}

/**
 * Logs a connection's refusals without letting a fuzzing client fill the disk: the first
 * `firstN` are logged in full, after that one summary line per `everyMs` counts the rest by
 * code, and a last summary is written when the connection closes.
 */
export class RefusalLog {
  private logged = 0;
  private suppressed = new Map<string, number>();
  private suppressedTotal = 0;
  private lastSummary: number;

  constructor(
    private readonly logger: Logger,
    private readonly fields: Record<string, unknown>,
    private readonly firstN: number,
    private readonly everyMs: number,
    private readonly now: () => number,
  ) {
    this.lastSummary = now();
  }

  refused(event: string, code: string, message: string): void {
    if (this.logged < this.firstN) {
      this.logged++;
      this.logger.warn('request refused', { event, code, message, ...this.fields });
      return;
    }
    this.suppressed.set(code, (this.suppressed.get(code) ?? 0) + 1);
    this.suppressedTotal++;
    if (this.now() - this.lastSummary >= this.everyMs) this.flush();
  }

  /** Writes the summary of what was not logged since the last one, if anything. */
  flush(): void {
    this.lastSummary = this.now();
    if (this.suppressedTotal === 0) return;
    this.logger.warn('requests refused (not logged one by one)', {
      count: this.suppressedTotal,
      byCode: Object.fromEntries(this.suppressed),
      ...this.fields,
    });
    this.suppressed = new Map();
    this.suppressedTotal = 0;
  }
}

/**
 * Sends a room's presence at most once per `everyMs`: the first change goes out at once, and
 * changes during the quiet time after it go out as one message with the latest value at its
 * end. A rejoin flood otherwise turns into one `presence:changed` per join at every
 * facilitator and screen.
 */
export class Coalescer<K> {
  /** Rooms in their quiet time; true when a change waits for its end. */
  private readonly quiet = new Map<K, { timer: NodeJS.Timeout; dirty: boolean }>();

  constructor(
    private readonly everyMs: number,
    private readonly send: (key: K) => void,
  ) {}

  schedule(key: K): void {
    const entry = this.quiet.get(key);
    if (entry) {
      entry.dirty = true;
      return;
    }
    this.send(key);
    this.startQuiet(key);
  }

  private startQuiet(key: K): void {
    const timer = setTimeout(() => {
      const entry = this.quiet.get(key);
      this.quiet.delete(key);
      if (entry?.dirty) {
        this.send(key);
        this.startQuiet(key);
      }
    }, this.everyMs);
    timer.unref();
    this.quiet.set(key, { timer, dirty: false });
  }

  close(): void {
    for (const entry of this.quiet.values()) clearTimeout(entry.timer);
    this.quiet.clear();
  }
}
