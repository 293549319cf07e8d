import type { BoardLayout, Point, SessionState, Viewer } from '@samenspel/game-core';
import { createContext, useContext } from 'react';
import type { Translate } from '../i18n';

/** How a card is marked when the board shows what changed (the timeline, the report). */
export type CardMark = 'added' | 'moved';

export interface BoardContextValue {
  tableId: string;
  /** False on the big screen and on history boards: they only show. */
  interactive: boolean;
  canMoveToken: (roleId: string) => boolean;
  canMoveCards: boolean;
  ownRoleId: string | null;
  toMat: (clientX: number, clientY: number) => Point | null;
  t: Translate;
  /** Drawn for the back of the room: bolder strokes and labels. */
  big: boolean;
  /** Who looks at this board; decides which private cards are drawn. */
  viewer: Viewer | null;
  /**
   * The session drawn when it is not the live one (a moment in the timeline). Live drags and
   * unconfirmed moves of the real session then do not belong on it.
   */
  frozen: SessionState | null;
  /** Whether positions follow live drags and this device's unconfirmed moves. */
  live: boolean;
  marks: ReadonlyMap<string, CardMark>;
  /** Whether the marks fade away (a live board after an event) or stay (the timeline, the report). */
  marksFade: boolean;
  /**
   * A second svg over the board where pieces someone else is dragging are drawn (null on boards
   * that are not live). Moving a piece makes Chromium lay out every text of the svg it is in;
   * in this one that is only the pieces in motion, not the wheel and forty cards.
   */
  liveLayer: SVGSVGElement | null;
}

/*
 * A board hands its pieces three things, each in its own context because they change at
 * different times: what does not change when something moves (BoardContext), the rings (they
 * change only when a ring widens or narrows) and the layout (it changes with every move).
 * Pieces read the first two; only the lists (Cards, Tokens, Stacks, Links) read the layout and
 * pass each piece its own box, kept identical while unchanged (`keepEqual`), so a drop redraws
 * the pieces it moved and not the whole board.
 */
export const BoardContext = createContext<BoardContextValue | null>(null);

/** Where the rings are drawn, and the mapping between stored positions and the drawing. */
export interface BoardRings {
  /** The layout's ring edges per sector (`BoardLayout.rings`). */
  rings: readonly (readonly number[])[];
  /** The persona disc's radius (`BoardLayout.hub`). */
  hub: number;
  /** A stored position (a card's meaning, a drag frame) → where it is drawn on these rings. */
  toShown: (p: Point) => Point;
  /** A point of the drawing (a drop, a tap) → the stored position it means. */
  toStored: (p: Point) => Point;
}

export const BoardRingsContext = createContext<BoardRings | null>(null);

/** game-core's drawing of this board: where each card, stack and token is shown. */
export const BoardLayoutContext = createContext<BoardLayout | null>(null);

export function useBoard(): BoardContextValue {
  return required(useContext(BoardContext));
}

export function useRings(): BoardRings {
  return required(useContext(BoardRingsContext));
}

/** The whole layout: changes with every move, so only the lists of pieces read it. */
export function useLayout(): BoardLayout {
  return required(useContext(BoardLayoutContext));
}

function required<T>(value: T | null): T {
  if (!value) throw new Error('board pieces must be drawn inside <Board>');
  return value;
}
