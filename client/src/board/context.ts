import type { Point } from '@samenspel/game-core';
import { createContext, useContext } from 'react';
import type { Translate } from '../i18n';

export interface BoardContextValue {
  tableId: string;
  /** False on the big screen: it only shows. */
  interactive: boolean;
  canMoveToken: (roleId: string) => boolean;
  canMoveCards: boolean;
  ownRoleId: string | null;
  toMat: (clientX: number, clientY: number) => Point | null;
  t: Translate;
  /** Drawn for the back of the room: bolder strokes and labels. */
  big: boolean;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoard(): BoardContextValue {
  const ctx = useContext(BoardContext);
  if (!ctx) throw new Error('board pieces must be drawn inside <Board>');
  return ctx;
}
