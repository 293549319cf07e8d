import { applyAction, type CommittedAction, type SessionState, type Snapshot, type ViewPatchMessage } from '@samenspel/game-core';
import { pieceKey, type PieceKey, type Slice } from './types';

/**
 * What happened to a broadcast: applied on top of our version, ignored because we already have
 * it, a gap (we missed something and must sync), or rejected by the reducer (our state is off
 * and only a fresh snapshot can help).
 */
export type ReceiveResult = 'applied' | 'ignored' | 'gap' | 'rejected';

export interface GameSlice {
  game: SessionState | null;
  version: number;
  loadSnapshot: (snapshot: Snapshot) => void;
  receive: (action: CommittedAction) => ReceiveResult;
  /**
   * An action this viewer may not see: nothing changes but the version, and the parts of the
   * view the server sends whole (`patch`, e.g. the polls after someone else's vote).
   */
  skip: (version: number, patch?: ViewPatchMessage['patch']) => ReceiveResult;
}

export const createGameSlice: Slice<GameSlice> = (set, get) => ({
  game: null,
  version: 0,

  loadSnapshot: (snapshot) =>
    set((s) => ({
      game: snapshot.state,
      version: snapshot.version,
      // A snapshot contains every acknowledged action, so their optimistic positions are done.
      pending: dropWhere(s.pending, (p) => p.acked),
    })),

  receive: (action) => {
    const { game, version } = get();
    // Before the first snapshot there is nothing to apply to; the attach brings it.
    if (!game) return 'ignored';
    if (action.version <= version) return 'ignored';
    if (action.version !== version + 1) return 'gap';
    const result = applyAction(game, action);
    if (!result.ok) return 'rejected';
    const moved = movedPiece(action);
    set((s) => ({
      game: result.state,
      version: action.version,
      pending: dropWhere(s.pending, (p) => p.actionId === action.actionId),
    }));
    // In the same task as the move, so the page draws both at once.
    if (moved) get().drags.getState().end(moved);
    return 'applied';
  },

  skip: (v, patch) => {
    const { game, version } = get();
    if (!game || v <= version) return 'ignored';
    if (v !== version + 1) return 'gap';
    set(patch ? { version: v, game: { ...game, ...patch } } : { version: v });
    return 'applied';
  },
});

/** The piece an action puts down, whose live drag preview it ends. */
function movedPiece(action: CommittedAction): PieceKey | null {
  switch (action.type) {
    case 'token:move': {
      const p = action.payload as CommittedAction<'token:move'>['payload'];
      return pieceKey(p.tableId, 'token', p.roleId);
    }
    case 'card:move':
    case 'card:remove': {
      const p = action.payload as CommittedAction<'card:move'>['payload'];
      return pieceKey(p.tableId, 'card', p.cardId);
    }
    default:
      return null;
  }
}

export function dropWhere<V>(record: Record<string, V>, drop: (v: V) => boolean): Record<string, V> {
  let changed = false;
  const out: Record<string, V> = {};
  for (const [k, v] of Object.entries(record)) {
    if (drop(v)) changed = true;
    else out[k] = v;
  }
  // Keep the same object when nothing changed, so selectors do not see a "new" value.
  return changed ? out : record;
}

export function without<V>(record: Record<string, V>, key: string): Record<string, V> {
  const out = { ...record };
  delete out[key];
  return out;
}
