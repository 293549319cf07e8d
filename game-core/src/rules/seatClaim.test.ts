import { describe, expect, it } from 'vitest';
import { GUEST, HOST, SYSTEM, accepted, ctx, deepFreeze, makeState, seat } from '../testing/fixtures';
import { seatClaim } from './seatClaim';

describe('seatClaim', () => {
  it('gives a guest a seat with the free role at the chosen table', () => {
    const state = accepted(seatClaim(ctx(makeState(), GUEST, 42, 7_000), { tableId: 't1', roleId: 'mentor', name: '  Cas ' }));
    expect(state.seats['s42']).toEqual({ id: 's42', tableId: 't1', roleId: 'mentor', name: 'Cas', joinedAt: 7_000 });
    expect(Object.keys(state.seats).sort()).toEqual(['s1', 's2', 's42']);
  });

  it('derives the seat id from the version, so every replica names the seat the same', () => {
    const payload = { tableId: 't2', roleId: 'tess', name: 'Dani' };
    const a = accepted(seatClaim(ctx(makeState(), GUEST, 7), payload));
    const b = accepted(seatClaim(ctx(makeState(), GUEST, 7), payload));
    expect(Object.keys(a.seats)).toContain('s7');
    expect(a).toEqual(b);
    expect(Object.keys(accepted(seatClaim(ctx(makeState(), GUEST, 8), payload)).seats)).toContain('s8');
  });

  it('lets the persona role be played by a guest', () => {
    const state = accepted(seatClaim(ctx(makeState(), GUEST), { tableId: 't1', roleId: 'tess', name: 'Eva' }));
    expect(state.seats['s42']?.roleId).toBe('tess');
  });

  it('lets the system claim a seat on someone\'s behalf', () => {
    expect(seatClaim(ctx(makeState(), SYSTEM), { tableId: 't1', roleId: 'mentor', name: 'Cas' }).ok).toBe(true);
  });

  it('gives a role taken at one table freely at another table', () => {
    // s1 plays pleegmoeder at t1; t2 has no pleegmoeder yet.
    const state = accepted(seatClaim(ctx(makeState(), GUEST), { tableId: 't2', roleId: 'pleegmoeder', name: 'Fenna' }));
    expect(state.seats['s42']).toMatchObject({ tableId: 't2', roleId: 'pleegmoeder' });
  });

  it('refuses a role someone already plays at that table', () => {
    expect(seatClaim(ctx(makeState(), GUEST), { tableId: 't1', roleId: 'pleegmoeder', name: 'Gijs' })).toMatchObject({
      ok: false,
      code: 'ROLE_TAKEN',
    });
  });

  it('refuses a second seat for a connection that already has one', () => {
    expect(seatClaim(ctx(makeState(), seat('s1')), { tableId: 't1', roleId: 'mentor', name: 'Anna' })).toMatchObject({
      ok: false,
      code: 'ALREADY_SEATED',
    });
  });

  it('refuses the facilitator taking a seat', () => {
    expect(seatClaim(ctx(makeState(), HOST), { tableId: 't1', roleId: 'mentor', name: 'Host' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('refuses a table that does not exist', () => {
    expect(seatClaim(ctx(makeState(), GUEST), { tableId: 't9', roleId: 'mentor', name: 'Cas' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('refuses a role the scenario does not have', () => {
    expect(seatClaim(ctx(makeState(), GUEST), { tableId: 't1', roleId: 'burgemeester', name: 'Cas' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('leaves the state it was given untouched', () => {
    const before = deepFreeze(makeState());
    const after = accepted(seatClaim(ctx(before, GUEST), { tableId: 't1', roleId: 'mentor', name: 'Cas' }));
    expect(before.seats).not.toHaveProperty('s42');
    expect(after).not.toBe(before);
    expect(after.tables).toBe(before.tables);
  });
});
