import { describe, expect, it } from 'vitest';
import { STEPS } from '../state/types';
import { GUEST, HOST, SYSTEM, accepted, ctx, deepFreeze, makeState, seat, withTableChange } from '../testing/fixtures';
import { promptShow } from './facilitation';
import { stepSet, stepSummon } from './stepSet';

const stagedIds = (state: ReturnType<typeof makeState>, tableId: string) =>
  Object.values(state.tables[tableId]!.cards)
    .filter((c) => c.staged)
    .map((c) => c.id);

/** The fixture with the pleegmoeder and the consulent marked required: t1 seats only the first, t2 only the second. */
function withRequiredRoles() {
  const state = makeState();
  const roles = state.scenario.roles.map((r) => ({ ...r, required: r.id === 'pleegmoeder' || r.id === 'consulent' }));
  return deepFreeze({ ...state, scenario: { ...state.scenario, roles } });
}

describe('stepSet with required roles', () => {
  it('refuses to start play at a table while a required role is free there, naming the role', () => {
    const result = stepSet(ctx(withRequiredRoles(), HOST), { step: 'spelen', tableIds: ['t1'] });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(!result.ok && result.message).toContain('required roles are free at Tafel 1: consulent');
  });

  it('starts play anyway when the facilitator says so', () => {
    const state = accepted(stepSet(ctx(withRequiredRoles(), HOST), { step: 'spelen', force: true }));
    expect(state.tables.t1!.step).toBe('spelen');
  });

  it('lets the early steps and a table already playing go on without the required roles', () => {
    let state = accepted(stepSet(ctx(withRequiredRoles(), HOST), { step: 'situatie' }));
    state = accepted(stepSet(ctx(state, HOST), { step: 'spelen', force: true }));
    // Once play has started, going to the reflection does not ask again.
    expect(accepted(stepSet(ctx(state, HOST), { step: 'reflectie' })).tables.t1!.step).toBe('reflectie');
  });

  it('starts play when every required role at the table has a player', () => {
    const state = withRequiredRoles();
    const seated = { ...state, seats: { ...state.seats, s3: { id: 's3', tableId: 't1', roleId: 'consulent', name: 'Cas', joinedAt: 1_000 } } };
    expect(accepted(stepSet(ctx(seated, HOST), { step: 'spelen', tableIds: ['t1'] })).tables.t1!.step).toBe('spelen');
  });
});

