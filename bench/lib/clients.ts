import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, type AttachAck } from '@samenspel/game-core';
import { RawSocket } from './rawClient';

export type Socket = RawSocket;

/** A websocket-only client speaking the Socket.IO wire protocol (see rawClient.ts). */
export function connect(url: string, timeoutMs = 10_000): Promise<Socket> {
  return RawSocket.connect(url, timeoutMs);
}

export function emitAck<T>(socket: Socket, event: string, payload: unknown, timeoutMs = 10_000): Promise<T> {
  return socket.emitWithAck<T>(event, payload, timeoutMs);
}

/** Runs `fn` over `items` with at most `limit` at a time; keeps the order of results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function closeAll(sockets: Iterable<Socket>): void {
  for (const s of sockets) s.disconnect();
}

export interface CreatedSession {
  sessionId: string;
  code: string;
  hostToken: string;
}

export async function createSession(url: string, scenarioId: string, tables = 1): Promise<CreatedSession> {
  const res = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId, tables }),
  });
  if (res.status !== 201) throw new Error(`session not created: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedSession;
}

export interface SeatedPlayer {
  socket: Socket;
  sessionId: string;
  tableId: string;
  roleId: string;
  seatId: string;
  /** The version of the board as this player last heard it. */
  version: number;
}

/** Joins a session as a guest and claims a role at a table: a seated player, as on a tablet. */
export async function seatPlayer(url: string, session: CreatedSession, tableId: string, roleId: string): Promise<SeatedPlayer> {
  const socket = await connect(url);
  const join = await emitAck<AttachAck>(socket, 'session:join', { protocolVersion: PROTOCOL_VERSION, code: session.code });
  if (!join.ok) throw new Error(`join failed: ${join.code} ${join.message}`);
  const claim = await emitAck<{ ok: boolean; version?: number; seat?: { id: string }; code?: string; message?: string }>(
    socket,
    'seat:claim',
    { actionId: randomUUID(), baseVersion: join.snapshot.version, payload: { tableId, roleId, name: `bench ${roleId}` } },
  );
  if (!claim.ok || !claim.seat) throw new Error(`claim of ${roleId} failed: ${claim.code} ${claim.message}`);
  return { socket, sessionId: session.sessionId, tableId, roleId, seatId: claim.seat.id, version: claim.version ?? 0 };
}

/** The facilitator brings every starting card onto the board, so players can move them. */
export async function revealSituation(url: string, session: CreatedSession): Promise<void> {
  const socket = await connect(url);
  try {
    const attach = await emitAck<AttachAck>(socket, 'host:attach', { protocolVersion: PROTOCOL_VERSION, sessionId: session.sessionId, hostToken: session.hostToken });
    if (!attach.ok) throw new Error(`host attach failed: ${attach.code} ${attach.message}`);
    const ack = await emitAck<{ ok: boolean; code?: string; message?: string }>(socket, 'situation:reveal', {
      actionId: randomUUID(),
      baseVersion: attach.snapshot.version,
      payload: { all: true },
    });
    if (!ack.ok) throw new Error(`situation reveal failed: ${ack.code} ${ack.message}`);
  } finally {
    socket.disconnect();
  }
}
