import { describe, expect, it } from 'vitest';
import { createTable } from '../state/initial';
import { GUEST, HOST, accepted, ctx, deepFreeze, makeState, seat } from '../testing/fixtures';
import { MAX_TABLES, tableAdd } from './tableAdd';

describe('tableAdd', () => {
  it('opens a fresh table with the scenario\'s board, after the existing ones', () => {
    const before = makeState();
    const state = accepted(tableAdd(ctx(before, HOST), { name: '  Tafel 3 ' }));
    expect(state.tableOrder).toEqual(['t1', 't2', 't3']);
    expect(state.tables['t3']).toEqual(createTable(before.scenario, 't3', 'Tafel 3'));
    expect(state.tables['t1']).toBe(before.tables['t1']);
  });

  it('opens a table that matches the tables created with the session, apart from id and name', () => {
    const state = accepted(tableAdd(ctx(makeState({ staged: true }), HOST), { name: 'Extra' }));
    const { id: _a, name: _b, ...fresh } = state.tables['t3']!;
    const { id: _c, name: _d, ...first } = state.tables['t1']!;
    expect(fresh).toEqual(first);
  });

  it('numbers tables in order, so replicas agree on the id', () => {
    let state = makeState();
    for (let i = 3; i <= 5; i++) state = accepted(tableAdd(ctx(state, HOST, 100 + i), { name: `Tafel ${i}` }));
    expect(state.tableOrder).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(state.tables['t5']?.name).toBe('Tafel 5');
  });

  it(`refuses a table beyond the ${MAX_TABLES}th`, () => {
    let state = makeState();
    while (state.tableOrder.length < MAX_TABLES) state = accepted(tableAdd(ctx(state, HOST), { name: 'Tafel' }));
    expect(tableAdd(ctx(state, HOST), { name: 'Een te veel' })).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
  });

  it('refuses a player or a guest adding a table', () => {
    for (const actor of [seat('s1'), GUEST]) {
      expect(tableAdd(ctx(makeState(), actor), { name: 'Tafel 3' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('leaves the state it was given untouched', () => {
    const before = deepFreeze(makeState());
    accepted(tableAdd(ctx(before, HOST), { name: 'Tafel 3' }));
    expect(before.tableOrder).toEqual(['t1', 't2']);
    expect(before.tables).not.toHaveProperty('t3');
  });
});
