import { describe, expect, it } from 'vitest';
import { GUEST, HOST, accepted, ctx, deepFreeze, makeState, seat, withNeighbour } from '../testing/fixtures';
import { DEFAULT_SCALE_POINTS, pollAnswer, pollClose, pollDismiss, pollOpen, pollOptionCount, pollReveal, pollTally } from './poll';

// 'wonen-straks' is a choice of three; 'zelf-redden' a statement on the default scale.
const open = (pollId = 'wonen-straks') => accepted(pollOpen(ctx(withNeighbour(makeState()), HOST, 10, 7_000), { pollId }));
const answer = (state: ReturnType<typeof makeState>, seatId: string, option: number, pollId = 'wonen-straks') =>
  accepted(pollAnswer(ctx(state, seat(seatId)), { pollId, option }));

describe('pollOpen', () => {
  it('opens a poll from the scenario and puts it on every screen', () => {
    const state = open();
    expect(state.polls['wonen-straks']).toEqual({ pollId: 'wonen-straks', status: 'open', revealed: false, answers: {}, openedAt: 7_000 });
    expect(state.activePoll).toBe('wonen-straks');
  });

  it('closes the poll that was open before', () => {
    const state = accepted(pollOpen(ctx(open(), HOST), { pollId: 'zelf-redden' }));
    expect(state.polls['wonen-straks']!.status).toBe('closed');
    expect(state.polls['zelf-redden']!.status).toBe('open');
    expect(state.activePoll).toBe('zelf-redden');
  });

  it('reopens a closed poll with the answers given before', () => {
    const closed = accepted(pollClose(ctx(answer(open(), 's1', 2), HOST), { pollId: 'wonen-straks' }));
    const reopened = accepted(pollOpen(ctx(closed, HOST, 20, 9_000), { pollId: 'wonen-straks' }));
    expect(reopened.polls['wonen-straks']).toMatchObject({ status: 'open', answers: { s1: 2 }, openedAt: 7_000 });
  });

  it('refuses a poll that is already open, one the scenario does not have, and a player opening', () => {
    expect(pollOpen(ctx(open(), HOST), { pollId: 'wonen-straks' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(pollOpen(ctx(makeState(), HOST), { pollId: 'nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(pollOpen(ctx(makeState(), seat('s1')), { pollId: 'wonen-straks' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('pollAnswer', () => {
  it('records a player’s answer and lets them change it while the poll is open', () => {
    const first = answer(open(), 's1', 0);
    expect(first.polls['wonen-straks']!.answers).toEqual({ s1: 0 });
    const changed = answer(first, 's1', 2);
    expect(changed.polls['wonen-straks']!.answers).toEqual({ s1: 2 });
  });

  it('keeps one answer per seat', () => {
    const state = answer(answer(answer(open(), 's1', 0), 's3', 1), 's2', 1);
    expect(state.polls['wonen-straks']!.answers).toEqual({ s1: 0, s3: 1, s2: 1 });
  });

  it('refuses giving the same answer again', () => {
    expect(pollAnswer(ctx(answer(open(), 's1', 1), seat('s1')), { pollId: 'wonen-straks', option: 1 })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('refuses an answer after the poll closed', () => {
    const closed = accepted(pollClose(ctx(open(), HOST), { pollId: 'wonen-straks' }));
    expect(pollAnswer(ctx(closed, seat('s1')), { pollId: 'wonen-straks', option: 0 })).toMatchObject({ ok: false, code: 'POLL_CLOSED' });
  });

  it('refuses an option the poll does not have', () => {
    expect(pollAnswer(ctx(open(), seat('s1')), { pollId: 'wonen-straks', option: 3 })).toMatchObject({ ok: false, code: 'OUT_OF_BOUNDS' });
  });

  it(`offers ${DEFAULT_SCALE_POINTS} points on a scale without labels`, () => {
    const scale = open('zelf-redden');
    expect(pollOptionCount(scale.scenario.polls[1]!)).toBe(DEFAULT_SCALE_POINTS);
    expect(answer(scale, 's1', DEFAULT_SCALE_POINTS - 1, 'zelf-redden').polls['zelf-redden']!.answers).toEqual({ s1: 4 });
    expect(pollAnswer(ctx(scale, seat('s1')), { pollId: 'zelf-redden', option: DEFAULT_SCALE_POINTS })).toMatchObject({ ok: false, code: 'OUT_OF_BOUNDS' });
  });

  it('refuses a poll that was never opened', () => {
    expect(pollAnswer(ctx(open(), seat('s1')), { pollId: 'zelf-redden', option: 0 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('refuses the facilitator, a guest and a seat that was freed: only players vote', () => {
    for (const actor of [HOST, GUEST, seat('s99')]) {
      expect(pollAnswer(ctx(open(), actor), { pollId: 'wonen-straks', option: 0 })).toMatchObject({ ok: false, code: 'NOT_SEATED' });
    }
  });

  it('leaves the state it was given untouched', () => {
    const before = deepFreeze(open());
    answer(before, 's1', 1);
    expect(before.polls['wonen-straks']!.answers).toEqual({});
  });
});

describe('pollClose', () => {
  it('stops taking answers and keeps the poll on the screens', () => {
    const closed = accepted(pollClose(ctx(answer(open(), 's1', 1), HOST), { pollId: 'wonen-straks' }));
    expect(closed.polls['wonen-straks']).toMatchObject({ status: 'closed', answers: { s1: 1 } });
    expect(closed.activePoll).toBe('wonen-straks');
  });

  it('refuses closing twice, a poll never opened, and a player closing', () => {
    const closed = accepted(pollClose(ctx(open(), HOST), { pollId: 'wonen-straks' }));
    expect(pollClose(ctx(closed, HOST), { pollId: 'wonen-straks' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(pollClose(ctx(open(), HOST), { pollId: 'zelf-redden' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(pollClose(ctx(open(), seat('s1')), { pollId: 'wonen-straks' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('pollReveal', () => {
  it('shows the result and takes it away again', () => {
    const shown = accepted(pollReveal(ctx(open(), HOST), { pollId: 'wonen-straks', revealed: true }));
    expect(shown.polls['wonen-straks']!.revealed).toBe(true);
    const hidden = accepted(pollReveal(ctx(shown, HOST), { pollId: 'wonen-straks', revealed: false }));
    expect(hidden.polls['wonen-straks']!.revealed).toBe(false);
  });

  it('puts a poll revealed after it was dismissed back on the screens', () => {
    const dismissed = accepted(pollDismiss(ctx(open(), HOST), {}));
    const shown = accepted(pollReveal(ctx(dismissed, HOST), { pollId: 'wonen-straks', revealed: true }));
    expect(shown.activePoll).toBe('wonen-straks');
  });

  it('refuses showing what is already shown, a poll never opened, and a player revealing', () => {
    expect(pollReveal(ctx(open(), HOST), { pollId: 'wonen-straks', revealed: false })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(pollReveal(ctx(open(), HOST), { pollId: 'zelf-redden', revealed: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(pollReveal(ctx(open(), seat('s1')), { pollId: 'wonen-straks', revealed: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('pollDismiss', () => {
  it('takes the poll off the screens, closing it and keeping its answers', () => {
    const state = accepted(pollDismiss(ctx(answer(open(), 's1', 2), HOST), {}));
    expect(state.activePoll).toBeNull();
    expect(state.polls['wonen-straks']).toMatchObject({ status: 'closed', answers: { s1: 2 } });
  });

  it('refuses when no poll is on the screens, and a player dismissing', () => {
    expect(pollDismiss(ctx(makeState(), HOST), {})).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(pollDismiss(ctx(open(), seat('s1')), {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('pollTally', () => {
  it('counts the answers per option, over every table or at one', () => {
    const state = answer(answer(answer(open(), 's1', 0), 's3', 0), 's2', 2);
    expect(pollTally(state, 'wonen-straks')).toEqual([2, 0, 1]);
    expect(pollTally(state, 'wonen-straks', 't1')).toEqual([2, 0, 0]);
    expect(pollTally(state, 'wonen-straks', 't2')).toEqual([0, 0, 1]);
    expect(pollTally(state, 'wonen-straks').reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('gives zeros for a poll nobody answered yet, and nothing for a poll the scenario lacks', () => {
    expect(pollTally(makeState(), 'zelf-redden')).toEqual([0, 0, 0, 0, 0]);
    expect(pollTally(makeState(), 'nope')).toEqual([]);
  });
});
