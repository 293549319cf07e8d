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
  /** game-core's drawing of this board: where each card, stack and token is shown. */
  layout: BoardLayout;
  /** A stored position (a card's meaning, a drag frame) → where it is drawn on this layout's rings. */
  toShown: (p: Point) => Point;
  /** A point of the drawing (a drop, a tap) → the stored position it means. */
  toStored: (p: Point) => Point;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoard(): BoardContextValue {
  const ctx = useContext(BoardContext);
  if (!ctx) throw new Error('board pieces must be drawn inside <Board>');
  return ctx;
}
