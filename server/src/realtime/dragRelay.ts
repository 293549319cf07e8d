import type { DragBatch, DragFrame } from '@samenspel/game-core';

/** A frame waiting for its batch, with the connection it came from. */
type Pending = { frame: DragBatch['frames'][number]; origin: string };

/**
 * Relays live drag positions. A room's frames go out at once when the room is quiet; when
 * frames arrive faster than one per window, the room coalesces them and sends only the latest
 * position per piece at the end of the window. Queues are bounded by the number of pieces.
 */
export class DragRelay {
  private readonly rooms = new Map<string, { pending: Map<string, Pending>; timer: NodeJS.Timeout | null; last: number }>();
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
      room = { pending: new Map(), timer: null, last: -Infinity };
      this.rooms.set(sessionId, room);
    }
    const key = `${frame.tableId}:${frame.kind}:${frame.id}`;
    if (room.pending.has(key)) this.stats.coalesced++;
    room.pending.set(key, { frame: { ...frame, by }, origin });
    if (room.timer) return;
    const wait = this.windowMs - (this.now() - room.last);
    if (wait <= 0) this.flush(sessionId);
    else room.timer = setTimeout(() => this.flush(sessionId), wait);
  }

  flush(sessionId: string): void {
    const room = this.rooms.get(sessionId);
    if (!room) return;
    if (room.timer) clearTimeout(room.timer);
    room.timer = null;
    room.last = this.now();
    if (room.pending.size === 0) {
      this.rooms.delete(sessionId);
      return;
    }
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
  }
}
