import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMER_MS } from '../state/initial';
import { HOST, accepted, ctx, deepFreeze, makeState, seat } from '../testing/fixtures';
import { timerExtend, timerPause, timerRemaining, timerReset, timerStart } from './timer';

const t1 = (state: ReturnType<typeof makeState>) => state.tables['t1']!.timer;
const t2 = (state: ReturnType<typeof makeState>) => state.tables['t2']!.timer;

describe('timer', () => {
  it('starts at a chosen length and counts down from the server time of the action', () => {
    const state = accepted(timerStart(ctx(deepFreeze(makeState()), HOST, 1, 10_000), { durationMs: 300_000 }));
    expect(t1(state)).toEqual({ durationMs: 300_000, elapsedMs: 0, startedAt: 10_000 });
    expect(timerRemaining(t1(state), 70_000)).toBe(240_000);
  });

  it('pauses, keeping the time that passed, and resumes from there', () => {
    const running = accepted(timerStart(ctx(makeState(), HOST, 1, 0), { durationMs: 120_000 }));
    const paused = accepted(timerPause(ctx(running, HOST, 2, 30_000), {}));
    expect(t1(paused)).toEqual({ durationMs: 120_000, elapsedMs: 30_000, startedAt: null });
    expect(timerRemaining(t1(paused), 999_999)).toBe(90_000);
    const resumed = accepted(timerStart(ctx(paused, HOST, 3, 50_000), {}));
    expect(timerRemaining(t1(resumed), 60_000)).toBe(80_000);
  });

  it('adds a minute, and goes below zero when time is up without stopping anything', () => {
    const running = accepted(timerStart(ctx(makeState(), HOST, 1, 0), { durationMs: 60_000 }));
    const longer = accepted(timerExtend(ctx(running, HOST, 2, 10_000), { ms: 60_000 }));
    expect(timerRemaining(t1(longer), 10_000)).toBe(110_000);
    expect(timerRemaining(t1(longer), 200_000)).toBe(-80_000);
  });

  it('takes time off but never below a length of zero', () => {
    const state = accepted(timerExtend(ctx(makeState(), HOST), { ms: -30 * 60_000 }));
    expect(t1(state).durationMs).toBe(0);
  });

  it('resets to its full length, stopped', () => {
    const running = accepted(timerStart(ctx(makeState(), HOST, 1, 0), { durationMs: 60_000 }));
    const reset = accepted(timerReset(ctx(running, HOST, 2, 30_000), {}));
    expect(t1(reset)).toEqual({ durationMs: 60_000, elapsedMs: 0, startedAt: null });
    expect(t1(makeState()).durationMs).toBe(DEFAULT_TIMER_MS);
  });

  it('refuses players, a pause when stopped and a resume when running', () => {
    expect(timerStart(ctx(makeState(), seat('s1')), {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(timerExtend(ctx(makeState(), seat('s1')), { ms: 60_000 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(timerPause(ctx(makeState(), seat('s1')), {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(timerReset(ctx(makeState(), seat('s1')), {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(timerPause(ctx(makeState(), HOST), {})).toMatchObject({ ok: false, code: 'CONFLICT' });
    const running = accepted(timerStart(ctx(makeState(), HOST), {}));
    expect(timerStart(ctx(running, HOST), {})).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('timer per table', () => {
  it('runs the timer of every table when no tables are named', () => {
    const state = accepted(timerStart(ctx(makeState(), HOST, 1, 0), { durationMs: 60_000 }));
    expect(t1(state)).toEqual({ durationMs: 60_000, elapsedMs: 0, startedAt: 0 });
    expect(t2(state)).toEqual(t1(state));
  });

  it('starts, pauses, extends and resets only the named tables', () => {
    const before = makeState();
    const started = accepted(timerStart(ctx(before, HOST, 1, 0), { durationMs: 60_000, tableIds: ['t2'] }));
    expect(t2(started).startedAt).toBe(0);
    expect(started.tables['t1']).toBe(before.tables['t1']);

    const both = accepted(timerStart(ctx(started, HOST, 2, 5_000), { tableIds: ['t1'] }));
    const paused = accepted(timerPause(ctx(both, HOST, 3, 20_000), { tableIds: ['t1'] }));
    expect(t1(paused)).toMatchObject({ elapsedMs: 15_000, startedAt: null });
    expect(t2(paused).startedAt).toBe(0);

    const extended = accepted(timerExtend(ctx(paused, HOST, 4, 20_000), { ms: 60_000, tableIds: ['t2'] }));
    expect(t2(extended).durationMs).toBe(120_000);
    expect(t1(extended)).toBe(t1(paused));

    const reset = accepted(timerReset(ctx(extended, HOST, 5, 30_000), { tableIds: ['t2'] }));
    expect(t2(reset)).toEqual({ durationMs: 120_000, elapsedMs: 0, startedAt: null });
    expect(t1(reset)).toBe(t1(paused));
  });

  it('resumes only the tables that were paused and leaves running ones as they are', () => {
    const one = accepted(timerStart(ctx(makeState(), HOST, 1, 0), { tableIds: ['t1'] }));
    const all = accepted(timerStart(ctx(one, HOST, 2, 9_000), {}));
    expect(t1(all).startedAt).toBe(0);
    expect(t2(all).startedAt).toBe(9_000);
  });

  it('pauses only the running tables when every table is asked', () => {
    const one = accepted(timerStart(ctx(makeState(), HOST, 1, 0), { tableIds: ['t2'] }));
    const paused = accepted(timerPause(ctx(one, HOST, 2, 1_000), {}));
    expect(t2(paused)).toMatchObject({ elapsedMs: 1_000, startedAt: null });
    expect(paused.tables['t1']).toBe(one.tables['t1']);
  });

  it('refuses a pause at a named table whose timer is not running, even if another one is', () => {
    const one = accepted(timerStart(ctx(makeState(), HOST), { tableIds: ['t2'] }));
    expect(timerPause(ctx(one, HOST), { tableIds: ['t1'] })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(timerStart(ctx(one, HOST), { tableIds: ['t2'] })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('refuses a table that does not exist', () => {
    expect(timerStart(ctx(makeState(), HOST), { tableIds: ['t9'] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(timerReset(ctx(makeState(), HOST), { tableIds: ['t1', 't9'] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
