import { toCanonical, type Point } from '@samenspel/game-core';
import { useRef, type MouseEvent, type PointerEvent } from 'react';
import { create } from 'zustand';
import { appStore } from '../store';
import { dropSelection } from './actions';
import { TAP_SLOP_PX } from './useDrag';
import { readRingsAttribute } from './view';

/** A deck card being dragged from the list: where the finger is, in screen pixels. */
export interface DeckDrag {
  tableId: string;
  defId: string;
  label: string;
  clientX: number;
  clientY: number;
}

/** Only the ghost on the board listens to this, so a drag frame re-renders nothing else. */
export const deckDragStore = create<{ drag: DeckDrag | null }>(() => ({ drag: null }));

/** The board's svg and where a screen point lies on its drawing, in mat units; null outside it. */
export function boardPointAt(clientX: number, clientY: number): { svg: SVGSVGElement; at: Point } | null {
  const svg = document.querySelector<SVGSVGElement>('svg[data-testid="board"]:not([role="img"])');
  const ctm = svg?.getScreenCTM();
  if (!svg || !ctm) return null;
  const box = svg.getBoundingClientRect();
  if (clientX < box.left || clientX > box.right || clientY < box.top || clientY > box.bottom) return null;
  const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
  return { svg, at: { x: p.x / 1000, y: p.y / 1000 } };
}

/**
 * Pointer handlers that let a deck card be dragged from the list onto the wheel (touch, pen or
 * mouse), as well as tapped. The list scrolls up and down, so its cards take only sideways
 * moves (`touch-action: pan-y`): a finger that starts towards the board picks the card up.
 */
export function useDeckDrag(tableId: string, defId: string, label: string) {
  const start = useRef<{ id: number; x: number; y: number; dragging: boolean } | null>(null);
  const suppressClick = useRef(false);

  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (start.current || (e.pointerType === 'mouse' && e.button !== 0)) return;
    start.current = { id: e.pointerId, x: e.clientX, y: e.clientY, dragging: false };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const g = start.current;
    if (!g || g.id !== e.pointerId) return;
    if (!g.dragging && Math.hypot(e.clientX - g.x, e.clientY - g.y) < TAP_SLOP_PX) return;
    g.dragging = true;
    deckDragStore.setState({ drag: { tableId, defId, label, clientX: e.clientX, clientY: e.clientY } });
  };
  const end = (e: PointerEvent<HTMLElement>, drop: boolean) => {
    const g = start.current;
    if (!g || g.id !== e.pointerId) return;
    start.current = null;
    deckDragStore.setState({ drag: null });
    if (!g.dragging) return;
    suppressClick.current = true;
    const hit = drop ? boardPointAt(e.clientX, e.clientY) : null;
    if (!hit) return;
    const rings = readRingsAttribute(hit.svg.dataset.rings);
    const to = rings ? toCanonical(hit.at, rings) : hit.at;
    appStore.getState().select(null);
    void dropSelection(tableId, { kind: 'deck', defId }, to);
  };
  const onClickCapture = (e: MouseEvent) => {
    // The click that follows a drag is not a tap on the card.
    if (!suppressClick.current) return;
    suppressClick.current = false;
    e.preventDefault();
    e.stopPropagation();
  };
  return {
    onPointerDown,
    onPointerMove,
    onPointerUp: (e: PointerEvent<HTMLElement>) => end(e, true),
    onPointerCancel: (e: PointerEvent<HTMLElement>) => end(e, false),
    onClickCapture,
  };
}
