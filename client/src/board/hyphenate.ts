import { create } from 'zustand';

/**
 * Dutch hyphenation for card labels, from the `hyphen` package's patterns. The patterns are
 * some 60 KB gzipped, so they load after the board is on screen, never before: until then
 * labels break at spaces only (and a word too long for its card is cut where it must be), and
 * when they arrive every board lays itself out again.
 */
type Hyphenate = (word: string) => string;

interface HyphenState {
  hyphenate: Hyphenate | undefined;
}

export const hyphenStore = create<HyphenState>(() => ({ hyphenate: undefined }));

let loading: Promise<void> | null = null;

/** Starts loading the Dutch patterns once; boards call it when they are shown. */
export function loadHyphenation(): Promise<void> {
  loading ??= import('hyphen/nl')
    .then(({ hyphenateSync }) => {
      const cache = new Map<string, string>();
      const hyphenate: Hyphenate = (word) => {
        let out = cache.get(word);
        if (out === undefined) {
          // Break points only inside the letters: "(voorschoolse" keeps its bracket on the piece.
          out = hyphenateSync(word, { minWordLength: 6 });
          cache.set(word, out);
        }
        return out;
      };
      hyphenStore.setState({ hyphenate });
    })
    .catch(() => {
      // Offline or blocked: labels still break at spaces. Try again next time a board shows.
      loading = null;
    });
  return loading;
}

export const useHyphenate = () => hyphenStore((s) => s.hyphenate);