describe('stepSet', () => {
  it('lets the facilitator go to any other step, forward or back', () => {
    let state = makeState();
    for (const step of [...STEPS.slice(1), 'kennismaken', 'reflectie', 'situatie'] as const) {
      state = accepted(stepSet(ctx(state, HOST), { step }));
      expect(state.tables['t1']!.step).toBe(step);
    }
  });

  it('moves every table when no tables are named', () => {
    const state = accepted(stepSet(ctx(makeState(), HOST), { step: 'situatie' }));
    expect(state.tableOrder.map((id) => state.tables[id]!.step)).toEqual(['situatie', 'situatie']);
  });

  it('moves only the named tables and leaves the others untouched', () => {
    const before = makeState();
    const state = accepted(stepSet(ctx(before, HOST), { step: 'situatie', tableIds: ['t2'] }));
    expect(state.tables['t2']!.step).toBe('situatie');
    expect(state.tables['t1']).toBe(before.tables['t1']);
  });

  it('changes nothing but the step', () => {
    const before = makeState();
    const after = accepted(stepSet(ctx(before, HOST), { step: 'spelen' }));
    expect(after).toEqual({
      ...before,
      tables: { t1: { ...before.tables['t1']!, step: 'spelen' }, t2: { ...before.tables['t2']!, step: 'spelen' } },
    });
  });

  it('refuses going to the step every table is already at', () => {
    expect(stepSet(ctx(makeState(), HOST), { step: 'kennismaken' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const one = accepted(stepSet(ctx(makeState(), HOST), { step: 'situatie', tableIds: ['t1'] }));
    expect(stepSet(ctx(one, HOST), { step: 'situatie', tableIds: ['t1'] })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('moves the tables that are not there yet when some already are', () => {
    const one = accepted(stepSet(ctx(makeState(), HOST), { step: 'situatie', tableIds: ['t1'] }));
    const both = accepted(stepSet(ctx(one, HOST), { step: 'situatie' }));
    expect(both.tables['t1']).toBe(one.tables['t1']);
    expect(both.tables['t2']!.step).toBe('situatie');
  });

  it('refuses a table that does not exist', () => {
    expect(stepSet(ctx(makeState(), HOST), { step: 'spelen', tableIds: ['t1', 't9'] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('brings the starting cards still waiting onto the board from spelen on', () => {
    for (const step of ['spelen', 'reflectie'] as const) {
      const state = accepted(stepSet(ctx(makeState({ staged: true }), HOST), { step, tableIds: ['t1'] }));
      expect(stagedIds(state, 't1'), step).toEqual([]);
      expect(stagedIds(state, 't2'), step).toHaveLength(5);
    }
  });

  it('keeps the starting cards waiting in the first two steps', () => {
    const state = accepted(stepSet(ctx(makeState({ staged: true }), HOST), { step: 'situatie' }));
    expect(stagedIds(state, 't1')).toHaveLength(5);
  });

  it('clears the question on the screen, which belonged to the step before', () => {
    const asked = accepted(promptShow(ctx(makeState(), HOST), { prompt: { kind: 'reflection', index: 0 } }));
    const state = accepted(stepSet(ctx(asked, HOST), { step: 'situatie', tableIds: ['t1'] }));
    expect(state.tables['t1']!.prompt).toBeNull();
    expect(state.tables['t2']!.prompt).toEqual({ kind: 'reflection', index: 0 });
  });

  it('refuses a player or a guest changing the step', () => {
    for (const actor of [seat('s1'), GUEST]) {
      expect(stepSet(ctx(makeState(), actor), { step: 'spelen' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('lets the system change the step, as the facilitator would', () => {
    expect(accepted(stepSet(ctx(makeState(), SYSTEM), { step: 'spelen' })).tables['t1']!.step).toBe('spelen');
  });

  it('leaves the state it was given untouched', () => {
    const before = deepFreeze(makeState({ staged: true }));
    accepted(stepSet(ctx(before, HOST), { step: 'reflectie' }));
    expect(before.tables['t1']!.step).toBe('kennismaken');
    expect(stagedIds(before, 't1')).toHaveLength(5);
  });
});

describe('stepSummon', () => {
  it('calls every table back when no tables are named', () => {
    const state = accepted(stepSummon(ctx(makeState(), HOST), {}));
    expect(state.tables['t1']!.summons).toBe(1);
    expect(state.tables['t2']!.summons).toBe(1);
    expect(accepted(stepSummon(ctx(state, HOST), {})).tables['t1']!.summons).toBe(2);
  });

  it('calls back only the named tables', () => {
    const before = makeState();
    const state = accepted(stepSummon(ctx(before, HOST), { tableIds: ['t2'] }));
    expect(state.tables['t2']!.summons).toBe(1);
    expect(state.tables['t1']).toBe(before.tables['t1']);
  });

  it('changes nothing else, not even the step', () => {
    const before = withTableChange(makeState(), 't1', (t) => ({ ...t, step: 'spelen' }));
    const state = accepted(stepSummon(ctx(before, HOST), { tableIds: ['t1'] }));
    expect(state.tables['t1']).toEqual({ ...before.tables['t1']!, summons: 1 });
  });

  it('refuses a player and a table that does not exist', () => {
    expect(stepSummon(ctx(makeState(), seat('s1')), {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(stepSummon(ctx(makeState(), HOST), { tableIds: ['t9'] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
