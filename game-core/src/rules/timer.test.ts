import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMER_MS } from '../state/initial';
import { HOST, accepted, ctx, deepFreeze, makeState, seat } from '../testing/fixtures';
import { timerExtend, timerPause, timerRemaining, timerReset, timerStart } from './timer';

describe('timer', () => {
  it('starts at a chosen length and counts down from the server time of the action', () => {
    const state = accepted(timerStart(ctx(deepFreeze(makeState()), HOST, 1, 10_000), { durationMs: 300_000 }));
    expect(state.timer).toEqual({ durationMs: 300_000, elapsedMs: 0, startedAt: 10_000 });
    expect(timerRemaining(state.timer, 70_000)).toBe(240_000);
  });

  it('pauses, keeping the time that passed, and resumes from there', () => {
    const running = accepted(timerStart(ctx(makeState(), HOST, 1, 0), { durationMs: 120_000 }));
    const paused = accepted(timerPause(ctx(running, HOST, 2, 30_000), {}));
    expect(paused.timer).toEqual({ durationMs: 120_000, elapsedMs: 30_000, startedAt: null });
    expect(timerRemaining(paused.timer, 999_999)).toBe(90_000);
    const resumed = accepted(timerStart(ctx(paused, HOST, 3, 50_000), {}));
    expect(timerRemaining(resumed.timer, 60_000)).toBe(80_000);
  });

  it('adds a minute, and goes below zero when time is up without stopping anything', () => {
    const running = accepted(timerStart(ctx(makeState(), HOST, 1, 0), { durationMs: 60_000 }));
    const longer = accepted(timerExtend(ctx(running, HOST, 2, 10_000), { ms: 60_000 }));
    expect(timerRemaining(longer.timer, 10_000)).toBe(110_000);
    expect(timerRemaining(longer.timer, 200_000)).toBe(-80_000);
  });

  it('resets to its full length, stopped', () => {
    const running = accepted(timerStart(ctx(makeState(), HOST, 1, 0), { durationMs: 60_000 }));
    const reset = accepted(timerReset(ctx(running, HOST, 2, 30_000), {}));
    expect(reset.timer).toEqual({ durationMs: 60_000, elapsedMs: 0, startedAt: null });
    expect(makeState().timer.durationMs).toBe(DEFAULT_TIMER_MS);
  });

  it('refuses players, a pause when stopped and a resume when running', () => {
    expect(timerStart(ctx(makeState(), seat('s1')), {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(timerExtend(ctx(makeState(), seat('s1')), { ms: 60_000 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(timerPause(ctx(makeState(), HOST), {})).toMatchObject({ ok: false, code: 'CONFLICT' });
    const running = accepted(timerStart(ctx(makeState(), HOST), {}));
    expect(timerStart(ctx(running, HOST), {})).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});
