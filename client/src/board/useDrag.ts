import type { Point } from '@samenspel/game-core';
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { appStore } from '../store';

/** Finger wobble below this many pixels is still a tap, not a drag. */
export const TAP_SLOP_PX = 8;

export interface DragCallbacks {
  /** Screen pixels → mat units, or null when the board is not on screen. */
  toMat: (clientX: number, clientY: number) => Point | null;
  onMove: (p: Point) => void;
  onDrop: (p: Point) => void;
  /** A press that did not travel, with where it was on the mat. */
  onTap: (at: Point | null) => void;
  onCancel: () => void;
}

interface Gesture {
  pointerId: number;
  startX: number;
  startY: number;
  /** Pointer minus piece, so the piece does not jump under the finger. */
  offset: Point;
  dragging: boolean;
}

/**
 * Pointer handling for one piece, with touch, pen and mouse alike: a short press is a tap, a
 * press that travels is a drag. The position while dragging lives here, so only the piece
 * being dragged re-renders.
 */
export function useDrag(enabled: boolean, position: Point, callbacks: DragCallbacks, cancelSignal: unknown) {
  const [dragPos, setDragPos] = useState<Point | null>(null);
  const gesture = useRef<Gesture | null>(null);
  const cb = useRef(callbacks);
  cb.current = callbacks;

  // The server refused this drag (someone else holds the piece): let go at once.
  useEffect(() => {
    if (cancelSignal === null || cancelSignal === undefined || !gesture.current) return;
    gesture.current = null;
    setDragPos(null);
    cb.current.onCancel();
  }, [cancelSignal]);

  const onPointerDown = (e: ReactPointerEvent<Element>) => {
    if (!enabled || gesture.current || (e.pointerType === 'mouse' && e.button !== 0)) return;
    // Browsers steer a touch to the nearest piece (touch adjustment). While something is picked
    // up, a touch beside this piece means "put it here", so leave it to the board.
    if (appStore.getState().selection && !reallyUnder(e)) return;
    const p = cb.current.toMat(e.clientX, e.clientY);
    if (!p) return;
    e.stopPropagation();
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    gesture.current = {
      pointerId: e.pointerId,
      startX: e.clientX,
      startY: e.clientY,
      offset: { x: p.x - position.x, y: p.y - position.y },
      dragging: false,
    };
  };

  const onPointerMove = (e: ReactPointerEvent<Element>) => {
    const g = gesture.current;
    if (!g || g.pointerId !== e.pointerId) return;
    if (!g.dragging && Math.hypot(e.clientX - g.startX, e.clientY - g.startY) < TAP_SLOP_PX) return;
    const p = cb.current.toMat(e.clientX, e.clientY);
    if (!p) return;
    g.dragging = true;
    const at = { x: p.x - g.offset.x, y: p.y - g.offset.y };
    setDragPos(at);
    cb.current.onMove(at);
  };

  const onPointerUp = (e: ReactPointerEvent<Element>) => {
    const g = gesture.current;
    if (!g || g.pointerId !== e.pointerId) return;
    e.stopPropagation();
    gesture.current = null;
    if (!g.dragging) {
      setDragPos(null);
      cb.current.onTap(cb.current.toMat(e.clientX, e.clientY));
      return;
    }
    const p = cb.current.toMat(e.clientX, e.clientY);
    const at = p ? { x: p.x - g.offset.x, y: p.y - g.offset.y } : null;
    setDragPos(null);
    if (at) cb.current.onDrop(at);
    else cb.current.onCancel();
  };

  const onPointerCancel = (e: ReactPointerEvent<Element>) => {
    const g = gesture.current;
    if (!g || g.pointerId !== e.pointerId) return;
    gesture.current = null;
    setDragPos(null);
    if (g.dragging) cb.current.onCancel();
  };

  return {
    dragPos,
    handlers: enabled ? { onPointerDown, onPointerMove, onPointerUp, onPointerCancel } : {},
  };
}

/** Whether the point of a pointer event lies on the element itself, not just near it. */
export function reallyUnder(e: ReactPointerEvent<Element>): boolean {
  const hit = document.elementFromPoint(e.clientX, e.clientY);
  return !!hit && e.currentTarget.contains(hit);
}
