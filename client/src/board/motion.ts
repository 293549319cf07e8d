import type { Point } from '@samenspel/game-core';
import type { MotionValue, Transition } from 'framer-motion';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { appStore, useApp, useDrags, type PieceKey } from '../store';

/** Where a piece is shown, and why: that decides how it moves there. */
export type Source = 'local' | 'pending' | 'remote' | 'board';

/**
 * A piece's position on this screen. Someone else's live drag comes before the board's
 * position, and our own unconfirmed move before both, so the piece never jumps back while
 * the server is still answering. A board of another moment (`live` false) shows the board only.
 * Re-renders on every drag frame; pieces use `usePiecePosition` instead.
 */
export function useShownPosition(key: PieceKey, board: Point, live = true): { at: Point; source: Source } {
  const pending = useApp((s) => s.pending[key]);
  const remote = useDrags((s) => s.remoteDrags[key]);
  if (!live) return { at: board, source: 'board' };
  if (pending) return { at: pending, source: 'pending' };
  if (remote) return { at: remote, source: 'remote' };
  return { at: board, source: 'board' };
}

/**
 * The same choice as `useShownPosition`, but someone else's drag re-renders the piece only when
 * it starts and when it ends. The frames in between reach the piece through `useRemoteFollow`,
 * outside React: at 30 frames a second per dragger, a render per frame cost a watching tablet
 * most of its frame budget (docs/performance.md).
 */
export function usePiecePosition(key: PieceKey, board: Point, live = true): { at: Point; source: Source } {
  const pending = useApp((s) => s.pending[key]);
  const dragged = useDrags((s) => s.remoteDrags[key] !== undefined);
  if (!live) return { at: board, source: 'board' };
  if (pending) return { at: pending, source: 'pending' };
  if (dragged) return { at: appStore.getState().drags.getState().remoteDrags[key] ?? board, source: 'remote' };
  return { at: board, source: 'board' };
}

// Drag frames arrive about every 33 ms; gliding a little longer than that between them looks continuous.
const FOLLOW_MS = 70;

/**
 * While someone else drags this piece, moves it to each of their frames by writing its motion
 * values (a transform, no layout) from a store subscription, gliding between frames with
 * requestAnimationFrame. `toPx` maps a stored position to the piece's drawn x, y;
 * `attributes` names the data attributes kept up to date for other code and tests.
 */
export function useRemoteFollow(
  key: PieceKey,
  following: boolean,
  node: RefObject<Element | null>,
  x: MotionValue<number>,
  y: MotionValue<number>,
  toPx: (p: Point) => Point,
  attributes: (p: Point) => Record<string, number>,
): void {
  const map = useRef({ toPx, attributes });
  useLayoutEffect(() => {
    map.current = { toPx, attributes };
  });

  useEffect(() => {
    if (!following) return;
    let raf = 0;
    let from = { x: x.get(), y: y.get() };
    let to = from;
    let start = 0;
    const step = (now: number) => {
      const k = Math.min(1, (now - start) / FOLLOW_MS);
      x.jump(from.x + (to.x - from.x) * k);
      y.jump(from.y + (to.y - from.y) * k);
      raf = k < 1 ? requestAnimationFrame(step) : 0;
    };
    const follow = (p: Point) => {
      from = { x: x.get(), y: y.get() };
      to = map.current.toPx(p);
      start = performance.now();
      const el = node.current;
      if (el) for (const [name, value] of Object.entries(map.current.attributes(p))) el.setAttribute(name, String(value));
      if (!raf) raf = requestAnimationFrame(step);
    };
    const drags = appStore.getState().drags;
    let last = drags.getState().remoteDrags[key];
    if (last) follow(last);
    const unsubscribe = drags.subscribe((s) => {
      const frame = s.remoteDrags[key];
      if (frame === last) return;
      last = frame;
      // The drag ended or our own move took over: the piece re-renders with its new place.
      if (frame && !appStore.getState().pending[key]) follow(frame);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(raf);
    };
  }, [key, following, node, x, y]);
}

/** How long a piece stays in the live layer after someone else last moved it. */
const LINGER_MS = 5000;

/**
 * Whether a piece is drawn in the board's live layer: from the moment someone else drags it
 * until LINGER_MS after it last moved (their drag, its glide to where it was dropped, a move of
 * this device's own that started there). Moving a piece between the layers draws it anew and
 * lays out the whole board's text once each way; a drop often comes in the middle of a longer
 * rearranging, and its settling glide would lay out that text on every frame.
 */
export function useInLiveLayer(following: boolean, moving: boolean): boolean {
  const [lingering, setLingering] = useState(false);
  // Only someone else's drag brings a piece in; this device's own drag never moves it between
  // the layers, which would end the gesture (the pointer is captured by the node it started on).
  const held = following || (lingering && moving);
  useEffect(() => {
    if (held) {
      setLingering(true);
      return;
    }
    const timer = setTimeout(() => setLingering(false), LINGER_MS);
    return () => clearTimeout(timer);
  }, [held]);
  return held || lingering;
}

const SETTLE: Transition = { type: 'spring', stiffness: 320, damping: 32, mass: 0.8 };
const FOLLOW: Transition = { type: 'tween', ease: 'linear', duration: FOLLOW_MS / 1000 };
const INSTANT: Transition = { duration: 0 };

export function transitionFor(source: Source): Transition {
  if (source === 'local') return INSTANT;
  if (source === 'remote') return FOLLOW;
  return SETTLE;
}
