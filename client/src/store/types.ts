import type { StateCreator } from 'zustand';
import type { ConnectionSlice } from './connection';
import type { GameSlice } from './game';
import type { SessionSlice } from './session';
import type { UiSlice } from './ui';

export type AppState = ConnectionSlice & SessionSlice & GameSlice & UiSlice;
export type Slice<T> = StateCreator<AppState, [], [], T>;

export type PieceKind = 'token' | 'card';
/** Same shape as the server's hold key, so a piece is named alike everywhere. */
export type PieceKey = `${string}:${PieceKind}:${string}`;

export function pieceKey(tableId: string, kind: PieceKind, id: string): PieceKey {
  return `${tableId}:${kind}:${id}`;
}
