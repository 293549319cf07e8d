import type { DragBatch, DragFrame } from '@samenspel/game-core';

/**
 * Relays live drag positions. A room's frames go out at once when the room is quiet; when
 * frames arrive faster than one per window, the room coalesces them and sends only the latest
 * position per piece at the end of the window. Queues are bounded by the number of pieces.
 */
export class DragRelay {
  private readonly rooms = new Map<string, { pending: Map<string, DragBatch['frames'][number]>; timer: NodeJS.Timeout | null; last: number }>();
  /** Frames accepted and batches sent, for the benchmark's figures. */
  readonly stats = { frames: 0, coalesced: 0, batches: 0 };

  constructor(
    private readonly windowMs: number,
    private readonly send: (sessionId: string, tableId: string, batch: DragBatch) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  enqueue(sessionId: string, frame: DragFrame, by: string): void {
    this.stats.frames++;
    let room = this.rooms.get(sessionId);
    if (!room) {
      room = { pending: new Map(), timer: null, last: -Infinity };
      this.rooms.set(sessionId, room);
    }
    const key = `${frame.tableId}:${frame.kind}:${frame.id}`;
    if (room.pending.has(key)) this.stats.coalesced++;
    room.pending.set(key, { ...frame, by });
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
    const byTable = new Map<string, DragBatch['frames']>();
    for (const frame of room.pending.values()) {
      const list = byTable.get(frame.tableId) ?? [];
      list.push(frame);
      byTable.set(frame.tableId, list);
    }
    room.pending.clear();
    for (const [tableId, frames] of byTable) {
      this.stats.batches++;
      this.send(sessionId, tableId, { frames });
    }
  }

  close(): void {
    for (const room of this.rooms.values()) if (room.timer) clearTimeout(room.timer);
    this.rooms.clear();
  }
}
