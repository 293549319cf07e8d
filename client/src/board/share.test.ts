import { layoutBoard } from '@samenspel/game-core';
import { describe, expect, it } from 'vitest';
import { keepEqual } from './share';

describe('keeping what did not change', () => {
  it('returns the previous value itself when the new one equals it', () => {
    const prev = { a: [1, 2, { b: 'x' }], c: null };
    expect(keepEqual(prev, { a: [1, 2, { b: 'x' }], c: null })).toBe(prev);
  });

  it('keeps the unchanged parts of a changed value and takes the changed ones', () => {
    const prev = { one: { x: 1, lines: ['a'] }, two: { x: 2, lines: ['b'] } };
    const next = { one: { x: 1, lines: ['a'] }, two: { x: 3, lines: ['b'] } };
    const kept = keepEqual(prev, next);
    expect(kept).toEqual(next);
    expect(kept).not.toBe(prev);
    expect(kept.one).toBe(prev.one);
    expect(kept.two).not.toBe(prev.two);
    expect(kept.two.lines).toBe(prev.two.lines);
  });

  it('notices added, removed and reordered entries', () => {
    expect(keepEqual<Record<string, number>>({ a: 1 }, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(keepEqual<Record<string, number>>({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
    expect(keepEqual([1, 2], [2, 1])).toEqual([2, 1]);
    expect(keepEqual([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
    expect(keepEqual([1, 2, 3], [1, 2])).toEqual([1, 2]);
  });

  it('compares a Map only by identity', () => {
    const next = new Map([['a', 1]]);
    expect(keepEqual(new Map([['a', 1]]), next)).toBe(next);
  });

  it('keeps every card box of a board when only a token moved, and all but the moved card when a card moved', () => {
    const cards = [
      { id: 'a', x: 0, y: -0.3, label: 'Mentor' },
      { id: 'b', x: 0.3, y: 0.1, label: 'Buurvrouw Ans' },
      { id: 'c', x: -0.5, y: 0.5, label: 'Huisarts' },
    ];
    const options = { sectorCount: 6 };
    const prev = layoutBoard(cards, [{ id: 'r', x: 1, y: 1 }], options);
    const tokenMoved = keepEqual(prev, layoutBoard(cards, [{ id: 'r', x: 1.1, y: 1 }], options));
    expect(tokenMoved.cards).toBe(prev.cards);
    expect(tokenMoved.rings).toBe(prev.rings);
    expect(tokenMoved.tokens).not.toBe(prev.tokens);
    const cardMoved = keepEqual(prev, layoutBoard([cards[0]!, cards[1]!, { ...cards[2]!, x: 0.5 }], [{ id: 'r', x: 1, y: 1 }], options));
    expect(cardMoved.cards.a).toBe(prev.cards.a);
    expect(cardMoved.cards.b).toBe(prev.cards.b);
    expect(cardMoved.cards.c).not.toBe(prev.cards.c);
  });
});
