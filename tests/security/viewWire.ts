import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL } from './hostileClient';

/*
 * A client written from docs/protocol.md alone: plain socket.io-client, no game-core. It
 * records every message the server sends it (broadcasts and acks), so a test can search all of
 * it for what this viewer must never receive.
 */

/** The version docs/protocol.md states ("PROTOCOL_VERSION is N"). */
export { PROTOCOL };

export interface Listener {
  socket: Socket;
  /** Every message received, as JSON: `event payload` for broadcasts, `ack:event payload` for answers. */
  heard: string[];
  ask<T = Record<string, unknown>>(event: string, payload: unknown): Promise<T>;
  /** Sends an action request (`{actionId, baseVersion, payload}`) and returns its ack. */
  act<T = Record<string, unknown>>(type: string, payload: unknown): Promise<T>;
  /** Resolves once a message containing `text` has been heard. */
  hears(text: string): Promise<void>;
  close(): void;
}

export async function listen(url: string): Promise<Listener> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const heard: string[] = [];
  const waiters: { text: string; done: () => void }[] = [];
  const record = (line: string) => {
    heard.push(line);
    for (const w of [...waiters]) if (line.includes(w.text)) (waiters.splice(waiters.indexOf(w), 1), w.done());
  };
  socket.onAny((event: string, ...args: unknown[]) => record(`${event} ${JSON.stringify(args)}`));
  const ask = async <T>(event: string, payload: unknown): Promise<T> => {
    const ack = (await socket.timeout(5000).emitWithAck(event, payload)) as T;
    record(`ack:${event} ${JSON.stringify(ack)}`);
    return ack;
  };
  return {
    socket,
    heard,
    ask,
    act: (type, payload) => ask(type, { actionId: randomUUID(), baseVersion: 0, payload }),
    hears: (text) =>
      heard.some((l) => l.includes(text))
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`never heard ${text}`)), 5000);
            waiters.push({ text, done: () => (clearTimeout(timer), resolve()) });
          }),
    close: () => void socket.disconnect(),
  };
}

/** A session over HTTP, as the home page makes one. */
export async function newSession(url: string, tables: number) {
  const res = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId: 'mini', tables }),
  });
  if (res.status !== 201) throw new Error(`session not created: ${res.status}`);
  return (await res.json()) as { sessionId: string; code: string; hostToken: string };
}

export const hostOf = async (url: string, s: { sessionId: string; hostToken: string }) => {
  const host = await listen(url);
  const ack = await host.ask<{ ok: boolean }>('host:attach', { protocolVersion: PROTOCOL, sessionId: s.sessionId, hostToken: s.hostToken });
  if (!ack.ok) throw new Error('host could not attach');
  return host;
};

/** A tablet that joins with the code and, given a role, claims it. */
export const tabletOf = async (url: string, code: string, seat?: { tableId: string; roleId: string; name: string }) => {
  const tablet = await listen(url);
  const ack = await tablet.ask<{ ok: boolean }>('session:join', { protocolVersion: PROTOCOL, code });
  if (!ack.ok) throw new Error('could not join');
  if (!seat) return { tablet, seatId: null };
  const claim = await tablet.act<{ ok: boolean; seat: { id: string } }>('seat:claim', seat);
  if (!claim.ok) throw new Error('could not claim');
  return { tablet, seatId: claim.seat.id };
};

export const screenOf = async (url: string, code: string) => {
  const screen = await listen(url);
  const ack = await screen.ask<{ ok: boolean }>('screen:attach', { protocolVersion: PROTOCOL, code });
  if (!ack.ok) throw new Error('screen could not attach');
  return screen;
};

/** Every version this listener was told about, in order: broadcasts, placeholders, patches and views. */
export function versionsHeard(l: Listener): number[] {
  const out: number[] = [];
  for (const line of l.heard) {
    if (line.startsWith('ack:') || line.startsWith('presence:') || line.startsWith('pieces:')) continue;
    const m = /^\S+ \[\{"version":(\d+)/.exec(line);
    if (m) out.push(Number(m[1]));
  }
  return out;
}
