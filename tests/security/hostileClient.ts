import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { REPO_ROOT } from '../helpers/server';

/*
 * A client written from docs/protocol.md alone: plain socket.io-client and JSON, no game-core.
 * Even the protocol version is read from the document, the way an outsider would learn it.
 */

const PROTOCOL_DOC = readFileSync(join(REPO_ROOT, 'docs/protocol.md'), 'utf8');
const versionMatch = /PROTOCOL_VERSION is (\d+)/.exec(PROTOCOL_DOC);
if (!versionMatch) throw new Error('docs/protocol.md does not say its PROTOCOL_VERSION');
export const PROTOCOL = Number(versionMatch[1]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an outsider's view: answers are plain JSON
export type Json = any;

export interface Peer {
  socket: Socket;
  /** Every message the server pushed to this connection, in order, as `[event, payload]`. */
  heard: [string, Json][];
  attach: Json;
  close(): void;
}

export async function connect(url: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export function ask(socket: Socket, event: string, payload: unknown): Promise<Json> {
  return socket.timeout(5000).emitWithAck(event, payload);
}

async function peer(url: string, event: string, payload: object): Promise<Peer> {
  const socket = await connect(url);
  const heard: [string, Json][] = [];
  socket.onAny((name: string, body: Json) => heard.push([name, body]));
  const attach = await ask(socket, event, { protocolVersion: PROTOCOL, ...payload });
  return { socket, heard, attach, close: () => void socket.disconnect() };
}

export const joinAs = (url: string, code: string, seatToken?: string) =>
  peer(url, 'session:join', seatToken ? { code, seatToken } : { code });
export const hostAs = (url: string, sessionId: string, hostToken: string) => peer(url, 'host:attach', { sessionId, hostToken });
export const screenAs = (url: string, code: string) => peer(url, 'screen:attach', { code });

/** Sends an action as the protocol describes it: `{actionId, baseVersion, payload}` with an ack. */
export function act(socket: Socket, type: string, payload: unknown, actionId: string = randomUUID(), baseVersion = 0): Promise<Json> {
  return ask(socket, type, { actionId, baseVersion, payload });
}

/** The whole state as the facilitator sees it, through a fresh host attach. */
export async function hostView(url: string, sessionId: string, hostToken: string): Promise<{ version: number; state: Json }> {
  const host = await hostAs(url, sessionId, hostToken);
  host.close();
  if (!host.attach.ok) throw new Error(`host attach failed: ${host.attach.code}`);
  return host.attach.snapshot;
}

/** Resolves with the next message of this name the peer hears. */
export function next(p: Peer, event: string): Promise<Json> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within 5 s`)), 5000);
    p.socket.once(event, (body: Json) => {
      clearTimeout(timer);
      resolve(body);
    });
  });
}

