import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/*
 * The board's own bit of interface state for "wie werkt met wie samen": which card a new line
 * starts from, and which line is chosen. Kept out of the app store because only the board and
 * its selection panel care, and a reload may forget it.
 */
export interface LinkingState {
  /** Connecting: the next card tapped gets a line to this one. */
  connectFrom: string | null;
  /** The line a person tapped, to look at or remove. */
  linkId: string | null;
  startConnect: (cardId: string) => void;
  chooseLink: (linkId: string | null) => void;
  reset: () => void;
}

export const linkingStore = createStore<LinkingState>()((set) => ({
  connectFrom: null,
  linkId: null,
  startConnect: (cardId) => set({ connectFrom: cardId, linkId: null }),
  chooseLink: (linkId) => set({ linkId, connectFrom: null }),
  reset: () => set({ connectFrom: null, linkId: null }),
}));

/** Reads one value of the linking state. */
export function useLinking<T>(selector: (s: LinkingState) => T): T {
  return useStore(linkingStore, selector);
}
