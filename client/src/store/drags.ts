import type { DragBatch, Point } from '@samenspel/game-core';
import { createStore } from 'zustand/vanilla';
import { without } from './game';
import { pieceKey, type PieceKey } from './types';

export interface RemoteDrag extends Point {
  by: string;
  at: number;
}

/**
 * Other people's live drags, in a store of their own: at 30 frames a second per dragger,
 * every store change runs every subscriber's selector, and the app store has a hundred and
 * more (each piece's selection, pending move, player name…). Only the pieces being dragged
 * and their lines listen here.
 */
export interface DragState {
  remoteDrags: Record<PieceKey, RemoteDrag>;
  applyDragFrames: (batch: DragBatch, self: string | null, now: number) => void;
  expireDrags: (olderThan: number) => void;
  /** The piece was dropped (its move was applied): its drag is over. */
  end: (key: PieceKey) => void;
  reset: () => void;
}

export function createDragStore() {
  return createStore<DragState>()((set, get) => ({
    remoteDrags: {},

    applyDragFrames: (batch, self, now) => {
      const next = { ...get().remoteDrags };
      let changed = false;
      for (const f of batch.frames) {
        // Our own frames come back from the room; the local drag is already ahead of them.
        if (self !== null && f.by === self) continue;
        next[pieceKey(f.tableId, f.kind, f.id)] = { x: f.x, y: f.y, by: f.by, at: now };
        changed = true;
      }
      if (changed) set({ remoteDrags: next });
    },

    expireDrags: (olderThan) => {
      const drags = get().remoteDrags;
      const stale = Object.keys(drags).filter((k) => drags[k as PieceKey]!.at < olderThan);
      if (stale.length === 0) return;
      let next = drags;
      for (const k of stale) next = without(next, k);
      set({ remoteDrags: next });
    },

    end: (key) => {
      const drags = get().remoteDrags;
      if (key in drags) set({ remoteDrags: without(drags, key) });
    },

    reset: () => set({ remoteDrags: {} }),
  }));
}

export type DragStore = ReturnType<typeof createDragStore>;
