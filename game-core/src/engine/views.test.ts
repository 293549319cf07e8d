import { describe, expect, it } from 'vitest';
import { cellPoint } from '../board/geometry';
import type { Viewer } from '../protocol/index';
import { cardMove } from '../rules/cardMove';
import { cardPlace } from '../rules/cardPlace';
import { cardRemove } from '../rules/cardRemove';
import { eventFire } from '../rules/eventFire';
import { privacySet, situationReveal } from '../rules/facilitation';
import { insightAdd, insightSet } from '../rules/insight';
import { linkAdd, linkRemove } from '../rules/link';
import type { CardOnBoard, Insight } from '../state/types';
import { HOST, accepted, ctx, makeState, seat } from '../testing/fixtures';
import { cardPlaceOf, diffTables, isCardVisible, isInsightVisible } from './views';

const host: Viewer = { kind: 'host' };
const placer: Viewer = { kind: 'seat', seatId: 's1' };
const other: Viewer = { kind: 'seat', seatId: 's3' };
const screen: Viewer = { kind: 'screen' };
const guest: Viewer = { kind: 'guest' };

const card = (over: Partial<CardOnBoard>): CardOnBoard => ({
  id: 'c',
  defId: null,
  label: 'Kaart',
  law: null,
  roleId: null,
  x: 0.3,
  y: 0,
  rev: 0,
  placedBy: 's1',
  note: '',
  staged: false,
  hidden: false,
  paused: null,
  ...over,
});

describe('isCardVisible', () => {
  it('shows a card on the open board to everyone, nobody included', () => {
    for (const viewer of [host, placer, other, screen, guest, null]) expect(isCardVisible(card({}), viewer)).toBe(true);
  });

  it('shows a waiting starting card to the facilitator only', () => {
    const staged = card({ staged: true, placedBy: 'scenario' });
    expect(isCardVisible(staged, host)).toBe(true);
    for (const viewer of [placer, other, screen, guest, null]) expect(isCardVisible(staged, viewer)).toBe(false);
  });

  it('shows a card placed in private mode to its placer and the facilitator only', () => {
    const hidden = card({ hidden: true });
    expect(isCardVisible(hidden, host)).toBe(true);
    expect(isCardVisible(hidden, placer)).toBe(true);
    for (const viewer of [other, screen, guest, null]) expect(isCardVisible(hidden, viewer)).toBe(false);
  });

  it('hides a card placed in private mode from a player at another seat', () => {
    const priv = accepted(privacySet(ctx(makeState(), HOST), { private: true }));
    const state = accepted(cardPlace(ctx(priv, seat('s1')), { tableId: 't1', defId: 'bijbaan', x: 0.3, y: 0 }));
    const placed = state.tables['t1']!.cards['bijbaan']!;
    expect(isCardVisible(placed, { kind: 'seat', seatId: 's2' })).toBe(false);
    expect(isCardVisible(placed, placer)).toBe(true);
  });
});

describe('isInsightVisible', () => {
  const insight = (over: Partial<Insight>): Insight => ({
    id: 'i1',
    seatId: 's1',
    tableId: 't1',
    text: 'Oma is belangrijk',
    prompt: null,
    hidden: false,
    revealed: false,
    at: 0,
    ...over,
  });

  it('shows an unrevealed insight to its writer and the facilitator only', () => {
    expect(isInsightVisible(insight({}), host)).toBe(true);
    expect(isInsightVisible(insight({}), placer)).toBe(true);
    for (const viewer of [other, screen, guest, null]) expect(isInsightVisible(insight({}), viewer)).toBe(false);
  });

  it('shows a revealed insight to everyone', () => {
    for (const viewer of [host, placer, other, screen, guest, null]) expect(isInsightVisible(insight({ revealed: true }), viewer)).toBe(true);
  });

  it('shows a hidden insight to the facilitator only, not even to its writer', () => {
    const hidden = insight({ hidden: true, revealed: true });
    expect(isInsightVisible(hidden, host)).toBe(true);
    for (const viewer of [placer, other, screen, guest, null]) expect(isInsightVisible(hidden, viewer)).toBe(false);
  });

  it('follows what the rules do with an insight', () => {
    const written = accepted(insightAdd(ctx(makeState(), seat('s1'), 10), { text: 'Oma' }));
    const revealed = accepted(insightSet(ctx(written, HOST), { insightId: 'i10', revealed: true }));
    expect(isInsightVisible(written.insights[0]!, screen)).toBe(false);
    expect(isInsightVisible(revealed.insights[0]!, screen)).toBe(true);
  });
});

