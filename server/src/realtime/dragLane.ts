import type { Socket } from 'socket.io';

/** A `piece:drag` event on the main namespace without an ack id, as Socket.IO writes it, up to the payload. */
const DRAG_PACKET = '2["piece:drag",';
const CLOSE_BRACKET = 0x5d;
const DISCONNECT = 0x31;
const SLASH = 0x2f;
/**
 * A drag frame is five short fields (ids of at most 64 characters): far under this. Anything
 * longer takes the generic path, so a packet that fails here is never parsed twice at length.
 */
const MAX_LANE_PACKET = 512;

/** The lane a connection has, so a socket that rejoins on the same connection takes it over. */
interface Lane {
  listener: (data: unknown) => void;
  /** Socket.IO's own reader of the connection's data (`Client.ondata`). */
  toSocketIo: (data: unknown) => void;
}
const lanes = new WeakMap<object, Lane>();

interface ClientInternals {
  ondata?: unknown;
  /** socket.io-parser's decoder; `reconstructor` is set while a binary packet waits for its attachments. */
  decoder?: { reconstructor?: unknown };
}

/**
 * Hands a connection's `piece:drag` events to `onDrag` straight from Engine.IO, ahead of
 * Socket.IO's generic path. That path scans the packet character by character, runs the
 * any-listeners and middleware, and defers each event by two `process.nextTick`s: at overload
 * (24,000 frames a second on one core) it cost more than the JSON parse it wraps
 * (docs/performance.md, "Drag frames past Socket.IO's decoder").
 *
 * Only a short packet of exactly the shape `2["piece:drag",<one JSON value>]` is taken, which
 * is what the generic decoder would hand the `piece:drag` listener as its one argument.
 * Anything else goes to Socket.IO unchanged, to be read, refused or dropped as before: an ack
 * id, another namespace, extra arguments, bad JSON, binary data and what follows a binary
 * packet's header until its attachments are in, and everything after the socket leaves the
 * namespace (or sends the packet that leaves it).
 *
 * One difference stays: Socket.IO handles each event two ticks after it arrived, the lane at
 * once, so a drag can be handled before packets that came just ahead of it in the same read.
 * Nothing depends on that order: actions are applied after their storage write anyway.
 *
 * Returns false, and changes nothing, when the connection does not deliver data the way this
 * Socket.IO version does (a Client `ondata` listening on the Engine.IO socket); drags then
 * take the generic path.
 */
export function takeDragsFirst(socket: Socket, onDrag: (payload: unknown) => void): boolean {
  const conn = socket.conn;
  const client = socket.client as unknown as ClientInternals;
  const previous = lanes.get(conn);
  let toSocketIo: (data: unknown) => void;
  if (previous) {
    // The same connection joined the namespace again: the new socket takes the lane over.
    conn.off('data', previous.listener);
    toSocketIo = previous.toSocketIo;
  } else {
    const generic = client.ondata;
    if (typeof generic !== 'function' || !conn.listeners('data').includes(generic)) return false;
    toSocketIo = generic as (data: unknown) => void;
    conn.off('data', toSocketIo);
  }
  let left = false;
  const listener = (data: unknown) => {
    if (
      typeof data !== 'string' ||
      left ||
      !socket.connected ||
      data.length > MAX_LANE_PACKET ||
      !data.startsWith(DRAG_PACKET) ||
      data.charCodeAt(data.length - 1) !== CLOSE_BRACKET ||
      client.decoder?.reconstructor
    ) {
      // A disconnect from the main namespace ends the socket a tick later; drags behind it in
      // this read must not slip through meanwhile.
      if (typeof data === 'string' && data.charCodeAt(0) === DISCONNECT && data.charCodeAt(1) !== SLASH) left = true;
      toSocketIo(data);
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(data.slice(DRAG_PACKET.length, -1));
    } catch {
      // Not one JSON value (extra arguments, or not JSON at all): Socket.IO decides.
      toSocketIo(data);
      return;
    }
    onDrag(payload);
  };
  conn.on('data', listener);
  lanes.set(conn, { listener, toSocketIo });
  return true;
}
