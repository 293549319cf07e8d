import { describe, expect, it } from 'vitest';
import { GUEST, HOST, accepted, ctx, deepFreeze, makeState, seat } from '../testing/fixtures';
import { tokenMove } from './tokenMove';

// s1 plays pleegmoeder at t1; s2 plays consulent at t2.
describe('tokenMove', () => {
  it('moves the player\'s own token and bumps its rev', () => {
    const state = accepted(tokenMove(ctx(makeState(), seat('s1')), { tableId: 't1', roleId: 'pleegmoeder', x: 0.3, y: -0.4, rev: 0 }));
    expect(state.tables['t1']!.tokens['pleegmoeder']).toEqual({ roleId: 'pleegmoeder', x: 0.3, y: -0.4, rev: 1 });
  });

  it('lets a token stand anywhere on the mat, on the wheel and up to its corners', () => {
    for (const p of [{ x: 0, y: 0 }, { x: 1.3, y: -1.3 }, { x: -1.3, y: 1.3 }]) {
      expect(tokenMove(ctx(makeState(), seat('s1')), { tableId: 't1', roleId: 'pleegmoeder', ...p, rev: 0 }).ok).toBe(true);
    }
  });

  it('lets the facilitator move any role\'s token', () => {
    const state = accepted(tokenMove(ctx(makeState(), HOST), { tableId: 't2', roleId: 'tess', x: 0.1, y: 0.1, rev: 0 }));
    expect(state.tables['t2']!.tokens['tess']).toMatchObject({ x: 0.1, y: 0.1, rev: 1 });
    expect(state.tables['t1']!.tokens['tess']).toMatchObject({ x: 0, y: 0, rev: 0 });
  });

  it('refuses a player moving another role\'s token', () => {
    expect(tokenMove(ctx(makeState(), seat('s1')), { tableId: 't1', roleId: 'tess', x: 0.1, y: 0, rev: 0 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('refuses a player moving a token at another table', () => {
    expect(tokenMove(ctx(makeState(), seat('s2')), { tableId: 't1', roleId: 'consulent', x: 0.1, y: 0, rev: 0 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('refuses a move based on a stale rev', () => {
    const moved = accepted(tokenMove(ctx(makeState(), seat('s1')), { tableId: 't1', roleId: 'pleegmoeder', x: 0.3, y: 0, rev: 0 }));
    expect(tokenMove(ctx(moved, HOST), { tableId: 't1', roleId: 'pleegmoeder', x: 0.5, y: 0, rev: 0 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });

  it('rejects a token put off the mat', () => {
    for (const p of [{ x: 1.3001, y: 0 }, { x: 0, y: -2 }, { x: Number.NaN, y: 0 }]) {
      expect(tokenMove(ctx(makeState(), seat('s1')), { tableId: 't1', roleId: 'pleegmoeder', ...p, rev: 0 })).toMatchObject({
        ok: false,
        code: 'OUT_OF_BOUNDS',
      });
    }
  });

  it('refuses a role that has no token', () => {
    expect(tokenMove(ctx(makeState(), HOST), { tableId: 't1', roleId: 'wethouder', x: 0, y: 0, rev: 0 })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('refuses a guest who has not chosen a role', () => {
    expect(tokenMove(ctx(makeState(), GUEST), { tableId: 't1', roleId: 'mentor', x: 0, y: 0, rev: 0 })).toMatchObject({
      ok: false,
      code: 'NOT_SEATED',
    });
  });

  it('leaves the state it was given untouched', () => {
    const before = deepFreeze(makeState());
    const token = { ...before.tables['t1']!.tokens['pleegmoeder']! };
    accepted(tokenMove(ctx(before, seat('s1')), { tableId: 't1', roleId: 'pleegmoeder', x: 0.3, y: -0.4, rev: 0 }));
    expect(before.tables['t1']!.tokens['pleegmoeder']).toEqual(token);
  });
});
