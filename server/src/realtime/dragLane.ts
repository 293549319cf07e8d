import type { Socket } from 'socket.io';

/** A `piece:drag` event on the main namespace without an ack id, as Socket.IO writes it, up to the payload. */
const DRAG_PACKET = '2["piece:drag",';
const CLOSE_BRACKET = 0x5d;

/**
 * Hands a connection's `piece:drag` events to `onDrag` straight from Engine.IO, ahead of
 * Socket.IO's generic path. That path scans the packet character by character, runs the
 * any-listeners and middleware, and schedules two `process.nextTick`s per event: at overload
 * (24,000 frames a second on one core) it cost about as much as the JSON parse it wraps
 * (docs/performance.md, "Drag frames past Socket.IO's decoder").
 *
 * Only the exact shape `2["piece:drag",<one JSON value>]` is taken, which is what the generic
 * decoder would hand the `piece:drag` listener as its one argument. Anything else — an ack id,
 * another namespace, extra arguments, bad JSON, binary data, or a socket that has left the
 * namespace — goes to Socket.IO unchanged, so it is refused or dropped as before.
 *
 * Returns false, and changes nothing, when the connection does not deliver data the way this
 * Socket.IO version does (a Client `ondata` listening on the Engine.IO socket); drags then
 * take the generic path.
 */
export function takeDragsFirst(socket: Socket, onDrag: (payload: unknown) => void): boolean {
  const generic = (socket.client as unknown as { ondata?: unknown }).ondata;
  const conn = socket.conn;
  if (typeof generic !== 'function' || !conn.listeners('data').includes(generic)) return false;
  const toSocketIo = generic as (data: unknown) => void;
  conn.off('data', toSocketIo);
  conn.on('data', (data: unknown) => {
    if (typeof data !== 'string' || !socket.connected || !data.startsWith(DRAG_PACKET) || data.charCodeAt(data.length - 1) !== CLOSE_BRACKET) {
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
  });
  return true;
}
