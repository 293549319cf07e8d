import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  applyAction,
  type ActionPayloads,
  type ActionType,
  type AttachAck,
  type ClientToServerEvents,
  type CommittedAction,
  type ServerToClientEvents,
  type SessionState,
  BROADCAST_OF,
  ACTION_TYPES,
} from '@samenspel/game-core';
import { randomUUID } from 'node:crypto';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A connected socket.io client; resolves once connected. */
export async function connect(url: string): Promise<TestSocket> {
  const socket: TestSocket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Emits and waits for the ack, failing the test instead of hanging when none comes. */
export function request<T>(socket: Socket, event: string, payload: unknown, timeoutMs = 5000): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
}

export function nextEvent<T>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/**
 * A client that keeps its own replica the way the real client does: it applies every
 * broadcast with game-core's reducer, moves its version on for a withheld action, loads a
 * replaced view, and notices gaps.
 */
export class Replica {
  state: SessionState | null = null;
  version = 0;
  readonly applied: CommittedAction[] = [];
  gaps = 0;

  constructor(readonly socket: TestSocket) {
    for (const type of ACTION_TYPES) {
      (socket as Socket).on(BROADCAST_OF[type], (action: CommittedAction) => this.receive(action));
    }
    (socket as Socket).on('action:withheld', ({ version }: { version: number }) => {
      if (!this.state || version <= this.version) return;
      if (version !== this.version + 1) this.gaps++;
      else this.version = version;
    });
    (socket as Socket).on('view:patched', ({ version, patch }: { version: number; patch: Partial<SessionState> }) => {
      if (!this.state || version <= this.version) return;
      if (version !== this.version + 1) this.gaps++;
      else {
        this.state = { ...this.state, ...patch };
        this.version = version;
      }
    });
    (socket as Socket).on('view:replaced', (snapshot: { version: number; state: SessionState }) => {
      if (snapshot.version < this.version) return;
      this.state = snapshot.state;
      this.version = snapshot.version;
    });
  }

  adopt(ack: AttachAck): void {
    if (!ack.ok) throw new Error(`attach failed: ${ack.code} ${ack.message}`);
    this.state = ack.snapshot.state;
    this.version = ack.snapshot.version;
  }

  receive(action: CommittedAction): void {
    if (!this.state || action.version <= this.version) return;
    if (action.version !== this.version + 1) {
      this.gaps++;
      return;
    }
    const result = applyAction(this.state, action);
    if (!result.ok) throw new Error(`replica could not apply ${action.type}: ${result.message}`);
    this.state = result.state;
    this.version = action.version;
    this.applied.push(action);
  }

  async waitForVersion(version: number, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.version < version) {
      if (Date.now() > until) throw new Error(`replica stuck at ${this.version}, wanted ${version}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

export function actionRequest<K extends ActionType>(payload: ActionPayloads[K], baseVersion: number, actionId = randomUUID()) {
  return { actionId, baseVersion, payload };
}

export async function joinAsPlayer(url: string, code: string, seatToken?: string) {
  const socket = await connect(url);
  const replica = new Replica(socket);
  const ack = await request<AttachAck>(socket, 'session:join', { protocolVersion: PROTOCOL_VERSION, code, ...(seatToken ? { seatToken } : {}) });
  if (ack.ok) replica.adopt(ack);
  return { socket, replica, ack };
}

export async function attachHost(url: string, sessionId: string, hostToken: string) {
  const socket = await connect(url);
  const replica = new Replica(socket);
  const ack = await request<AttachAck>(socket, 'host:attach', { protocolVersion: PROTOCOL_VERSION, sessionId, hostToken });
  replica.adopt(ack);
  return { socket, replica, ack };
}
