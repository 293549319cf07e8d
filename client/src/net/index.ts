import type { ClientToServerEvents, ServerToClientEvents } from '@samenspel/game-core';
import { io, type Socket } from 'socket.io-client';
import { appStore } from '../store';
import { createSessionClient, type AttachSpec, type SessionClient, type SocketLike } from './client';

export type { AttachSpec, SessionClient, ActionResult } from './client';
export { errorText } from './client';

let current: { key: string; client: SessionClient } | null = null;

/**
 * Connects this page to its session. One connection per page; calling it again with the same
 * spec keeps the existing one (React may mount a page twice in development).
 */
export function connectSession(spec: AttachSpec): SessionClient {
  const key = JSON.stringify(spec);
  if (current?.key === key) return current.client;
  current?.client.close();
  appStore.getState().startSession(spec.kind);
  appStore.getState().setConnection('connecting');
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    // Venue Wi-Fi drops often; keep trying, but never hammer the server.
    reconnectionDelay: 500,
    reconnectionDelayMax: 4_000,
    timeout: 8_000,
  });
  const client = createSessionClient({ socket: socket as unknown as SocketLike, store: appStore, spec });
  current = { key, client };
  return client;
}

export function disconnectSession(): void {
  current?.client.close();
  current = null;
}

/** The live connection, for components that send actions. */
export function session(): SessionClient | null {
  return current?.client ?? null;
}
