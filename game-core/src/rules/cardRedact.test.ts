import { describe, expect, it } from 'vitest';
import { ERASED_TEXT } from '../protocol/index';
import { HOST, accepted, ctx, makeState, seat, withTableChange } from '../testing/fixtures';
import { cardPlace } from './cardPlace';
import { cardNote } from './cardNote';
import { cardRedact } from './cardRedact';

describe('cardRedact', () => {
  const withBlank = () => {
    const placed = accepted(cardPlace(ctx(makeState(), seat('s1'), 7), { tableId: 't1', label: 'Meneer de Vries', x: -0.5, y: 0.1 }));
    return accepted(cardNote(ctx(placed, seat('s1')), { tableId: 't1', cardId: 'blank-7', note: 'Dorpsstraat 4' }));
  };

  it('erases the label of a blank card and its note, and keeps it in place', () => {
    const card = accepted(cardRedact(ctx(withBlank(), HOST), { tableId: 't1', cardId: 'blank-7' })).tables.t1!.cards['blank-7']!;
    expect([card.label, card.note, card.x, card.y]).toEqual([ERASED_TEXT, '', -0.5, 0.1]);
  });

  it('keeps the label of a scenario card and erases only its note', () => {
    const noted = accepted(cardNote(ctx(makeState(), HOST), { tableId: 't1', cardId: 'oma-belt', note: 'Oma Jansen' }));
    const card = accepted(cardRedact(ctx(noted, HOST), { tableId: 't1', cardId: 'oma-belt' })).tables.t1!.cards['oma-belt']!;
    expect([card.label, card.note]).toEqual(['Oma belt elke week', '']);
  });

  it('erases a card an event ended from the ended list too', () => {
    const state = withTableChange(makeState(), 't1', (t) => ({
      ...t,
      cards: {},
      ended: [{ card: { ...t.cards['oma-belt']!, note: 'Oma Jansen' }, eventId: 'achttien', reason: null, version: 3 }],
    }));
    const after = accepted(cardRedact(ctx(state, HOST), { tableId: 't1', cardId: 'oma-belt' }));
    expect(after.tables.t1!.ended[0]!.card.note).toBe('');
  });

  it('refuses a player', () => {
    expect(cardRedact(ctx(withBlank(), seat('s1')), { tableId: 't1', cardId: 'blank-7' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses a card that is not on the table', () => {
    expect(cardRedact(ctx(withBlank(), HOST), { tableId: 't1', cardId: 'nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(cardRedact(ctx(withBlank(), HOST), { tableId: '__proto__', cardId: 'blank-7' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
