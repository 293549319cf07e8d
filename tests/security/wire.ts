import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { REPO_ROOT } from '../helpers/server';

/*
 * A hostile client written from docs/protocol.md alone: plain socket.io-client and fetch, no
 * game-core. The protocol version is read from the document, as an outsider would.
 */

export const PROTOCOL = Number(/PROTOCOL_VERSION is (\d+)/.exec(readFileSync(join(REPO_ROOT, 'docs/protocol.md'), 'utf8'))?.[1]);

export interface Ack {
  ok: boolean;
  code?: string;
  message?: string;
  [key: string]: unknown;
}

export interface Wire {
  socket: Socket;
  /** Bytes of every message this client received. */
  received: () => number;
  /** Every event name received, with how often. */
  events: Map<string, number>;
  ask: (event: string, payload: unknown) => Promise<Ack>;
  close: () => void;
}

export async function wire(url: string, options: { headers?: Record<string, string> } = {}): Promise<Wire> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...(options.headers ? { extraHeaders: options.headers } : {}) });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  let bytes = 0;
  socket.io.engine.on('data', (data: unknown) => {
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : ((data as ArrayBuffer).byteLength ?? 0);
  });
  const events = new Map<string, number>();
  socket.onAny((event: string) => events.set(event, (events.get(event) ?? 0) + 1));
  return {
    socket,
    received: () => bytes,
    events,
    ask: (event, payload) => socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack>,
    close: () => void socket.disconnect(),
  };
}

/** Whether a connection with these headers is let in at all. */
export function tryConnect(url: string, headers: Record<string, string>): Promise<'connected' | 'refused'> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', () => {
      socket.close();
      resolve('refused');
    });
  });
}

export async function newSession(url: string, scenarioId = 'mini', tables = 1) {
  const res = await fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId, tables }) });
  if (res.status !== 201) throw new Error(`no session: ${res.status}`);
  return (await res.json()) as { sessionId: string; code: string; hostToken: string };
}

let counter = 0;
/** An action request as docs/protocol.md describes it. */
export function act(payload: unknown, baseVersion: number) {
  return { actionId: `sec-${process.pid}-${++counter}-${Math.random().toString(36).slice(2)}`, baseVersion, payload };
}

export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
