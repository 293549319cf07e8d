import type { Point } from '@samenspel/game-core';
import type { Transition } from 'framer-motion';
import { useApp, type PieceKey } from '../store';

/** Where a piece is shown, and why: that decides how it moves there. */
export type Source = 'local' | 'pending' | 'remote' | 'board';

/**
 * A piece's position on this screen. Someone else's live drag comes before the board's
 * position, and our own unconfirmed move before both, so the piece never jumps back while
 * the server is still answering. A board of another moment (`live` false) shows the board only.
 */
export function useShownPosition(key: PieceKey, board: Point, live = true): { at: Point; source: Source } {
  const pending = useApp((s) => s.pending[key]);
  const remote = useApp((s) => s.remoteDrags[key]);
  if (!live) return { at: board, source: 'board' };
  if (pending) return { at: pending, source: 'pending' };
  if (remote) return { at: remote, source: 'remote' };
  return { at: board, source: 'board' };
}

const SETTLE: Transition = { type: 'spring', stiffness: 320, damping: 32, mass: 0.8 };
// Drag frames arrive about every 33 ms; gliding a little longer than that between them looks continuous.
const FOLLOW: Transition = { type: 'tween', ease: 'linear', duration: 0.07 };
const INSTANT: Transition = { duration: 0 };

export function transitionFor(source: Source): Transition {
  if (source === 'local') return INSTANT;
  if (source === 'remote') return FOLLOW;
  return SETTLE;
}
