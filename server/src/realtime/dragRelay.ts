import { isReservedKey, MAT_HALF, type DragBatch } from '@samenspel/game-core';

export type RelayedFrame = DragBatch['frames'][number];

/** Flushes after which a table that had no frames is forgotten. */
const IDLE_TURNS = 4096;

/*
 * A table is hot when its frames come faster than HOT_RATE a second for longer than HOT_BURST
 * frames: more than four people dragging at 30 Hz, twice the design load. A hot table sends
 * one batch per HOT_WINDOW_MS with the latest position per piece instead of one per
 * event-loop turn. Below that rate nothing waits.
 *
 * The window is 24 ms, not a 60 Hz frame: at overload (all eight of a table dragging) the
 * server and its readers are short of CPU, a batch costs one socket write per reader, and the
 * timer fires late by up to a busy event-loop turn anyway. 22–24 ms windows had a shorter
 * tail than 16 ms in three side-by-side runs of four (docs/performance.md, "Overload under
 * 50 ms"). Every reader still gets a batch more often than a dragger sends (30 Hz).
 */
const HOT_RATE = 120;
const HOT_BURST = 12;
export const HOT_WINDOW_MS = 24;

/**
 * The part of an Engine.IO connection the relay writes to. `write`'s callback runs once the
 * transport has taken the message (for a WebSocket: handed to the kernel), so a connection
 * with a callback outstanding is one whose writes are backed up.
 */
export interface DragConnection {
  write(data: string, options: { wsPreEncodedFrame?: Buffer[] }, callback: () => void): unknown;
}

export interface DragRelayTargets {
  /** Ids of the connections that hear a table's drags, or undefined when none do. */
  members(sessionId: string, tableId: string): Iterable<string> | undefined;
  connection(id: string): DragConnection | undefined;
  /**
   * Hosted mode: takes each flushed batch of this process's own frames to the other processes,
   * which relay them to their connections as frames from REMOTE_ORIGIN.
   */
  share?(sessionId: string, tableId: string, frames: RelayedFrame[]): void;
  /** Whether a connection may see a restricted frame's piece (a private card, say). */
  mayHear(id: string, sessionId: string, frame: RelayedFrame): boolean;
}

/** The origin of frames another process relayed here: they are not shared back. */
export const REMOTE_ORIGIN = 'remote';

/** A frame waiting for its batch, with the connection it came from. */
interface Pending {
  frame: RelayedFrame;
  origin: string;
  /** Only connections that `mayHear` it get this frame. */
  restricted: boolean;
}

interface TableQueue {
  sessionId: string;
  tableId: string;
  /** Latest frame per piece, by hold key. */
  frames: Map<string, Pending>;
  due: boolean;
  /** The flush this table last had frames in, so an idle table's entry can go. */
  lastTurn: number;
  /** Frames the table may still take before it counts as hot; refilled at HOT_RATE a second. */
  allowance: number;
  refilledAt: number;
  hot: boolean;
  timer: NodeJS.Timeout | null;
}

/** A connection the relay has written to; kept until it closes. */
interface Outlet {
  /** Set from a write until its transport has taken it. */
  writing: boolean;
  /** Latest frame per piece that arrived while writing. */
  backlog: Map<string, RelayedFrame>;
  onSent: () => void;
}

/**
 * Relays live drag positions. Frames go out at the end of the event-loop turn they arrived in,
 * merged per table with whatever else arrived in the same turn, to every connection at the
 * table whose previous drag write has been taken by its transport. A connection that is still
 * writing (a slow reader, or a server short of CPU) is not sent to and not dropped from: it
 * keeps only the latest position per piece and gets them in one batch as soon as its write is
 * done. So at ordinary load nothing waits for a timer, and every observer ends on every
 * dragger's last position. Only a hot table (far above the design load, see HOT_RATE) is paced
 * to one batch per window. Queues are bounded by the number of pieces at a table.
 */
export class DragRelay {
  /** Session id → table id → queue. */
  private readonly sessions = new Map<string, Map<string, TableQueue>>();
  private turn = 0;
  private readonly due: TableQueue[] = [];
  private readonly outlets = new Map<string, Outlet>();
  private immediate: NodeJS.Immediate | null = null;
  private closed = false;
  /** Frames accepted, frames replaced by a newer one before sending, and messages written. */
  readonly stats = { frames: 0, coalesced: 0, batches: 0 };

