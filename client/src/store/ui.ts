import type { Point } from '@samenspel/game-core';
import { isLang, loadLanguage, type Lang } from '../i18n';
import { keys, load, save } from '../lib/storage';
import { createDragStore, type DragStore } from './drags';
import { without } from './game';
import type { PieceKey, Slice } from './types';

/** What the person has picked up and is about to put down (tap, keyboard or drag). */
export type Selection =
  | { kind: 'deck'; defId: string }
  | { kind: 'blank'; label: string }
  | { kind: 'card'; id: string }
  | { kind: 'token'; id: string };

export interface Announcement {
  /** Bumped on every message, so the same words twice are still read out twice. */
  id: number;
  text: string;
  /** `hint`: for screen readers only; the screen already shows it (the selection panel, the ghost). */
  tone: Tone;
}

export type Tone = 'info' | 'error' | 'hint';

/** A change this device sent and the server has not confirmed yet; the piece is shown here. */
export interface Pending extends Point {
  actionId: string;
  acked: boolean;
}

export interface UiSlice {
  lang: Lang;
  /** Counts the catalogues that arrived (see `loadLanguage`), so translations redraw when one does. */
  wordsLoaded: number;
  /** The table this screen shows (a facilitator can switch; a player sees their own). */
  tableId: string | null;
  selection: Selection | null;
  /** Where a keyboard user is about to put the selection down. */
  cursor: Point | null;
  announcement: Announcement | null;
  /** Other people's live drags (a store of its own, see drags.ts); the same store for the page's whole life. */
  drags: DragStore;
  pending: Record<PieceKey, Pending>;
  /** The last piece the server would not let us drag because someone else holds it. */
  refusedDrag: { key: PieceKey; n: number } | null;
  /** `remember: false` changes this page only (the big screen keeps its own choice). */
  setLang: (lang: Lang, remember?: boolean) => void;
  setTable: (tableId: string | null) => void;
  select: (selection: Selection | null, cursor?: Point | null) => void;
  setCursor: (cursor: Point | null) => void;
  announce: (text: string, tone?: Tone) => void;
  setPending: (key: PieceKey, pending: Pending) => void;
  /** `acked`: keep showing it until the broadcast lands; `drop`: show the board's own position again. */
  settlePending: (key: PieceKey, actionId: string, outcome: 'acked' | 'drop') => void;
  refuseDrag: (key: PieceKey) => void;
}

let announcementId = 0;

export const createUiSlice: Slice<UiSlice> = (set) => ({
  lang: initialLang(),
  wordsLoaded: 0,
  tableId: null,
  selection: null,
  cursor: null,
  announcement: null,
  drags: createDragStore(),
  pending: {},
  refusedDrag: null,

  setLang: (lang, remember = true) => {
    if (remember) save(keys.lang, lang);
    set({ lang });
    void loadLanguage(lang).then(() => set((s) => ({ wordsLoaded: s.wordsLoaded + 1 })));
  },
  setTable: (tableId) => set({ tableId, selection: null, cursor: null }),
  select: (selection, cursor = null) => set({ selection, cursor }),
  setCursor: (cursor) => set({ cursor }),
  announce: (text, tone = 'info') => set({ announcement: { id: ++announcementId, text, tone } }),

  setPending: (key, pending) => set((s) => ({ pending: { ...s.pending, [key]: pending } })),

  settlePending: (key, actionId, outcome) =>
    set((s) => {
      const current = s.pending[key];
      // A newer move of the same piece replaced this one; leave that alone.
      if (!current || current.actionId !== actionId) return {};
      if (outcome === 'drop') return { pending: without(s.pending, key) };
      return { pending: { ...s.pending, [key]: { ...current, acked: true } } };
    }),

  refuseDrag: (key) => set((s) => ({ refusedDrag: { key, n: (s.refusedDrag?.n ?? 0) + 1 } })),
});

function initialLang(): Lang {
  const stored = load(keys.lang);
  return isLang(stored) ? stored : 'nl';
}
