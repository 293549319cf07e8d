import { describe, expect, it } from 'vitest';
import { HOST, accepted, ctx, deepFreeze, makeState, seat } from '../testing/fixtures';
import { cardMove } from './cardMove';
import { cardPlace } from './cardPlace';
import { tokenMove } from './tokenMove';
import { boardLock, interviewReveal, promptShow } from './facilitation';

describe('board lock ("Rust")', () => {
  it('refuses players’ board changes while locked, with LOCKED, and lets the facilitator act', () => {
    const locked = accepted(boardLock(ctx(deepFreeze(makeState()), HOST), { locked: true }));
    expect(cardPlace(ctx(locked, seat('s1')), { tableId: 't1', defId: 'bijbaan', x: 0.3, y: 0 })).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(cardMove(ctx(locked, seat('s1')), { tableId: 't1', cardId: 'zelf-koken', x: 0.3, y: 0, rev: 0 })).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(tokenMove(ctx(locked, seat('s1')), { tableId: 't1', roleId: 'pleegmoeder', x: 1.1, y: 0, rev: 0 })).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(cardPlace(ctx(locked, HOST), { tableId: 't1', defId: 'bijbaan', x: 0.3, y: 0 }).ok).toBe(true);
    const open = accepted(boardLock(ctx(locked, HOST), { locked: false }));
    expect(cardPlace(ctx(open, seat('s1')), { tableId: 't1', defId: 'bijbaan', x: 0.3, y: 0 }).ok).toBe(true);
  });

  it('refuses a player locking, and locking twice', () => {
    expect(boardLock(ctx(makeState(), seat('s1')), { locked: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(boardLock(ctx(makeState(), HOST), { locked: false })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('interview', () => {
  it('reveals answers up to a count and can take them back', () => {
    const shown = accepted(interviewReveal(ctx(makeState(), HOST), { count: 1 }));
    expect(shown.interviewRevealed).toBe(1);
    expect(accepted(interviewReveal(ctx(shown, HOST), { count: 0 })).interviewRevealed).toBe(0);
  });

  it('refuses a count beyond the interview and a player revealing', () => {
    expect(interviewReveal(ctx(makeState(), HOST), { count: 5 })).toMatchObject({ ok: false, code: 'OUT_OF_BOUNDS' });
    expect(interviewReveal(ctx(makeState(), seat('s1')), { count: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('prompts', () => {
  it('shows a reflection question or an event question, and clears it', () => {
    const reflection = accepted(promptShow(ctx(makeState(), HOST), { prompt: { kind: 'reflection', index: 0 } }));
    expect(reflection.prompt).toEqual({ kind: 'reflection', index: 0 });
    expect(accepted(promptShow(ctx(reflection, HOST), { prompt: null })).prompt).toBeNull();
  });

  it('refuses a question the scenario does not have', () => {
    expect(promptShow(ctx(makeState(), HOST), { prompt: { kind: 'reflection', index: 3 } })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(promptShow(ctx(makeState(), HOST), { prompt: { kind: 'step', step: 'situatie', index: 0 } })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(promptShow(ctx(makeState(), HOST), { prompt: { kind: 'event', eventId: 'nope', index: 0 } })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(promptShow(ctx(makeState(), seat('s1')), { prompt: null })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
