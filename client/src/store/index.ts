import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createConnectionSlice } from './connection';
import { createGameSlice } from './game';
import { createSessionSlice } from './session';
import type { DragState } from './drags';
import type { AppState } from './types';
import { createUiSlice } from './ui';

export type { AppState, PieceKey, PieceKind } from './types';
export { pieceKey } from './types';
export type { Selection, Announcement, Pending } from './ui';
export type { RemoteDrag, DragState } from './drags';
export type { ConnectionStatus } from './connection';
export type { Mode } from './session';

/** A fresh store; the app uses one (`appStore`), tests make their own. */
export function createAppStore() {
  return createStore<AppState>()((...a) => ({
    ...createConnectionSlice(...a),
    ...createSessionSlice(...a),
    ...createGameSlice(...a),
    ...createUiSlice(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

export const appStore = createAppStore();

/** Reads one value from the store. Return stored values or primitives, never fresh objects. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

/** Reads one value from the live drags' store (see drags.ts); the same rules as `useApp`. */
export function useDrags<T>(selector: (s: DragState) => T): T {
  return useStore(appStore.getState().drags, selector);
}
