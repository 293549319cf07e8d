/*
 * The big screen never hides what it promises: when the story or the insights do not fit, they
 * are shown page by page. These pure helpers decide where pages break and how long each stays.
 */

/** A block of content as laid out in one long column: its top and bottom edge, in pixels. */
export interface PageItem {
  top: number;
  bottom: number;
  /** A heading: it starts a page rather than end one, so it never stands alone at the bottom. */
  keepWithNext?: boolean;
}

/**
 * The index of the first item of each page, for a window `room` pixels high. A page starts at
 * the top of its first item and holds every following item whose bottom still fits; an item
 * beside another (a grid row) shares its page. An item taller than the window gets a page to
 * itself, so paging always moves on.
 */
export function paginate(items: readonly PageItem[], room: number): number[] {
  if (items.length === 0) return [];
  const starts = [0];
  let pageTop = items[0]!.top;
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    if (item.bottom - pageTop <= room) continue;
    // A heading that would end this page moves to the next one with what it introduces.
    let start = i;
    while (start - 1 > starts[starts.length - 1]! && items[start - 1]!.keepWithNext) start--;
    starts.push(start);
    pageTop = items[start]!.top;
    i = start;
  }
  return starts;
}

/** Which page an item is on, given the page starts from `paginate`. */
export function pageOf(starts: readonly number[], index: number): number {
  let page = 0;
  for (let p = 0; p < starts.length; p++) if (starts[p]! <= index) page = p;
  return page;
}

/**
 * How long a page stays up: time to read its words aloud at an easy pace (about two and a half
 * words a second), never shorter than 10 s nor longer than 40 s.
 */
export function pageSeconds(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.min(40, Math.max(10, Math.round(words / 2.5)));
}

/**
 * A long story cut into paragraphs of whole sentences of at most about `maxChars`, so a page
 * break falls between sentences and never in the middle of one.
 */
export function storyChunks(text: string, maxChars = 320): string[] {
  const sentences = text
    .trim()
    .split(/(?<=[.!?…])\s+/)
    .filter((s) => s.length > 0);
  const chunks: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current && current.length + 1 + sentence.length > maxChars) {
      chunks.push(current);
      current = sentence;
    } else current = current ? `${current} ${sentence}` : sentence;
  }
  if (current) chunks.push(current);
  return chunks;
}
