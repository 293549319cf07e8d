import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../scenario/schema';
import { createTable } from '../state/initial';
import { HOST, accepted, ctx, deepFreeze, makeScenario, makeState, seat } from '../testing/fixtures';
import { diffTables } from '../engine/views';
import { cardPause } from './cardPause';
import { applyEventToTable, roleAtTable } from './eventEffects';
import { unstageAll } from './stepSet';

/** The fixture scenario with a hip fracture that pauses own-strength cards, a recovery, and funding that moves. */
function lifeScenario() {
  const base = makeScenario();
  return scenarioSchema.parse({
    ...base,
    events: [
      {
        id: 'heup',
        title: 'Tess breekt haar heup',
        narrative: 'Zes weken revalidatie.',
        effects: [
          { kind: 'pause', card: 'zelf-koken', reason: 'Kan niet staan in de keuken' },
          { kind: 'pause', card: 'zelf-wassen' },
          { kind: 'move', card: 'oma-belt', supportType: 'eigen', sector: 'gezondheid', reason: 'Oma komt nu elke dag' },
          { kind: 'role', role: 'consulent', law: 'Wlz', mandate: 'Regelt zorg uit de Wlz', reason: 'De indicatie is rond' },
        ],
      },
      {
        id: 'hersteld',
        title: 'Weer op de been',
        narrative: 'De revalidatie is klaar.',
        effects: [
          { kind: 'resume', card: 'zelf-koken' },
          { kind: 'resume', card: 'bijbaan' },
          { kind: 'role', role: 'consulent', law: 'Wlz' },
        ],
      },
    ],
  });
}

const startTable = (scenario = lifeScenario()) => {
  const table = createTable(scenario, 't1', 'Tafel 1');
  return deepFreeze({ ...table, cards: unstageAll(table.cards) });
};

describe('events that pause, resume, move and rewrite', () => {
  const scenario = lifeScenario();
  const [heup, hersteld] = scenario.events as [(typeof scenario.events)[0], (typeof scenario.events)[0]];

  it('pauses a card where it lies, with the event and the reason, and leaves it on the wheel', () => {
    const before = startTable(scenario);
    const { table, outcomes } = applyEventToTable(scenario, before, heup, 7);
    expect(table.cards['zelf-koken']).toMatchObject({ x: before.cards['zelf-koken']!.x, y: before.cards['zelf-koken']!.y });
    expect(table.cards['zelf-koken']!.paused).toEqual({ eventId: 'heup', reason: 'Kan niet staan in de keuken', version: 7 });
    expect(table.cards['zelf-wassen']!.paused).toEqual({ eventId: 'heup', reason: null, version: 7 });
    expect(table.ended).toEqual([]);
    expect(outcomes.slice(0, 2)).toEqual([
      { kind: 'pause', cardId: 'zelf-koken', applied: true },
      { kind: 'pause', cardId: 'zelf-wassen', applied: true },
    ]);
  });

  it('brings a paused card back with a later event and skips one that was never on the wheel', () => {
    const paused = applyEventToTable(scenario, startTable(scenario), heup, 7).table;
    const { table, outcomes } = applyEventToTable(scenario, paused, hersteld, 8);
    expect(table.cards['zelf-koken']!.paused).toBeNull();
    // The other paused card waits for its own event or the facilitator.
    expect(table.cards['zelf-wassen']!.paused).not.toBeNull();
    expect(outcomes[1]).toEqual({ kind: 'resume', cardId: 'bijbaan', applied: false });
  });

  it('moves a card to another ring and domain without adding it again', () => {
    const before = startTable(scenario);
    const { table } = applyEventToTable(scenario, before, heup, 7);
    expect(Object.keys(table.cards).sort()).toEqual(Object.keys(before.cards).sort());
    expect(diffTables(makeState(), before, table).moved).toEqual(['oma-belt']);
  });

  it("rewrites a role's law and mandate at this table and keeps what they said before", () => {
    const { table, outcomes } = applyEventToTable(scenario, startTable(scenario), heup, 7);
    expect(roleAtTable(scenario, table, 'consulent')).toMatchObject({ law: 'Wlz', mandate: 'Regelt zorg uit de Wlz', perspective: 'p' });
    expect(table.roleChanges).toEqual([
      {
        roleId: 'consulent',
        eventId: 'heup',
        reason: 'De indicatie is rond',
        version: 7,
        before: { law: 'Wmo 2015', mandate: 'm' },
        after: { law: 'Wlz', mandate: 'Regelt zorg uit de Wlz' },
      },
    ]);
    expect(outcomes[3]).toEqual({ kind: 'role', roleId: 'consulent', applied: true });
    // The scenario itself, and so every other table, keeps the original text.
    expect(scenario.roles.find((r) => r.id === 'consulent')?.law).toBe('Wmo 2015');
  });

  it('records no change when a role already says what the event writes', () => {
    const after = applyEventToTable(scenario, startTable(scenario), heup, 7).table;
    const { table, outcomes } = applyEventToTable(scenario, after, hersteld, 8);
    expect(table.roleChanges).toHaveLength(1);
    expect(outcomes[2]).toEqual({ kind: 'role', roleId: 'consulent', applied: false });
  });

  it('lists pauses, resumes and role changes in the difference between two moments', () => {
    const start = startTable(scenario);
    const mid = applyEventToTable(scenario, start, heup, 7).table;
    const end = applyEventToTable(scenario, mid, hersteld, 8).table;
    const state = makeState();
    const first = diffTables(state, start, mid);
    expect(first.paused.sort()).toEqual(['zelf-koken', 'zelf-wassen']);
    expect(first.roles.map((r) => r.after)).toEqual([{ law: 'Wlz', mandate: 'Regelt zorg uit de Wlz' }]);
    expect(diffTables(state, mid, end)).toMatchObject({ resumed: ['zelf-koken'], paused: [], roles: [] });
  });
});

describe('cardPause', () => {
  it('lets the facilitator put a card on hold and bring it back', () => {
    const state = deepFreeze(makeState());
    const paused = accepted(cardPause(ctx(state, HOST, 12), { tableId: 't1', cardId: 'jeugdhulp', paused: true }));
    expect(paused.tables.t1!.cards.jeugdhulp!.paused).toEqual({ eventId: null, reason: null, version: 12 });
    expect(paused.tables.t2!.cards.jeugdhulp!.paused).toBeNull();
    const back = accepted(cardPause(ctx(paused, HOST, 13), { tableId: 't1', cardId: 'jeugdhulp', paused: false }));
    expect(back.tables.t1!.cards.jeugdhulp!.paused).toBeNull();
  });

  it('refuses a player, a card that is not on the board and a pause that changes nothing', () => {
    const state = makeState();
    expect(cardPause(ctx(state, seat('s1')), { tableId: 't1', cardId: 'jeugdhulp', paused: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(cardPause(ctx(state, HOST), { tableId: 't1', cardId: 'bijbaan', paused: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(cardPause(ctx(state, HOST), { tableId: 't9', cardId: 'jeugdhulp', paused: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(cardPause(ctx(state, HOST), { tableId: 't1', cardId: 'jeugdhulp', paused: false })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('does not pause a starting card the facilitator has not brought onto the wheel yet', () => {
    const state = makeState({ staged: true });
    expect(cardPause(ctx(state, HOST), { tableId: 't1', cardId: 'jeugdhulp', paused: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
