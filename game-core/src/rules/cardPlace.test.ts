import { describe, expect, it } from 'vitest';
import { cellPoint, locate } from '../board/geometry';
import { GUEST, HOST, accepted, ctx, deepFreeze, makeState, seat } from '../testing/fixtures';
import { cardPlace, MAX_BLANK_CARDS } from './cardPlace';

// Sector 0 is 'wonen', sector 1 'werk' (see the fixture).
const gemeenteWonen = cellPoint(2, 0, 6);

describe('cardPlace: a card from the deck', () => {
  it('puts the card on the wheel with its scenario details and takes it out of the deck', () => {
    const state = accepted(cardPlace(ctx(makeState(), seat('s1')), { tableId: 't1', defId: 'begeleid-wonen', ...gemeenteWonen }));
    const table = state.tables['t1']!;
    expect(table.cards['begeleid-wonen']).toEqual({
      id: 'begeleid-wonen',
      defId: 'begeleid-wonen',
      label: 'Begeleid wonen',
      law: 'Wmo 2015',
      roleId: 'consulent',
      x: gemeenteWonen.x,
      y: gemeenteWonen.y,
      rev: 0,
      placedBy: 's1',
      note: '',
      staged: false,
      paused: null,
      hidden: false,
    });
    expect(table.deck).toEqual(['bijbaan', 'zorgtoeslag']);
  });

  it('derives the support type and life domain from where the card lies', () => {
    const p = cellPoint(3, 1, 6);
    const state = accepted(cardPlace(ctx(makeState(), seat('s1')), { tableId: 't1', defId: 'bijbaan', ...p }));
    const card = state.tables['t1']!.cards['bijbaan']!;
    // The scenario files bijbaan under eigen/werk, but the spot where it was laid decides.
    expect(locate(card, 6)).toEqual({ kind: 'ring', ring: 3, supportType: 'landelijk', sector: 1 });
  });

  it('leaves the other tables\' decks and boards alone', () => {
    const before = makeState();
    const state = accepted(cardPlace(ctx(before, seat('s1')), { tableId: 't1', defId: 'bijbaan', ...gemeenteWonen }));
    expect(state.tables['t2']).toBe(before.tables['t2']);
    expect(state.tables['t2']!.deck).toContain('bijbaan');
  });

  it('lets the facilitator place a card at any table', () => {
    const state = accepted(cardPlace(ctx(makeState(), HOST), { tableId: 't2', defId: 'zorgtoeslag', ...gemeenteWonen }));
    expect(state.tables['t2']!.cards['zorgtoeslag']?.placedBy).toBe('host');
  });

  it('places a card that an event added to the deck', () => {
    const base = makeState();
    const t1 = base.tables['t1']!;
    const state0 = { ...base, tables: { ...base.tables, t1: { ...t1, deck: [...t1.deck, 'schuldhulp'] } } };
    const state = accepted(cardPlace(ctx(state0, seat('s1')), { tableId: 't1', defId: 'schuldhulp', ...gemeenteWonen }));
    expect(state.tables['t1']!.cards['schuldhulp']).toMatchObject({ defId: 'schuldhulp', label: 'Schuldhulp', roleId: null });
    expect(state.tables['t1']!.deck).not.toContain('schuldhulp');
  });

  it('refuses an event card that has not reached the deck yet', () => {
    expect(cardPlace(ctx(makeState(), seat('s1')), { tableId: 't1', defId: 'schuldhulp', ...gemeenteWonen })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('refuses a card that already lies on the board', () => {
    expect(cardPlace(ctx(makeState(), seat('s1')), { tableId: 't1', defId: 'jeugdhulp', ...gemeenteWonen })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('refuses a card the scenario does not know', () => {
    expect(cardPlace(ctx(makeState(), seat('s1')), { tableId: 't1', defId: 'loterij', ...gemeenteWonen })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});

describe('cardPlace: a blank card', () => {
  it('puts a blank card with the player\'s words and role on the wheel', () => {
    const state = accepted(cardPlace(ctx(makeState(), seat('s1'), 42), { tableId: 't1', label: '  Buurvrouw kookt  ', ...gemeenteWonen }));
    const table = state.tables['t1']!;
    expect(table.cards['blank-42']).toEqual({
      id: 'blank-42',
      defId: null,
      label: 'Buurvrouw kookt',
      law: null,
      roleId: 'pleegmoeder',
      x: gemeenteWonen.x,
      y: gemeenteWonen.y,
      rev: 0,
      placedBy: 's1',
      note: '',
      staged: false,
      paused: null,
      hidden: false,
    });
    expect(table.deck).toEqual(makeState().tables['t1']!.deck);
  });

  it('derives the blank card id from the version, so replicas agree', () => {
    const payload = { tableId: 't1', label: 'Sportclub', ...gemeenteWonen };
    const a = accepted(cardPlace(ctx(makeState(), seat('s1'), 9), payload));
    const b = accepted(cardPlace(ctx(makeState(), seat('s1'), 9), payload));
    expect(a).toEqual(b);
    expect(Object.keys(a.tables['t1']!.cards)).toContain('blank-9');
    const c = accepted(cardPlace(ctx(a, seat('s1'), 10), payload));
    expect(Object.keys(c.tables['t1']!.cards)).toEqual(expect.arrayContaining(['blank-9', 'blank-10']));
  });

  it('gives a blank card from the facilitator no role', () => {
    const state = accepted(cardPlace(ctx(makeState(), HOST), { tableId: 't1', label: 'Huisarts', ...gemeenteWonen }));
    expect(state.tables['t1']!.cards['blank-42']).toMatchObject({ roleId: null, placedBy: 'host' });
  });

  it('refuses a blank card without words', () => {
    expect(cardPlace(ctx(makeState(), seat('s1')), { tableId: 't1', label: '   ', ...gemeenteWonen })).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
    });
    expect(cardPlace(ctx(makeState(), seat('s1')), { tableId: 't1', ...gemeenteWonen })).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
    });
  });

  it(`refuses the blank card after the ${MAX_BLANK_CARDS}th at a table, from the facilitator too, but not a deck card or another table's`, () => {
    let state = makeState();
    for (let v = 1; v <= MAX_BLANK_CARDS; v++) state = accepted(cardPlace(ctx(state, seat('s1'), v), { tableId: 't1', label: `Kaart ${v}`, ...gemeenteWonen }));
    const full = deepFreeze(state);
    for (const actor of [seat('s1'), HOST])
      expect(cardPlace(ctx(full, actor, 999), { tableId: 't1', label: 'nog één', ...gemeenteWonen })).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
    expect(cardPlace(ctx(full, seat('s1'), 999), { tableId: 't1', defId: 'bijbaan', ...gemeenteWonen }).ok).toBe(true);
    expect(cardPlace(ctx(full, seat('s2'), 999), { tableId: 't2', label: 'Buurvrouw', ...gemeenteWonen }).ok).toBe(true);
  });
});

describe('cardPlace: where and who', () => {
  it('rejects a card dropped in the persona disc', () => {
    for (const p of [{ x: 0, y: 0 }, { x: 0.1, y: -0.1 }, { x: 0, y: -0.1999 }]) {
      expect(cardPlace(ctx(makeState(), seat('s1')), { tableId: 't1', defId: 'bijbaan', ...p })).toMatchObject({
        ok: false,
        code: 'OUT_OF_BOUNDS',
      });
    }
  });

  it('rejects a card dropped on the mat outside the wheel', () => {
    for (const p of [{ x: 1.0001, y: 0 }, { x: 0.9, y: 0.9 }, { x: -1.2, y: 1.2 }]) {
      expect(cardPlace(ctx(makeState(), seat('s1')), { tableId: 't1', label: 'Buiten', ...p })).toMatchObject({
        ok: false,
        code: 'OUT_OF_BOUNDS',
      });
    }
  });

  it('accepts a card on the rim and on the edge of the persona disc', () => {
    for (const p of [{ x: 0, y: -1 }, { x: 0.2, y: 0 }]) {
      expect(cardPlace(ctx(makeState(), seat('s1')), { tableId: 't1', label: 'Rand', ...p }).ok).toBe(true);
    }
  });

  it('refuses a guest who has not chosen a role', () => {
    expect(cardPlace(ctx(makeState(), GUEST), { tableId: 't1', defId: 'bijbaan', ...gemeenteWonen })).toMatchObject({
      ok: false,
      code: 'NOT_SEATED',
    });
  });

  it('refuses a seat that has been freed', () => {
    expect(cardPlace(ctx(makeState(), seat('s99')), { tableId: 't1', defId: 'bijbaan', ...gemeenteWonen })).toMatchObject({
      ok: false,
      code: 'NOT_SEATED',
    });
  });

  it('refuses a player placing a card at another table', () => {
    expect(cardPlace(ctx(makeState(), seat('s2')), { tableId: 't1', defId: 'bijbaan', ...gemeenteWonen })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('refuses a table that does not exist', () => {
    expect(cardPlace(ctx(makeState(), HOST), { tableId: 't9', defId: 'bijbaan', ...gemeenteWonen })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('leaves the state it was given untouched', () => {
    const before = deepFreeze(makeState());
    accepted(cardPlace(ctx(before, seat('s1')), { tableId: 't1', defId: 'bijbaan', ...gemeenteWonen }));
    accepted(cardPlace(ctx(before, seat('s1')), { tableId: 't1', label: 'Eigen kaart', ...gemeenteWonen }));
    expect(before.tables['t1']!.deck).toContain('bijbaan');
    expect(before.tables['t1']!.cards).not.toHaveProperty('bijbaan');
  });
});
