import { applyEventToTable, type ScenarioEvent, type SessionState } from '@samenspel/game-core';
import { describe, expect, it } from 'vitest';
import { scenario, session } from '../test/fixtures';
import { eventChanges, hasChanges } from './eventChanges';

const EVENT: ScenarioEvent = {
  id: 'achttien',
  title: 'Tess wordt 18',
  narrative: 'De jeugdhulp stopt.',
  questions: [],
  effects: [
    { kind: 'end', card: 'fasehuis', reason: 'Het verblijf stopt bij 18.' },
    { kind: 'move', card: 'bijbaan', supportType: 'informeel', reason: 'Een vriendin regelt het nu.' },
    { kind: 'add', to: 'board', reason: 'Het loon gaat omhoog.', card: { id: 'loon-18', label: 'Hoger minimumjeugdloon', supportType: 'eigen', sector: 'geld' } },
    { kind: 'add', to: 'deck', card: { id: 'verlengd', label: 'Verlengde jeugdhulp', supportType: 'gemeente', sector: 'wonen' } },
  ],
};

/** The start cards on the board, then the event fired at table 1. */
function afterEvent(): SessionState {
  const base = session();
  const t1 = base.tables['t1']!;
  const cards = Object.fromEntries(Object.entries(t1.cards).map(([id, c]) => [id, { ...c, staged: false }]));
  const { table } = applyEventToTable({ ...scenario, events: [EVENT] }, { ...t1, cards }, EVENT, 5);
  return {
    ...base,
    scenario: { ...scenario, events: [EVENT] },
    tables: { ...base.tables, t1: table },
    events: [{ eventId: 'achttien', tableIds: ['t1'], version: 5, at: 0 }],
  };
}

describe('what an event changed at a table', () => {
  it('lists what stopped, what arrived and what moved ring, each with its reason', () => {
    const c = eventChanges(afterEvent(), 't1', EVENT);
    expect(c.ended).toEqual([{ id: 'fasehuis', label: 'Woont in een fasehuis', reason: 'Het verblijf stopt bij 18.' }]);
    expect(c.added).toEqual([
      { id: 'loon-18', label: 'Hoger minimumjeugdloon', reason: 'Het loon gaat omhoog.', to: 'board' },
      { id: 'verlengd', label: 'Verlengde jeugdhulp', reason: null, to: 'deck' },
    ]);
    expect(c.moved).toEqual([{ id: 'bijbaan', label: 'Bijbaan bij de drogist', reason: 'Een vriendin regelt het nu.', supportType: 'informeel' }]);
    expect(hasChanges(c)).toBe(true);
  });

  it('names cards by their label, never by their id', () => {
    const c = eventChanges(afterEvent(), 't1', EVENT);
    for (const change of [...c.ended, ...c.added, ...c.moved]) expect(change.label).not.toBe(change.id);
  });

  it('lists the cards an event pauses, and those a later event sets going again, each with its reason', () => {
    const pause: ScenarioEvent = { id: 'heup', title: 'Heup', narrative: 'n', questions: [], effects: [{ kind: 'pause', card: 'bijbaan', reason: 'Ze kan even niet werken.' }] };
    const resume: ScenarioEvent = { id: 'thuis', title: 'Thuis', narrative: 'n', questions: [], effects: [{ kind: 'resume', card: 'bijbaan', reason: 'Ze werkt weer.' }] };
    const base = session();
    const t1 = base.tables['t1']!;
    const cards = Object.fromEntries(Object.entries(t1.cards).map(([id, c]) => [id, { ...c, staged: false }]));
    const withEvents = { ...scenario, events: [pause, resume] };
    const paused = applyEventToTable(withEvents, { ...t1, cards }, pause, 5).table;
    const game = (table: typeof t1, fired: string[]): SessionState => ({
      ...base,
      scenario: withEvents,
      tables: { ...base.tables, t1: table },
      events: fired.map((eventId, i) => ({ eventId, tableIds: ['t1'], version: 5 + i, at: 0 })),
    });
    expect(eventChanges(game(paused, ['heup']), 't1', pause).paused).toEqual([{ id: 'bijbaan', label: 'Bijbaan bij de drogist', reason: 'Ze kan even niet werken.' }]);
    const resumed = applyEventToTable(withEvents, paused, resume, 6).table;
    const c = eventChanges(game(resumed, ['heup', 'thuis']), 't1', resume);
    expect(c.resumed).toEqual([{ id: 'bijbaan', label: 'Bijbaan bij de drogist', reason: 'Ze werkt weer.' }]);
    expect(hasChanges(c)).toBe(true);
  });

  it('lists nothing at a table where the event did not happen', () => {
    const game = afterEvent();
    const c = eventChanges({ ...game, events: [] }, 't1', EVENT);
    expect(c).toEqual({ ended: [], added: [], moved: [], paused: [], resumed: [] });
    expect(hasChanges(c)).toBe(false);
  });
});
