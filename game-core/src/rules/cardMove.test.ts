import { describe, expect, it } from 'vitest';
import { cellPoint, locate } from '../board/geometry';
import { GUEST, HOST, accepted, ctx, deepFreeze, makeState, seat } from '../testing/fixtures';
import { cardMove } from './cardMove';

// jeugdhulp starts in gemeente / gezondheid (ring 2, sector 5).
const informeelWerk = cellPoint(1, 1, 6);

describe('cardMove', () => {
  it('moves a card, bumps its rev and keeps everything else about it', () => {
    const before = makeState();
    const state = accepted(cardMove(ctx(before, seat('s1')), { tableId: 't1', cardId: 'jeugdhulp', ...informeelWerk, rev: 0 }));
    expect(state.tables['t1']!.cards['jeugdhulp']).toEqual({
      ...before.tables['t1']!.cards['jeugdhulp'],
      x: informeelWerk.x,
      y: informeelWerk.y,
      rev: 1,
    });
  });

  it('gives the card the support type and life domain of the cell it lands in', () => {
    const before = makeState();
    expect(locate(before.tables['t1']!.cards['jeugdhulp']!, 6)).toMatchObject({ supportType: 'gemeente', sector: 5 });
    const state = accepted(cardMove(ctx(before, seat('s1')), { tableId: 't1', cardId: 'jeugdhulp', ...informeelWerk, rev: 0 }));
    expect(locate(state.tables['t1']!.cards['jeugdhulp']!, 6)).toEqual({ kind: 'ring', ring: 1, supportType: 'informeel', sector: 1 });
  });

  it('lets the facilitator move a card at any table', () => {
    const state = accepted(cardMove(ctx(makeState(), HOST), { tableId: 't2', cardId: 'oma-belt', x: 0, y: -0.9, rev: 0 }));
    expect(state.tables['t2']!.cards['oma-belt']).toMatchObject({ x: 0, y: -0.9, rev: 1 });
  });

  it('refuses a move based on a stale rev', () => {
    const moved = accepted(cardMove(ctx(makeState(), seat('s1')), { tableId: 't1', cardId: 'jeugdhulp', x: 0.5, y: 0, rev: 0 }));
    expect(cardMove(ctx(moved, HOST), { tableId: 't1', cardId: 'jeugdhulp', x: -0.5, y: 0, rev: 0 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(cardMove(ctx(moved, HOST), { tableId: 't1', cardId: 'jeugdhulp', x: -0.5, y: 0, rev: 1 }).ok).toBe(true);
  });

  it('refuses a rev from the future', () => {
    expect(cardMove(ctx(makeState(), seat('s1')), { tableId: 't1', cardId: 'jeugdhulp', x: 0.5, y: 0, rev: 3 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });

  it('rejects a card dragged into the persona disc', () => {
    expect(cardMove(ctx(makeState(), seat('s1')), { tableId: 't1', cardId: 'jeugdhulp', x: 0.05, y: 0.05, rev: 0 })).toMatchObject({
      ok: false,
      code: 'OUT_OF_BOUNDS',
    });
  });

  it('rejects a card dragged off the wheel', () => {
    expect(cardMove(ctx(makeState(), seat('s1')), { tableId: 't1', cardId: 'jeugdhulp', x: 0, y: 1.1, rev: 0 })).toMatchObject({
      ok: false,
      code: 'OUT_OF_BOUNDS',
    });
  });

  it('refuses a card that is not on this table\'s board', () => {
    expect(cardMove(ctx(makeState(), seat('s1')), { tableId: 't1', cardId: 'bijbaan', x: 0.5, y: 0, rev: 0 })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('refuses a guest who has not chosen a role', () => {
    expect(cardMove(ctx(makeState(), GUEST), { tableId: 't1', cardId: 'jeugdhulp', x: 0.5, y: 0, rev: 0 })).toMatchObject({
      ok: false,
      code: 'NOT_SEATED',
    });
  });

  it('refuses a player moving a card at another table', () => {
    expect(cardMove(ctx(makeState(), seat('s1')), { tableId: 't2', cardId: 'jeugdhulp', x: 0.5, y: 0, rev: 0 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('leaves the state it was given untouched', () => {
    const before = deepFreeze(makeState());
    const { x, y } = before.tables['t1']!.cards['jeugdhulp']!;
    accepted(cardMove(ctx(before, seat('s1')), { tableId: 't1', cardId: 'jeugdhulp', x: 0.5, y: 0, rev: 0 }));
    expect(before.tables['t1']!.cards['jeugdhulp']).toMatchObject({ x, y, rev: 0 });
  });
});
