import { describe, expect, it } from 'vitest';
import { pageOf, pageSeconds, paginate, storyChunks } from './paging';

/** Items stacked in one column, each `h` high with `gap` between them. */
const column = (heights: number[], gap = 10) => {
  let top = 0;
  return heights.map((h) => {
    const item = { top, bottom: top + h };
    top += h + gap;
    return item;
  });
};

describe('paging the big screen', () => {
  it('keeps everything on one page when it fits', () => {
    expect(paginate(column([100, 100, 100]), 400)).toEqual([0]);
  });

  it('starts a new page at the first item that would stick out', () => {
    // 0–100, 110–210, 220–320, 330–430, 440–540
    expect(paginate(column([100, 100, 100, 100, 100]), 330)).toEqual([0, 3]);
  });

  it('puts every item on exactly one page, each page within the window', () => {
    const items = column([80, 140, 60, 200, 90, 120, 40, 300, 75]);
    const room = 320;
    const starts = paginate(items, room);
    for (let p = 0; p < starts.length; p++) {
      const first = starts[p]!;
      const last = (starts[p + 1] ?? items.length) - 1;
      expect(items[last]!.bottom - items[first]!.top).toBeLessThanOrEqual(room);
    }
    expect(items.map((_, i) => pageOf(starts, i))).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 4]);
  });

  it('keeps a grid row together on one page', () => {
    const grid = [
      { top: 0, bottom: 100 },
      { top: 0, bottom: 120 },
      { top: 130, bottom: 230 },
      { top: 130, bottom: 250 },
    ];
    expect(paginate(grid, 200)).toEqual([0, 2]);
  });

  it('moves a heading to the page of what it introduces', () => {
    const items = [{ top: 0, bottom: 100 }, { top: 110, bottom: 150, keepWithNext: true }, { top: 160, bottom: 260 }];
    expect(paginate(items, 200)).toEqual([0, 1]);
  });

  it('gives an item taller than the window a page of its own and still moves on', () => {
    expect(paginate(column([100, 500, 100]), 300)).toEqual([0, 1, 2]);
  });

  it('has no pages for no items', () => {
    expect(paginate([], 300)).toEqual([]);
  });

  it('leaves a page up long enough to read it, within bounds', () => {
    expect(pageSeconds('kort')).toBe(10);
    expect(pageSeconds('woord '.repeat(50))).toBe(20);
    expect(pageSeconds('woord '.repeat(500))).toBe(40);
  });

  it('cuts a long story between sentences', () => {
    const story = 'Een. '.repeat(3) + 'Dit is een langere zin die doorloopt. Nog een zin! En de laatste?';
    const chunks = storyChunks(story, 40);
    expect(chunks.join(' ')).toBe(story.trim());
    for (const c of chunks) expect(c.length <= 40 || !c.includes('. ')).toBe(true);
    expect(chunks.every((c) => /[.!?]$/.test(c))).toBe(true);
  });
});
