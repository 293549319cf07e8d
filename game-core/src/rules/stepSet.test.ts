import { describe, expect, it } from 'vitest';
import { STEPS } from '../state/types';
import { GUEST, HOST, SYSTEM, accepted, ctx, deepFreeze, makeState, seat } from '../testing/fixtures';
import { stepSet } from './stepSet';

describe('stepSet', () => {
  it('lets the facilitator go to any other step, forward or back', () => {
    let state = makeState();
    for (const step of [...STEPS.slice(1), 'kennismaken', 'reflectie', 'situatie'] as const) {
      state = accepted(stepSet(ctx(state, HOST), { step }));
      expect(state.step).toBe(step);
    }
  });

  it('changes nothing but the step', () => {
    const before = makeState();
    const after = accepted(stepSet(ctx(before, HOST), { step: 'spelen' }));
    expect(after).toEqual({ ...before, step: 'spelen' });
  });

  it('refuses going to the step the session is already at', () => {
    expect(stepSet(ctx(makeState(), HOST), { step: 'kennismaken' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('refuses a player, a guest or the system changing the step', () => {
    for (const actor of [seat('s1'), GUEST, SYSTEM]) {
      expect(stepSet(ctx(makeState(), actor), { step: 'spelen' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('leaves the state it was given untouched', () => {
    const before = deepFreeze(makeState());
    accepted(stepSet(ctx(before, HOST), { step: 'reflectie' }));
    expect(before.step).toBe('kennismaken');
  });
});
