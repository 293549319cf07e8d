import type { Presence, Viewer } from '@samenspel/game-core';
import type { Slice } from './types';

export type Mode = 'player' | 'host' | 'screen';

export interface SessionSlice {
  mode: Mode | null;
  sessionId: string | null;
  code: string | null;
  viewer: Viewer | null;
  /** This device's seat, once a role is chosen. */
  seatId: string | null;
  presence: Presence;
  startSession: (mode: Mode) => void;
  setAttached: (a: { sessionId: string; code: string; viewer: Viewer }) => void;
  setSeat: (seatId: string | null) => void;
  setPresence: (presence: Presence) => void;
}

const NOBODY: Presence = { seats: [], hosts: 0, screens: 0 };

export const createSessionSlice: Slice<SessionSlice> = (set, get) => ({
  mode: null,
  sessionId: null,
  code: null,
  viewer: null,
  seatId: null,
  presence: NOBODY,
  // A page starts from nothing: no board, no half-finished moves of a previous session.
  startSession: (mode) => {
    get().drags.getState().reset();
    set({
      mode,
      sessionId: null,
      code: null,
      viewer: null,
      seatId: null,
      presence: NOBODY,
      game: null,
      version: 0,
      tableId: null,
      selection: null,
      cursor: null,
      pending: {},
      refusedDrag: null,
      sessionEnded: false,
    });
  },
  setAttached: ({ sessionId, code, viewer }) =>
    set({ sessionId, code, viewer, seatId: viewer.kind === 'seat' ? viewer.seatId : null }),
  setSeat: (seatId) => set({ seatId, viewer: seatId ? { kind: 'seat', seatId } : { kind: 'guest' } }),
  setPresence: (presence) => set({ presence }),
});
