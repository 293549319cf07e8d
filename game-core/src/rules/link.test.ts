import { describe, expect, it } from 'vitest';
import { GUEST, HOST, accepted, ctx, deepFreeze, makeState, seat, withTableChange } from '../testing/fixtures';
import { cardPlace } from './cardPlace';
import { cardRemove } from './cardRemove';
import { eventFire } from './eventFire';
import { MAX_LINKS, linkAdd, linkRemove } from './link';

const linked = () => accepted(linkAdd(ctx(makeState(), seat('s1'), 10), { tableId: 't1', from: 'oma-belt', to: 'jeugdhulp' }));

describe('linkAdd', () => {
  it('draws a line between two cards, with an id from the version and the player who drew it', () => {
    const before = makeState();
    const state = accepted(linkAdd(ctx(before, seat('s1'), 10), { tableId: 't1', from: 'oma-belt', to: 'jeugdhulp' }));
    expect(state.tables['t1']!.links).toEqual([{ id: 'l10', from: 'oma-belt', to: 'jeugdhulp', by: 's1' }]);
    expect(state.tables['t2']).toBe(before.tables['t2']);
  });

  it('refuses connecting a card to itself', () => {
    expect(linkAdd(ctx(makeState(), seat('s1')), { tableId: 't1', from: 'oma-belt', to: 'oma-belt' })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });

  it('refuses a second line between the same two cards, drawn either way', () => {
    const state = linked();
    expect(linkAdd(ctx(state, seat('s1')), { tableId: 't1', from: 'oma-belt', to: 'jeugdhulp' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(linkAdd(ctx(state, HOST), { tableId: 't1', from: 'jeugdhulp', to: 'oma-belt' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('refuses a card that is not on the board', () => {
    expect(linkAdd(ctx(makeState(), seat('s1')), { tableId: 't1', from: 'oma-belt', to: 'bijbaan' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(linkAdd(ctx(makeState(), seat('s1')), { tableId: 't1', from: 'nope', to: 'oma-belt' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it(`refuses a line beyond the ${MAX_LINKS}th at one table`, () => {
    const full = withTableChange(makeState(), 't1', (t) => ({
      ...t,
      links: Array.from({ length: MAX_LINKS }, (_, i) => ({ id: `x${i}`, from: `a${i}`, to: `b${i}`, by: 'host' })),
    }));
    expect(linkAdd(ctx(full, seat('s1')), { tableId: 't1', from: 'oma-belt', to: 'jeugdhulp' })).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
    expect(linkAdd(ctx(full, seat('s2')), { tableId: 't2', from: 'oma-belt', to: 'jeugdhulp' }).ok).toBe(true);
  });

  it('refuses a guest and a player at another table', () => {
    expect(linkAdd(ctx(makeState(), GUEST), { tableId: 't1', from: 'oma-belt', to: 'jeugdhulp' })).toMatchObject({ ok: false, code: 'NOT_SEATED' });
    expect(linkAdd(ctx(makeState(), seat('s2')), { tableId: 't1', from: 'oma-belt', to: 'jeugdhulp' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('leaves the state it was given untouched', () => {
    const before = deepFreeze(makeState());
    accepted(linkAdd(ctx(before, seat('s1')), { tableId: 't1', from: 'oma-belt', to: 'jeugdhulp' }));
    expect(before.tables['t1']!.links).toEqual([]);
  });
});

describe('linkRemove', () => {
  it('takes a line off the wheel', () => {
    const state = accepted(linkRemove(ctx(linked(), seat('s1')), { tableId: 't1', linkId: 'l10' }));
    expect(state.tables['t1']!.links).toEqual([]);
  });

  it('refuses a line that does not exist, or lies at another table', () => {
    expect(linkRemove(ctx(linked(), seat('s1')), { tableId: 't1', linkId: 'l11' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(linkRemove(ctx(linked(), HOST), { tableId: 't2', linkId: 'l10' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('lines to cards that leave the board', () => {
  it('go with a card that is taken off', () => {
    const two = accepted(linkAdd(ctx(linked(), seat('s1'), 11), { tableId: 't1', from: 'zelf-koken', to: 'studiefinanciering' }));
    const state = accepted(cardRemove(ctx(two, seat('s1')), { tableId: 't1', cardId: 'jeugdhulp' }));
    expect(state.tables['t1']!.links.map((l) => l.id)).toEqual(['l11']);
  });

  it('go with a card an event ends', () => {
    const placed = accepted(cardPlace(ctx(linked(), seat('s1'), 11), { tableId: 't1', defId: 'bijbaan', x: 0.3, y: 0 }));
    const two = accepted(linkAdd(ctx(placed, seat('s1'), 12), { tableId: 't1', from: 'bijbaan', to: 'oma-belt' }));
    const state = accepted(eventFire(ctx(two, HOST, 13), { eventId: 'achttien' }));
    expect(state.tables['t1']!.links.map((l) => l.id)).toEqual(['l12']);
  });
});
