import type { SessionState, TableState } from '@samenspel/game-core';
import { describe, expect, it } from 'vitest';
import { scenario, session } from '../../test/fixtures';
import { sideLayout } from './sideLayout';

const EVENT = { id: 'achttien', title: 'Tess wordt 18', narrative: 'De jeugdhulp stopt.', effects: [], questions: ['Wie merkt het eerst?', 'Wat kan Tess zelf?'] };

/** A seated table in the given step, optionally after the event, with the scenario's questions. */
function game(change: Partial<TableState> = {}, fired = false): SessionState {
  const base = session();
  const t1 = base.tables['t1']!;
  return {
    ...base,
    scenario: { ...scenario, events: [EVENT], prompts: { spelen: ['Wat verandert er?'], reflectie: ['Wat is je bijgebleven?'] }, reflection: { prompts: ['Wat neem je mee?'] } },
    seats: { s1: { id: 's1', tableId: 't1', roleId: 'mentor', name: 'Anouk', joinedAt: 0 } },
    tables: { t1: { ...t1, ...change } },
    events: fired ? [{ eventId: 'achttien', tableIds: ['t1'], version: 3, at: 0 }] : [],
  };
}

describe('the side of the big screen', () => {
  it('keeps every question of an event, however many, for the column to page through', () => {
    const many = Array.from({ length: 9 }, (_, i) => `Vraag ${i + 1}?`);
    const g = game({ step: 'spelen' }, true);
    const side = sideLayout({ ...g, scenario: { ...g.scenario, events: [{ ...EVENT, questions: many }] } }, 't1', false)!;
    expect(side.eventQuestions).toEqual(many);
  });

  it('puts an event’s questions under its story in play, and leaves the legend out to make room', () => {
    const side = sideLayout(game({ step: 'spelen' }, true), 't1', false)!;
    expect(side.event?.id).toBe('achttien');
    expect(side.eventQuestions).toEqual(EVENT.questions);
    expect(side.stepPrompts).toEqual([]);
    expect(side.legend).toBe(false);
  });

  it('lets a question the facilitator put up take the place of the event’s questions', () => {
    const side = sideLayout(game({ step: 'spelen', prompt: { kind: 'event', eventId: 'achttien', index: 1 } }, true), 't1', false)!;
    expect(side.prompt).toBe('Wat kan Tess zelf?');
    expect(side.eventQuestions).toEqual([]);
    expect(side.event?.id).toBe('achttien');
  });

  it('shows the reflection’s own questions in step 4, with the event as a short reminder', () => {
    const side = sideLayout(game({ step: 'reflectie' }, true), 't1', false)!;
    expect(side.stepPrompts).toEqual(['Wat is je bijgebleven?', 'Wat neem je mee?']);
    expect(side.eventQuestions).toEqual([]);
    expect(side.event?.id).toBe('achttien');
  });

  it('drops the persona during calm after an event, so the notice, the story and the questions fit', () => {
    const side = sideLayout(game({ step: 'spelen', locked: true }, true), 't1', false)!;
    expect(side.notice).toBe(true);
    expect(side.persona).toBe('none');
    expect(side.eventQuestions).toHaveLength(2);
  });

  it('keeps the invitation large and the story out while nobody at the table has joined', () => {
    const empty = { ...game({ step: 'spelen' }, true), seats: {} };
    const side = sideLayout(empty, 't1', false)!;
    expect(side.invite).toBe('large');
    expect(side.event).toBeNull();
    expect(side.eventQuestions).toEqual([]);
  });

  it('gives the room to the insights once they are on the wall', () => {
    const side = sideLayout(game({ step: 'reflectie' }, true), 't1', true)!;
    expect(side.event).toBeNull();
    expect(side.stepPrompts).toEqual([]);
    expect(side.persona).toBe('none');
    expect(side.legend).toBe(false);
    expect(side.invite).toBe('slim');
  });
});