  constructor(
    private readonly targets: DragRelayTargets,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * `key` names the piece (one hold key per piece); `origin` names the sending connection,
   * which is not sent its own frames back. A `restricted` frame (a piece not everyone at the
   * table may see) goes only to connections that `mayHear` it.
   */
  enqueue(sessionId: string, key: string, frame: RelayedFrame, origin: string, restricted = false): void {
    if (this.closed) return;
    this.stats.frames++;
    let tables = this.sessions.get(sessionId);
    if (!tables) this.sessions.set(sessionId, (tables = new Map()));
    let table = tables.get(frame.tableId);
    if (!table) {
      table = { sessionId, tableId: frame.tableId, frames: new Map(), due: false, lastTurn: this.turn, allowance: HOT_BURST, refilledAt: this.now(), hot: false, timer: null };
      tables.set(frame.tableId, table);
    }
    const now = this.now();
    table.allowance = Math.min(HOT_BURST, table.allowance + ((now - table.refilledAt) * HOT_RATE) / 1000) - 1;
    table.refilledAt = now;
    if (table.allowance < 0) {
      table.hot = true;
      table.allowance = Math.max(table.allowance, -HOT_BURST);
    }
    const pending = table.frames.get(key);
    if (pending) {
      this.stats.coalesced++;
      pending.frame = frame;
      pending.origin = origin;
      pending.restricted = restricted;
    } else table.frames.set(key, { frame, origin, restricted });
    if (table.due) return;
    table.due = true;
    if (table.hot) {
      const hot = table;
      hot.timer = setTimeout(() => this.flushHot(hot), HOT_WINDOW_MS);
      return;
    }
    this.due.push(table);
    this.immediate ??= setImmediate(this.flushDue);
  }

  /** Forgets a closed connection. */
  forget(connectionId: string): void {
    this.outlets.delete(connectionId);
  }

  close(): void {
    this.closed = true;
    for (const tables of this.sessions.values()) for (const table of tables.values()) if (table.timer) clearTimeout(table.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = null;
    this.sessions.clear();
    this.due.length = 0;
    this.outlets.clear();
  }

  /** One setImmediate serves every table with frames from this turn. */
  private readonly flushDue = (): void => {
    this.immediate = null;
    const due = this.due.splice(0);
    const turn = ++this.turn;
    for (const table of due) {
      table.lastTurn = turn;
      this.flushTable(table);
    }
    if (turn % IDLE_TURNS === 0) this.forgetIdleTables();
  };

  /** A hot table's window ended: send its latest positions, and cool it if its rate dropped. */
  private flushHot(table: TableQueue): void {
    table.timer = null;
    table.lastTurn = this.turn;
    this.flushTable(table);
    const now = this.now();
    table.allowance = Math.min(HOT_BURST, table.allowance + ((now - table.refilledAt) * HOT_RATE) / 1000);
    table.refilledAt = now;
    if (table.allowance > 0) table.hot = false;
  }

  /** Sessions and tables come and go; one without drags for a while keeps no entry. */
  private forgetIdleTables(): void {
    for (const [sessionId, tables] of this.sessions) {
      for (const [tableId, table] of tables) if (!table.due && this.turn - table.lastTurn >= IDLE_TURNS) tables.delete(tableId);
      if (tables.size === 0) this.sessions.delete(sessionId);
    }
  }

  private flushTable(table: TableQueue): void {
    table.due = false;
    const pending = [...table.frames.values()];
    table.frames.clear();
    if (this.targets.share) {
      const own: RelayedFrame[] = [];
      for (const p of pending) if (p.origin !== REMOTE_ORIGIN) own.push(p.frame);
      if (own.length > 0) this.targets.share(table.sessionId, table.tableId, own);
    }
    const members = this.targets.members(table.sessionId, table.tableId);
    if (!members || pending.length === 0) return;
    // A batch of one connection's frames is not sent back to it: a dragger ignores frames of
    // its own piece, and at a table of eight that saves one write in eight.
    let origin: string | null = pending[0]!.origin;
    let restricted = false;
    const frames: RelayedFrame[] = [];
    for (const p of pending) {
      frames.push(p.frame);
      if (p.origin !== origin) origin = null;
      if (p.restricted) restricted = true;
    }
    let message: Message | null = null;
    for (const id of members) {
      if (id === origin) continue;
      // Rare (a private card being dragged): filter and encode per connection.
      const mine = restricted ? pending.filter((p) => !p.restricted || this.targets.mayHear(id, table.sessionId, p.frame)) : pending;
      if (mine.length === 0) continue;
      let outlet = this.outlets.get(id);
      if (outlet?.writing) {
        for (const p of mine) if (p.origin !== id) outlet.backlog.set(keyOf(p.frame), p.frame);
        continue;
      }
      const connection = this.targets.connection(id);
      if (!connection) continue;
      if (!outlet) {
        const created: Outlet = { writing: false, backlog: new Map(), onSent: () => this.sent(id, created) };
        this.outlets.set(id, (outlet = created));
      }
      if (restricted) this.write(connection, outlet, encode(mine.map((p) => p.frame)));
      else {
        message ??= encode(frames);
        this.write(connection, outlet, message);
      }
    }
  }

  private write(connection: DragConnection, outlet: Outlet, message: Message): void {
    this.stats.batches++;
    outlet.writing = true;
    connection.write(message.data, message.options, outlet.onSent);
  }

  /** The transport took the last write: send what piled up meanwhile, or mark the connection free. */
  private sent(id: string, outlet: Outlet): void {
    outlet.writing = false;
    if (outlet.backlog.size === 0 || this.closed || this.outlets.get(id) !== outlet) return;
    const frames = [...outlet.backlog.values()];
    outlet.backlog.clear();
    const connection = this.targets.connection(id);
    if (connection) this.write(connection, outlet, encode(frames));
  }
}

const keyOf = (f: RelayedFrame) => `${f.tableId}:${f.kind}:${f.id}`;

interface Message {
  /** The Socket.IO packet: an event on the main namespace. */
  data: string;
  /** The same as one WebSocket text frame, built once for every recipient. */
  options: { wsPreEncodedFrame: Buffer[] };
}

/**
 * Encodes a `pieces:dragged` event once for all its recipients. Engine.IO's WebSocket
 * transport sends a `wsPreEncodedFrame` as is, the way Socket.IO's own broadcasts do; any other
 * transport (long-polling before the upgrade) encodes `data` itself.
 */
function encode(frames: RelayedFrame[]): Message {
  const batch: DragBatch = { frames };
  const data = `2["pieces:dragged",${JSON.stringify(batch)}]`;
  // The payload is "4" (the Engine.IO message type) and then `data`, as UTF-8 (ids may hold
  // any character), written straight into the frame: one buffer per batch, no copy.
  const n = 1 + Buffer.byteLength(data);
  const head = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const buf = Buffer.allocUnsafe(head + n);
  buf[0] = 0x81; // FIN + text
  if (n < 126) buf[1] = n;
  else if (n < 65536) {
    buf[1] = 126;
    buf.writeUInt16BE(n, 2);
  } else {
    buf[1] = 127;
    buf.writeUInt32BE(0, 2);
    buf.writeUInt32BE(n, 6);
  }
  buf[head] = 0x34; // "4"
  buf.write(data, head + 1);
  return { data, options: { wsPreEncodedFrame: [buf] } };
}

/**
 * The hot-path check of a `piece:drag` frame: the same rules as game-core's `dragFrameSchema`
 * (exactly these five fields, ids of 1–64 characters that are not names every object inherits,
 * finite coordinates on the mat), written
 * out so that 30 frames a second per dragger cost no schema walk and no error objects. Returns
 * the frame to relay, with `by` left for the caller, or null.
 */
export function readDragFrame(raw: unknown): RelayedFrame | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const f = raw as Record<string, unknown>;
  let fields = 0;
  for (const k in f) {
    if (k !== 'tableId' && k !== 'kind' && k !== 'id' && k !== 'x' && k !== 'y') return null;
    fields++;
  }
  if (fields !== 5) return null;
  const { tableId, kind, id, x, y } = f;
  if (typeof tableId !== 'string' || tableId.length < 1 || tableId.length > 64 || isReservedKey(tableId)) return null;
  if (typeof id !== 'string' || id.length < 1 || id.length > 64 || isReservedKey(id)) return null;
  if (kind !== 'token' && kind !== 'card') return null;
  if (typeof x !== 'number' || !(x >= -MAT_HALF && x <= MAT_HALF)) return null;
  if (typeof y !== 'number' || !(y >= -MAT_HALF && y <= MAT_HALF)) return null;
  return { tableId, kind, id, x, y, by: '' };
}

export const DRAG_FRAME_SHAPE = `a drag frame is {tableId, kind: 'token' | 'card', id, x, y} with x and y within ±${MAT_HALF}`;
