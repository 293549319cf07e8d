import { describe, expect, it } from 'vitest';
import { HOST, accepted, ctx, deepFreeze, makeState, seat, withNeighbour } from '../testing/fixtures';
import { cardMove } from './cardMove';
import { cardNote } from './cardNote';
import { cardPlace } from './cardPlace';
import { cardRemove } from './cardRemove';
import { linkAdd } from './link';
import { tokenMove } from './tokenMove';
import {
  boardLock,
  cardsReveal,
  interviewReveal,
  privacySet,
  promptShow,
  promptText,
  screenShow,
  situationReveal,
} from './facilitation';

const START_ORDER = ['zelf-koken', 'zelf-wassen', 'oma-belt', 'jeugdhulp', 'studiefinanciering'];
const onBoard = (state: ReturnType<typeof makeState>, tableId: string) =>
  Object.values(state.tables[tableId]!.cards)
    .filter((c) => !c.staged)
    .map((c) => c.id);

describe('board lock ("Rust")', () => {
  it('refuses players’ board changes while locked, with LOCKED, and lets the facilitator act', () => {
    const locked = accepted(boardLock(ctx(deepFreeze(makeState()), HOST), { locked: true }));
    expect(cardPlace(ctx(locked, seat('s1')), { tableId: 't1', defId: 'bijbaan', x: 0.3, y: 0 })).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(cardMove(ctx(locked, seat('s1')), { tableId: 't1', cardId: 'zelf-koken', x: 0.3, y: 0, rev: 0 })).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(tokenMove(ctx(locked, seat('s1')), { tableId: 't1', roleId: 'pleegmoeder', x: 1.1, y: 0, rev: 0 })).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(cardNote(ctx(locked, seat('s1')), { tableId: 't1', cardId: 'zelf-koken', note: 'x' })).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(linkAdd(ctx(locked, seat('s1')), { tableId: 't1', from: 'zelf-koken', to: 'oma-belt' })).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(cardPlace(ctx(locked, HOST), { tableId: 't1', defId: 'bijbaan', x: 0.3, y: 0 }).ok).toBe(true);
    const open = accepted(boardLock(ctx(locked, HOST), { locked: false }));
    expect(cardPlace(ctx(open, seat('s1')), { tableId: 't1', defId: 'bijbaan', x: 0.3, y: 0 }).ok).toBe(true);
  });

  it('locks only the named tables, so players at another table play on', () => {
    const locked = accepted(boardLock(ctx(makeState(), HOST), { locked: true, tableIds: ['t1'] }));
    expect(locked.tables['t1']!.locked).toBe(true);
    expect(locked.tables['t2']!.locked).toBe(false);
    expect(cardPlace(ctx(locked, seat('s1')), { tableId: 't1', defId: 'bijbaan', x: 0.3, y: 0 })).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(cardPlace(ctx(locked, seat('s2')), { tableId: 't2', defId: 'bijbaan', x: 0.3, y: 0 }).ok).toBe(true);
  });

  it('locks every table when none are named', () => {
    const locked = accepted(boardLock(ctx(makeState(), HOST), { locked: true }));
    expect(locked.tableOrder.map((id) => locked.tables[id]!.locked)).toEqual([true, true]);
  });

  it('refuses a player locking, and locking twice', () => {
    expect(boardLock(ctx(makeState(), seat('s1')), { locked: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(boardLock(ctx(makeState(), HOST), { locked: false })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const one = accepted(boardLock(ctx(makeState(), HOST), { locked: true, tableIds: ['t1'] }));
    expect(boardLock(ctx(one, HOST), { locked: true, tableIds: ['t1'] })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(boardLock(ctx(makeState(), HOST), { locked: true, tableIds: ['t9'] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('interviewReveal', () => {
  it('reveals answers up to a count and can take them back', () => {
    const shown = accepted(interviewReveal(ctx(makeState(), HOST), { count: 1 }));
    expect(shown.tables['t1']!.interviewRevealed).toBe(1);
    expect(shown.tables['t2']!.interviewRevealed).toBe(1);
    expect(accepted(interviewReveal(ctx(shown, HOST), { count: 0 })).tables['t1']!.interviewRevealed).toBe(0);
  });

  it('reveals at the named tables only', () => {
    const before = makeState();
    const shown = accepted(interviewReveal(ctx(before, HOST), { count: 1, tableIds: ['t2'] }));
    expect(shown.tables['t2']!.interviewRevealed).toBe(1);
    expect(shown.tables['t1']).toBe(before.tables['t1']);
  });

  it('refuses a count beyond the interview, a player revealing, and revealing what is already shown', () => {
    expect(interviewReveal(ctx(makeState(), HOST), { count: 5 })).toMatchObject({ ok: false, code: 'OUT_OF_BOUNDS' });
    expect(interviewReveal(ctx(makeState(), seat('s1')), { count: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(interviewReveal(ctx(makeState(), HOST), { count: 0 })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('promptShow', () => {
  it('shows a reflection question at every table, and clears it', () => {
    const reflection = accepted(promptShow(ctx(makeState(), HOST), { prompt: { kind: 'reflection', index: 0 } }));
    expect(reflection.tables['t1']!.prompt).toEqual({ kind: 'reflection', index: 0 });
    expect(reflection.tables['t2']!.prompt).toEqual({ kind: 'reflection', index: 0 });
    expect(accepted(promptShow(ctx(reflection, HOST), { prompt: null })).tables['t1']!.prompt).toBeNull();
  });

  it('shows a praatplaat question at the named tables only', () => {
    const before = makeState();
    const state = accepted(promptShow(ctx(before, HOST), { prompt: { kind: 'praatplaat', group: 0, index: 1 }, tableIds: ['t1'] }));
    expect(state.tables['t1']!.prompt).toEqual({ kind: 'praatplaat', group: 0, index: 1 });
    expect(state.tables['t2']).toBe(before.tables['t2']);
    expect(promptText(state, { kind: 'praatplaat', group: 0, index: 1 })).toBe('Wat als het misgaat?');
  });

  it('refuses a question the scenario does not have', () => {
    const unknown = [
      { kind: 'reflection', index: 3 },
      { kind: 'step', step: 'situatie', index: 0 },
      { kind: 'event', eventId: 'nope', index: 0 },
      { kind: 'event', eventId: 'achttien', index: 0 },
      { kind: 'praatplaat', group: 0, index: 2 },
      { kind: 'praatplaat', group: 1, index: 0 },
    ] as const;
    for (const prompt of unknown) expect(promptShow(ctx(makeState(), HOST), { prompt }), JSON.stringify(prompt)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(promptShow(ctx(makeState(), seat('s1')), { prompt: null })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses showing the question that is already shown', () => {
    expect(promptShow(ctx(makeState(), HOST), { prompt: null })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const shown = accepted(promptShow(ctx(makeState(), HOST), { prompt: { kind: 'praatplaat', group: 0, index: 0 } }));
    expect(promptShow(ctx(shown, HOST), { prompt: { kind: 'praatplaat', group: 0, index: 0 } })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('situationReveal', () => {
  it('brings the starting cards onto the wheel one by one, in the scenario’s order', () => {
    let state = makeState({ staged: true });
    expect(onBoard(state, 't1')).toEqual([]);
    for (let i = 1; i <= START_ORDER.length; i++) {
      state = accepted(situationReveal(ctx(state, HOST), { all: false }));
      expect(onBoard(state, 't1').sort()).toEqual(START_ORDER.slice(0, i).sort());
    }
  });

  it('brings every waiting card at once with all', () => {
    const one = accepted(situationReveal(ctx(makeState({ staged: true }), HOST), { all: false }));
    const all = accepted(situationReveal(ctx(one, HOST), { all: true }));
    expect(onBoard(all, 't1').sort()).toEqual([...START_ORDER].sort());
  });

  it('reveals at the named tables only', () => {
    const before = makeState({ staged: true });
    const state = accepted(situationReveal(ctx(before, HOST), { all: true, tableIds: ['t2'] }));
    expect(onBoard(state, 't2')).toHaveLength(START_ORDER.length);
    expect(state.tables['t1']).toBe(before.tables['t1']);
  });

  it('refuses when no starting card is left to bring in', () => {
    expect(situationReveal(ctx(makeState(), HOST), { all: false })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(situationReveal(ctx(makeState(), HOST), { all: true })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('refuses a player building up the situation', () => {
    expect(situationReveal(ctx(makeState({ staged: true }), seat('s1')), { all: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('keeps a waiting card out of players’ hands: they cannot move, remove, connect or note it', () => {
    const state = makeState({ staged: true });
    const s1 = ctx(state, seat('s1'));
    expect(cardMove(s1, { tableId: 't1', cardId: 'jeugdhulp', x: 0.5, y: 0, rev: 0 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(cardRemove(s1, { tableId: 't1', cardId: 'jeugdhulp' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(linkAdd(s1, { tableId: 't1', from: 'jeugdhulp', to: 'oma-belt' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(cardNote(s1, { tableId: 't1', cardId: 'jeugdhulp', note: 'stopt' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('lets the facilitator handle a waiting card', () => {
    const host = ctx(makeState({ staged: true }), HOST);
    expect(cardMove(host, { tableId: 't1', cardId: 'jeugdhulp', x: 0.5, y: 0, rev: 0 }).ok).toBe(true);
    expect(cardRemove(host, { tableId: 't1', cardId: 'jeugdhulp' }).ok).toBe(true);
    expect(linkAdd(host, { tableId: 't1', from: 'jeugdhulp', to: 'oma-belt' }).ok).toBe(true);
    expect(cardNote(host, { tableId: 't1', cardId: 'jeugdhulp', note: 'stopt' }).ok).toBe(true);
  });
});

describe('privacySet and cardsReveal', () => {
  const privateT1 = () => accepted(privacySet(ctx(withNeighbour(makeState()), HOST), { private: true, tableIds: ['t1'] }));

  it('hides a card a player places in private mode, and not one the facilitator places', () => {
    const state = privateT1();
    const byPlayer = accepted(cardPlace(ctx(state, seat('s1')), { tableId: 't1', defId: 'bijbaan', x: 0.3, y: 0 }));
    expect(byPlayer.tables['t1']!.cards['bijbaan']).toMatchObject({ hidden: true, placedBy: 's1' });
    const byHost = accepted(cardPlace(ctx(state, HOST, 43), { tableId: 't1', label: 'Huisarts', x: 0.3, y: 0 }));
    expect(byHost.tables['t1']!.cards['blank-43']).toMatchObject({ hidden: false });
  });

  it('hides nothing at a table that is not in private mode', () => {
    const state = accepted(cardPlace(ctx(privateT1(), seat('s2')), { tableId: 't2', defId: 'bijbaan', x: 0.3, y: 0 }));
    expect(state.tables['t2']!.cards['bijbaan']!.hidden).toBe(false);
  });

  it('lets the placer move a hidden card, and not the other player at the table', () => {
    const state = accepted(cardPlace(ctx(privateT1(), seat('s1')), { tableId: 't1', defId: 'bijbaan', x: 0.3, y: 0 }));
    expect(cardMove(ctx(state, seat('s3')), { tableId: 't1', cardId: 'bijbaan', x: 0.5, y: 0, rev: 0 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(cardRemove(ctx(state, seat('s3')), { tableId: 't1', cardId: 'bijbaan' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(cardMove(ctx(state, seat('s1')), { tableId: 't1', cardId: 'bijbaan', x: 0.5, y: 0, rev: 0 }).ok).toBe(true);
  });

  it('shows every hidden card to everyone when the facilitator reveals them', () => {
    const placed = accepted(cardPlace(ctx(privateT1(), seat('s1')), { tableId: 't1', defId: 'bijbaan', x: 0.3, y: 0 }));
    const revealed = accepted(cardsReveal(ctx(placed, HOST), {}));
    expect(Object.values(revealed.tables['t1']!.cards).every((c) => !c.hidden)).toBe(true);
    expect(cardMove(ctx(revealed, seat('s3')), { tableId: 't1', cardId: 'bijbaan', x: 0.5, y: 0, rev: 0 }).ok).toBe(true);
  });

  it('keeps cards placed after private mode ends visible', () => {
    const off = accepted(privacySet(ctx(privateT1(), HOST), { private: false }));
    const state = accepted(cardPlace(ctx(off, seat('s1')), { tableId: 't1', defId: 'bijbaan', x: 0.3, y: 0 }));
    expect(state.tables['t1']!.cards['bijbaan']!.hidden).toBe(false);
  });

  it('refuses switching to the mode a table is already in, and revealing when nothing is hidden', () => {
    expect(privacySet(ctx(makeState(), HOST), { private: false })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(privacySet(ctx(privateT1(), HOST), { private: true, tableIds: ['t1'] })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(cardsReveal(ctx(privateT1(), HOST), {})).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('refuses a player switching private mode or revealing cards', () => {
    expect(privacySet(ctx(makeState(), seat('s1')), { private: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(cardsReveal(ctx(makeState(), seat('s1')), {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('screenShow', () => {
  it('puts one table, or two side by side, on the big screen', () => {
    expect(makeState().screenTables).toEqual(['t1']);
    expect(accepted(screenShow(ctx(makeState(), HOST), { tableIds: ['t2'] })).screenTables).toEqual(['t2']);
    expect(accepted(screenShow(ctx(makeState(), HOST), { tableIds: ['t2', 't1'] })).screenTables).toEqual(['t2', 't1']);
  });

  it('keeps a table named twice only once', () => {
    expect(accepted(screenShow(ctx(makeState(), HOST), { tableIds: ['t2', 't1', 't2'] })).screenTables).toEqual(['t2', 't1']);
  });

  it('refuses a table that does not exist', () => {
    expect(screenShow(ctx(makeState(), HOST), { tableIds: ['t1', 't9'] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('refuses anyone but the facilitator', () => {
    expect(screenShow(ctx(makeState(), seat('s1')), { tableIds: ['t1'] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
