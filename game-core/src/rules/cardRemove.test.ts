import { describe, expect, it } from 'vitest';
import { GUEST, HOST, accepted, ctx, deepFreeze, makeState, seat } from '../testing/fixtures';
import { cardPlace } from './cardPlace';
import { cardRemove } from './cardRemove';

describe('cardRemove', () => {
  it('takes a scenario card off the wheel and returns it to the deck', () => {
    const state = accepted(cardRemove(ctx(makeState(), seat('s1')), { tableId: 't1', cardId: 'jeugdhulp' }));
    expect(state.tables['t1']!.cards).not.toHaveProperty('jeugdhulp');
    expect(state.tables['t1']!.deck).toEqual(['bijbaan', 'begeleid-wonen', 'zorgtoeslag', 'jeugdhulp']);
  });

  it('returns a card placed from the deck to the deck exactly once', () => {
    const placed = accepted(cardPlace(ctx(makeState(), seat('s1')), { tableId: 't1', defId: 'bijbaan', x: 0.3, y: 0 }));
    const state = accepted(cardRemove(ctx(placed, seat('s1')), { tableId: 't1', cardId: 'bijbaan' }));
    expect(state.tables['t1']!.deck.filter((id) => id === 'bijbaan')).toHaveLength(1);
    expect(state.tables['t1']!.cards).not.toHaveProperty('bijbaan');
  });

  it('throws a blank card away instead of putting it in the deck', () => {
    const placed = accepted(cardPlace(ctx(makeState(), seat('s1'), 50), { tableId: 't1', label: 'Buurvrouw', x: 0.3, y: 0 }));
    const state = accepted(cardRemove(ctx(placed, seat('s1')), { tableId: 't1', cardId: 'blank-50' }));
    expect(state.tables['t1']!.cards).not.toHaveProperty('blank-50');
    expect(state.tables['t1']!.deck).toEqual(placed.tables['t1']!.deck);
  });

  it('lets the facilitator remove a card at any table', () => {
    const state = accepted(cardRemove(ctx(makeState(), HOST), { tableId: 't2', cardId: 'oma-belt' }));
    expect(state.tables['t2']!.cards).not.toHaveProperty('oma-belt');
    expect(state.tables['t1']!.cards).toHaveProperty('oma-belt');
  });

  it('refuses a card that is not on the board', () => {
    expect(cardRemove(ctx(makeState(), seat('s1')), { tableId: 't1', cardId: 'bijbaan' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('refuses a table that does not exist', () => {
    expect(cardRemove(ctx(makeState(), HOST), { tableId: 't9', cardId: 'jeugdhulp' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('refuses a guest who has not chosen a role', () => {
    expect(cardRemove(ctx(makeState(), GUEST), { tableId: 't1', cardId: 'jeugdhulp' })).toMatchObject({ ok: false, code: 'NOT_SEATED' });
  });

  it('refuses a player removing a card at another table', () => {
    expect(cardRemove(ctx(makeState(), seat('s2')), { tableId: 't1', cardId: 'jeugdhulp' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('leaves the state it was given untouched', () => {
    const before = deepFreeze(makeState());
    accepted(cardRemove(ctx(before, seat('s1')), { tableId: 't1', cardId: 'jeugdhulp' }));
    expect(before.tables['t1']!.cards).toHaveProperty('jeugdhulp');
    expect(before.tables['t1']!.deck).not.toContain('jeugdhulp');
  });
});
