import type { DragBatch, DragFrame } from '@samenspel/game-core';

/** A frame waiting for its batch, with the connection it came from. */
type Pending = { frame: DragBatch['frames'][number]; origin: string };

/** How many batches a quiet room may send back to back before its window applies. */
const BURST = 2;

interface RelayRoom {
  pending: Map<string, Pending>;
  /** Set while the room waits for its window to end. */
  timer: NodeJS.Timeout | null;
  /** Set while the room waits for the end of this event-loop turn. */
  scheduled: boolean;
  /** Batches the room may send now; one comes back per window, up to BURST. */
  credit: number;
  refilledAt: number;
}

/**
 * Relays live drag positions. Frames go out at the end of the event-loop turn they arrived in,
 * merged with whatever else that room received in the same turn, so a room adds no waiting
 * while it sends less than one batch per window on average. A room that sends more, for
 * longer than a burst of two, is hot: it coalesces its frames and sends only the latest
 * position per piece once per window. Queues are bounded by the number of pieces.
 */
export class DragRelay {
  private readonly rooms = new Map<string, RelayRoom>();
  private readonly due = new Set<string>();
  private immediate: NodeJS.Immediate | null = null;
  private turns = 0;
  /** Frames accepted and batches sent, for the benchmark's figures. */
  readonly stats = { frames: 0, coalesced: 0, batches: 0 };

  constructor(
    private readonly windowMs: number,
    /** `origin` is the connection every frame of the batch came from, or null when several did. */
    private readonly send: (sessionId: string, tableId: string, batch: DragBatch, origin: string | null) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** `origin` names the sending connection, so a batch of only its own frames skips it. */
  enqueue(sessionId: string, frame: DragFrame, by: string, origin: string): void {
    this.stats.frames++;
    let room = this.rooms.get(sessionId);
    if (!room) {
      room = { pending: new Map(), timer: null, scheduled: false, credit: BURST, refilledAt: this.now() };
      this.rooms.set(sessionId, room);
    }
    const key = `${frame.tableId}:${frame.kind}:${frame.id}`;
    if (room.pending.has(key)) this.stats.coalesced++;
    room.pending.set(key, { frame: { ...frame, by }, origin });
    if (room.timer || room.scheduled) return;
    this.refill(room);
    if (room.credit >= 1) this.flushAtEndOfTurn(sessionId, room);
    else room.timer = setTimeout(() => this.flush(sessionId), (1 - room.credit) * this.windowMs);
  }

  flush(sessionId: string): void {
    const room = this.rooms.get(sessionId);
    if (!room) return;
    if (room.timer) clearTimeout(room.timer);
    room.timer = null;
    room.scheduled = false;
    if (room.pending.size === 0) return;
    this.refill(room);
    room.credit = Math.max(0, room.credit - 1);
    const byTable = new Map<string, { frames: DragBatch['frames']; origin: string | null }>();
    for (const { frame, origin } of room.pending.values()) {
      const batch = byTable.get(frame.tableId);
      if (!batch) byTable.set(frame.tableId, { frames: [frame], origin });
      else {
        batch.frames.push(frame);
        if (batch.origin !== origin) batch.origin = null;
      }
    }
    room.pending.clear();
    for (const [tableId, { frames, origin }] of byTable) {
      this.stats.batches++;
      this.send(sessionId, tableId, { frames }, origin);
    }
  }

  close(): void {
    for (const room of this.rooms.values()) if (room.timer) clearTimeout(room.timer);
    this.rooms.clear();
    this.due.clear();
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = null;
  }

  private refill(room: RelayRoom): void {
    const now = this.now();
    room.credit = Math.min(BURST, room.credit + (now - room.refilledAt) / this.windowMs);
    room.refilledAt = now;
  }

  /** One setImmediate serves every room with frames from this turn. */
  private flushAtEndOfTurn(sessionId: string, room: RelayRoom): void {
    room.scheduled = true;
    this.due.add(sessionId);
    this.immediate ??= setImmediate(() => {
      this.immediate = null;
      const ids = [...this.due];
      this.due.clear();
      for (const id of ids) this.flush(id);
      if (++this.turns % 1024 === 0) this.forgetIdleRooms();
    });
  }

  /** A room quiet for long enough has its full credit back; keep no entry for it. */
  private forgetIdleRooms(): void {
    const now = this.now();
    for (const [id, room] of this.rooms) {
      if (!room.timer && !room.scheduled && room.pending.size === 0 && now - room.refilledAt >= BURST * this.windowMs) this.rooms.delete(id);
    }
  }
}