describe('cardPlaceOf', () => {
  it('names the support type and life domain of the cell a card lies in', () => {
    const state = makeState();
    // jeugdhulp starts in gemeente / gezondheid.
    expect(cardPlaceOf(state, state.tables['t1']!.cards['jeugdhulp']!)).toEqual({ supportType: 'gemeente', sectorId: 'gezondheid' });
    expect(cardPlaceOf(state, card(cellPoint(1, 1, 6)))).toEqual({ supportType: 'informeel', sectorId: 'werk' });
  });

  it('gives nothing for a card in the persona disc or off the wheel', () => {
    expect(cardPlaceOf(makeState(), card({ x: 0, y: 0 }))).toBeNull();
    expect(cardPlaceOf(makeState(), card({ x: 1.2, y: 0 }))).toBeNull();
  });
});

describe('diffTables', () => {
  it('finds nothing between a table and itself', () => {
    const t1 = makeState().tables['t1']!;
    expect(diffTables(makeState(), t1, t1)).toEqual({ added: [], removed: [], moved: [], paused: [], resumed: [], roles: [], linksAdded: [], linksRemoved: [] });
  });

  it('lists cards added, removed and moved to another cell, but not one nudged within its cell', () => {
    const before = makeState();
    let state = accepted(cardPlace(ctx(before, seat('s1'), 10), { tableId: 't1', defId: 'bijbaan', x: 0.3, y: 0 }));
    state = accepted(cardRemove(ctx(state, seat('s1'), 11), { tableId: 't1', cardId: 'zelf-koken' }));
    state = accepted(cardMove(ctx(state, seat('s1'), 12), { tableId: 't1', cardId: 'jeugdhulp', ...cellPoint(1, 1, 6), rev: 0 }));
    const nudge = state.tables['t1']!.cards['oma-belt']!;
    state = accepted(cardMove(ctx(state, seat('s1'), 13), { tableId: 't1', cardId: 'oma-belt', x: nudge.x * 1.01, y: nudge.y * 1.01, rev: 0 }));
    const diff = diffTables(state, before.tables['t1']!, state.tables['t1']!);
    expect(diff.added).toEqual(['bijbaan']);
    expect(diff.removed.map((c) => c.id)).toEqual(['zelf-koken']);
    expect(diff.moved).toEqual(['jeugdhulp']);
  });

  it('lists a card an event ended as removed', () => {
    const before = makeState();
    const after = accepted(eventFire(ctx(before, HOST), { eventId: 'achttien' }));
    expect(diffTables(after, before.tables['t1']!, after.tables['t1']!).removed.map((c) => c.id)).toEqual(['jeugdhulp']);
  });

  it('does not count waiting starting cards, and counts them as added once they are revealed', () => {
    const before = makeState({ staged: true });
    const after = accepted(situationReveal(ctx(before, HOST), { all: false }));
    expect(diffTables(after, before.tables['t1']!, after.tables['t1']!).added).toEqual(['zelf-koken']);
    expect(diffTables(before, before.tables['t1']!, before.tables['t1']!).removed).toEqual([]);
  });

  it('lists lines drawn and taken away', () => {
    const before = accepted(linkAdd(ctx(makeState(), seat('s1'), 10), { tableId: 't1', from: 'oma-belt', to: 'jeugdhulp' }));
    let after = accepted(linkRemove(ctx(before, seat('s1'), 11), { tableId: 't1', linkId: 'l10' }));
    after = accepted(linkAdd(ctx(after, seat('s1'), 12), { tableId: 't1', from: 'zelf-koken', to: 'jeugdhulp' }));
    const diff = diffTables(after, before.tables['t1']!, after.tables['t1']!);
    expect(diff.linksAdded).toEqual(['l12']);
    expect(diff.linksRemoved).toEqual(['l10']);
  });
});
