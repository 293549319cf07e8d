import { describe, expect, it } from 'vitest';
import { GUEST, HOST, SEATS, accepted, ctx, deepFreeze, makeState, seat } from '../testing/fixtures';
import { seatReassign } from './seatReassign';

describe('seatReassign', () => {
  it('gives a player another role at the same table, keeping their seat id, name and join time', () => {
    const state = accepted(seatReassign(ctx(makeState(), HOST), { seatId: 's1', tableId: 't1', roleId: 'mentor' }));
    expect(state.seats['s1']).toEqual({ ...SEATS.s1, roleId: 'mentor' });
  });

  it('moves a player to another table', () => {
    const state = accepted(seatReassign(ctx(makeState(), HOST), { seatId: 's1', tableId: 't2', roleId: 'pleegmoeder' }));
    expect(state.seats['s1']).toEqual({ ...SEATS.s1, tableId: 't2' });
  });

  it('refuses a role someone else has at that table', () => {
    expect(seatReassign(ctx(makeState(), HOST), { seatId: 's1', tableId: 't2', roleId: 'consulent' })).toMatchObject({ ok: false, code: 'ROLE_TAKEN' });
  });

  it('allows a role that is taken at another table only', () => {
    expect(seatReassign(ctx(makeState(), HOST), { seatId: 's1', tableId: 't1', roleId: 'consulent' }).ok).toBe(true);
  });

  it('refuses giving a seat the role and table it already has', () => {
    expect(seatReassign(ctx(makeState(), HOST), { seatId: 's1', tableId: 't1', roleId: 'pleegmoeder' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('refuses an unknown seat, table or role', () => {
    expect(seatReassign(ctx(makeState(), HOST), { seatId: 's9', tableId: 't1', roleId: 'mentor' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(seatReassign(ctx(makeState(), HOST), { seatId: 's1', tableId: 't9', roleId: 'mentor' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(seatReassign(ctx(makeState(), HOST), { seatId: 's1', tableId: 't1', roleId: 'burgemeester' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(seatReassign(ctx(makeState(), HOST), { seatId: 'constructor', tableId: 't1', roleId: 'mentor' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('refuses anyone but the facilitator, the player themselves included', () => {
    for (const actor of [seat('s1'), GUEST]) {
      expect(seatReassign(ctx(makeState(), actor), { seatId: 's1', tableId: 't1', roleId: 'mentor' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('leaves the state it was given untouched', () => {
    const before = deepFreeze(makeState());
    accepted(seatReassign(ctx(before, HOST), { seatId: 's1', tableId: 't2', roleId: 'mentor' }));
    expect(before.seats['s1']).toEqual(SEATS.s1);
  });
});
