import { describe, expect, it } from 'vitest';
import { MAX_NOTE } from '../protocol/index';
import { GUEST, HOST, accepted, ctx, deepFreeze, makeState, seat } from '../testing/fixtures';
import { boardLock } from './facilitation';
import { cardNote } from './cardNote';

describe('cardNote', () => {
  it('writes a note on a card and keeps everything else about it', () => {
    const before = makeState();
    const state = accepted(cardNote(ctx(before, seat('s1')), { tableId: 't1', cardId: 'oma-belt', note: 'alleen op dinsdag' }));
    expect(state.tables['t1']!.cards['oma-belt']).toEqual({ ...before.tables['t1']!.cards['oma-belt']!, note: 'alleen op dinsdag' });
    expect(state.tables['t2']).toBe(before.tables['t2']);
  });

  it('changes a note, trimming the spaces around it', () => {
    const noted = accepted(cardNote(ctx(makeState(), seat('s1')), { tableId: 't1', cardId: 'oma-belt', note: 'dinsdag' }));
    const changed = accepted(cardNote(ctx(noted, seat('s1')), { tableId: 't1', cardId: 'oma-belt', note: '  en vrijdag  ' }));
    expect(changed.tables['t1']!.cards['oma-belt']!.note).toBe('en vrijdag');
  });

  it('clears a note with an empty string', () => {
    const noted = accepted(cardNote(ctx(makeState(), seat('s1')), { tableId: 't1', cardId: 'oma-belt', note: 'dinsdag' }));
    const cleared = accepted(cardNote(ctx(noted, seat('s1')), { tableId: 't1', cardId: 'oma-belt', note: '' }));
    expect(cleared.tables['t1']!.cards['oma-belt']!.note).toBe('');
  });

  it('refuses writing the note the card already has', () => {
    expect(cardNote(ctx(makeState(), seat('s1')), { tableId: 't1', cardId: 'oma-belt', note: '' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const noted = accepted(cardNote(ctx(makeState(), seat('s1')), { tableId: 't1', cardId: 'oma-belt', note: 'dinsdag' }));
    expect(cardNote(ctx(noted, seat('s1')), { tableId: 't1', cardId: 'oma-belt', note: ' dinsdag ' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('refuses a player while the board is locked, and lets the facilitator write', () => {
    const locked = accepted(boardLock(ctx(makeState(), HOST), { locked: true }));
    expect(cardNote(ctx(locked, seat('s1')), { tableId: 't1', cardId: 'oma-belt', note: 'x' })).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(cardNote(ctx(locked, HOST), { tableId: 't1', cardId: 'oma-belt', note: 'x' }).ok).toBe(true);
  });

  it('refuses a player writing at another table, a guest, and a card that is not on the board', () => {
    expect(cardNote(ctx(makeState(), seat('s2')), { tableId: 't1', cardId: 'oma-belt', note: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(cardNote(ctx(makeState(), GUEST), { tableId: 't1', cardId: 'oma-belt', note: 'x' })).toMatchObject({ ok: false, code: 'NOT_SEATED' });
    expect(cardNote(ctx(makeState(), seat('s1')), { tableId: 't1', cardId: 'bijbaan', note: 'x' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(cardNote(ctx(makeState(), seat('s1')), { tableId: 't1', cardId: 'constructor', note: 'x' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('takes a note of the longest length the protocol allows', () => {
    const note = 'n'.repeat(MAX_NOTE);
    expect(accepted(cardNote(ctx(makeState(), seat('s1')), { tableId: 't1', cardId: 'oma-belt', note })).tables['t1']!.cards['oma-belt']!.note).toBe(note);
  });

  it('leaves the state it was given untouched', () => {
    const before = deepFreeze(makeState());
    accepted(cardNote(ctx(before, seat('s1')), { tableId: 't1', cardId: 'oma-belt', note: 'x' }));
    expect(before.tables['t1']!.cards['oma-belt']!.note).toBe('');
  });
});
