import { describe, expect, it } from 'vitest';
import { GUEST, HOST, SEATS, accepted, ctx, deepFreeze, makeState, seat } from '../testing/fixtures';
import { seatClaim } from './seatClaim';
import { seatRelease } from './seatRelease';

describe('seatRelease', () => {
  it('lets the facilitator free a seat and keeps the other seats', () => {
    const state = accepted(seatRelease(ctx(makeState(), HOST), { seatId: 's1' }));
    expect(state.seats).toEqual({ s2: SEATS.s2 });
  });

  it('makes the freed role available to claim again', () => {
    const freed = accepted(seatRelease(ctx(makeState(), HOST), { seatId: 's1' }));
    const claimed = accepted(seatClaim(ctx(freed, GUEST, 43), { tableId: 't1', roleId: 'pleegmoeder', name: 'Hanna' }));
    expect(claimed.seats['s43']).toMatchObject({ tableId: 't1', roleId: 'pleegmoeder', name: 'Hanna' });
  });

  it('refuses a player freeing a seat, even their own', () => {
    expect(seatRelease(ctx(makeState(), seat('s1')), { seatId: 's1' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(seatRelease(ctx(makeState(), seat('s1')), { seatId: 's2' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses a guest freeing a seat', () => {
    expect(seatRelease(ctx(makeState(), GUEST), { seatId: 's1' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses a seat that does not exist', () => {
    expect(seatRelease(ctx(makeState(), HOST), { seatId: 's99' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('leaves the state it was given untouched', () => {
    const before = deepFreeze(makeState());
    accepted(seatRelease(ctx(before, HOST), { seatId: 's1' }));
    expect(before.seats).toHaveProperty('s1');
  });
});
