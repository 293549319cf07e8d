import type { ErrorCode } from '@samenspel/game-core';
import type { Slice } from './types';

/**
 * `ready` means attached to the session, not merely connected: actions are only sent then,
 * because the server refuses them from a socket that has not attached yet.
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'ready' | 'offline' | 'failed';

export interface ConnectionSlice {
  connection: ConnectionStatus;
  /** Why attaching failed, when `connection` is `failed`. */
  failure: ErrorCode | null;
  /** Whether this page was attached before; decides between "connecting" and "reconnecting". */
  everReady: boolean;
  /** The facilitator deleted the session: there is nothing to reconnect to. */
  sessionEnded: boolean;
  setSessionEnded: () => void;
  setConnection: (status: ConnectionStatus, failure?: ErrorCode | null) => void;
}

export const createConnectionSlice: Slice<ConnectionSlice> = (set) => ({
  connection: 'idle',
  failure: null,
  everReady: false,
  sessionEnded: false,
  setSessionEnded: () => set({ sessionEnded: true }),
  setConnection: (connection, failure = null) =>
    set((s) => ({ connection, failure, everReady: s.everReady || connection === 'ready' })),
});
