import { describe, expect, it } from 'vitest';
import { GUEST, HOST, accepted, ctx, deepFreeze, makeState, seat } from '../testing/fixtures';
import { promptShow } from './facilitation';
import { MAX_INSIGHTS_PER_SEAT, insightAdd, insightRemove, insightSet, insightsReveal } from './insight';

/** s1 (at t1) and s2 (at t2) each wrote one insight: i10 and i11. */
function written() {
  const s1 = accepted(insightAdd(ctx(makeState(), seat('s1'), 10, 8_000), { text: 'Oma is belangrijk' }));
  return accepted(insightAdd(ctx(s1, seat('s2'), 11, 8_100), { text: 'De Wmo helpt pas later' }));
}

describe('insightAdd', () => {
  it('records the text, the writer, their table and the time', () => {
    const state = accepted(insightAdd(ctx(makeState(), seat('s2'), 10, 8_000), { text: '  Praat eerder met elkaar  ' }));
    expect(state.insights).toEqual([
      { id: 'i10', seatId: 's2', tableId: 't2', text: 'Praat eerder met elkaar', prompt: null, hidden: false, revealed: false, at: 8_000 },
    ]);
  });

  it('records the question that was on the writer’s table at the time', () => {
    const asked = accepted(promptShow(ctx(makeState(), HOST), { prompt: { kind: 'praatplaat', group: 0, index: 0 }, tableIds: ['t1'] }));
    const state = accepted(insightAdd(ctx(asked, seat('s1'), 10), { text: 'Huur is duur' }));
    expect(state.insights[0]!.prompt).toEqual({ kind: 'praatplaat', group: 0, index: 0 });
    const other = accepted(insightAdd(ctx(asked, seat('s2'), 11), { text: 'Huur is duur' }));
    expect(other.insights[0]!.prompt).toBeNull();
  });

  it(`refuses a player’s insight beyond the ${MAX_INSIGHTS_PER_SEAT}th, and not someone else’s`, () => {
    let state = makeState();
    for (let i = 0; i < MAX_INSIGHTS_PER_SEAT; i++) state = accepted(insightAdd(ctx(state, seat('s1'), 10 + i), { text: `inzicht ${i}` }));
    expect(insightAdd(ctx(state, seat('s1'), 99), { text: 'nog een' })).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
    expect(insightAdd(ctx(state, seat('s2'), 99), { text: 'mijn eerste' }).ok).toBe(true);
  });

  it('refuses an insight of only spaces', () => {
    expect(insightAdd(ctx(makeState(), seat('s1')), { text: '   ' })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });

  it('refuses the facilitator, a guest and a freed seat: insights come from players', () => {
    for (const actor of [HOST, GUEST, seat('s99')]) {
      expect(insightAdd(ctx(makeState(), actor), { text: 'x' })).toMatchObject({ ok: false, code: 'NOT_SEATED' });
    }
  });

  it('leaves the state it was given untouched', () => {
    const before = deepFreeze(makeState());
    accepted(insightAdd(ctx(before, seat('s1')), { text: 'x' }));
    expect(before.insights).toEqual([]);
  });
});

describe('insightSet', () => {
  it('reveals one insight on the big screen', () => {
    const state = accepted(insightSet(ctx(written(), HOST), { insightId: 'i10', revealed: true }));
    expect(state.insights.map((i) => i.revealed)).toEqual([true, false]);
  });

  it('hides a revealed insight, which takes it off the big screen, and shows it again', () => {
    const revealed = accepted(insightSet(ctx(written(), HOST), { insightId: 'i10', revealed: true }));
    const hidden = accepted(insightSet(ctx(revealed, HOST), { insightId: 'i10', hidden: true }));
    expect(hidden.insights[0]).toMatchObject({ hidden: true, revealed: false });
    const back = accepted(insightSet(ctx(hidden, HOST), { insightId: 'i10', hidden: false }));
    expect(back.insights[0]).toMatchObject({ hidden: false, revealed: false });
  });

  it('never reveals a hidden insight', () => {
    const hidden = accepted(insightSet(ctx(written(), HOST), { insightId: 'i10', hidden: true }));
    expect(insightSet(ctx(hidden, HOST), { insightId: 'i10', revealed: true })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(accepted(insightSet(ctx(written(), HOST), { insightId: 'i10', hidden: true, revealed: true })).insights[0]!.revealed).toBe(false);
  });

  it('refuses a change that changes nothing, an unknown insight and a player moderating', () => {
    expect(insightSet(ctx(written(), HOST), { insightId: 'i10', hidden: false })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(insightSet(ctx(written(), HOST), { insightId: 'i99', hidden: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(insightSet(ctx(written(), seat('s1')), { insightId: 'i10', revealed: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('insightRemove', () => {
  it('removes an insight for good', () => {
    const state = accepted(insightRemove(ctx(written(), HOST), { insightId: 'i10' }));
    expect(state.insights.map((i) => i.id)).toEqual(['i11']);
  });

  it('refuses an unknown insight, and a player removing even their own', () => {
    expect(insightRemove(ctx(written(), HOST), { insightId: 'i99' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(insightRemove(ctx(written(), seat('s1')), { insightId: 'i10' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('insightsReveal', () => {
  it('reveals every insight that is not hidden, everywhere', () => {
    const hidden = accepted(insightSet(ctx(written(), HOST), { insightId: 'i11', hidden: true }));
    const state = accepted(insightsReveal(ctx(hidden, HOST), {}));
    expect(state.insights.map((i) => [i.id, i.revealed])).toEqual([
      ['i10', true],
      ['i11', false],
    ]);
  });

  it('reveals at the named tables only', () => {
    const state = accepted(insightsReveal(ctx(written(), HOST), { tableIds: ['t2'] }));
    expect(state.insights.map((i) => [i.tableId, i.revealed])).toEqual([
      ['t1', false],
      ['t2', true],
    ]);
  });

  it('refuses when there is nothing new to reveal', () => {
    expect(insightsReveal(ctx(makeState(), HOST), {})).toMatchObject({ ok: false, code: 'CONFLICT' });
    const all = accepted(insightsReveal(ctx(written(), HOST), {}));
    expect(insightsReveal(ctx(all, HOST), {})).toMatchObject({ ok: false, code: 'CONFLICT' });
    const hidden = accepted(insightSet(ctx(written(), HOST), { insightId: 'i10', hidden: true }));
    expect(insightsReveal(ctx(hidden, HOST), { tableIds: ['t1'] })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('refuses an unknown table and a player revealing', () => {
    expect(insightsReveal(ctx(written(), HOST), { tableIds: ['t9'] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(insightsReveal(ctx(written(), seat('s1')), {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
