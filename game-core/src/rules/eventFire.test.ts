import { describe, expect, it } from 'vitest';
import { locate } from '../board/geometry';
import { scenarioSchema } from '../scenario/schema';
import { createSession } from '../state/initial';
import { HOST, accepted, ctx, deepFreeze, makeScenario, makeState, seat, SECTOR_IDS } from '../testing/fixtures';
import { cardRemove } from './cardRemove';
import { eventFire } from './eventFire';
import { applyEventToTable } from './eventEffects';

/** The fixture scenario plus an event that moves, adds to the board and ends a deck card. */
function richState() {
  const base = makeScenario();
  const scenario = scenarioSchema.parse({
    ...base,
    events: [
      ...base.events,
      {
        id: 'verhuizing',
        title: 'Tess verhuist',
        narrative: 'Ze krijgt een kamer.',
        age: '19',
        effects: [
          { kind: 'move', card: 'oma-belt', supportType: 'eigen' },
          { kind: 'move', card: 'studiefinanciering', sector: 'werk' },
          { kind: 'add', card: { id: 'huurtoeslag', label: 'Huurtoeslag', supportType: 'landelijk', sector: 'wonen' }, to: 'board' },
          { kind: 'add', card: { id: 'buurthuis', label: 'Buurthuis', supportType: 'informeel', sector: 'wonen' }, to: 'board' },
          { kind: 'end', card: 'zorgtoeslag', reason: 'Vervalt' },
        ],
      },
    ],
  });
  return createSession({ sessionId: 's', code: 'TESS18', scenario, createdAt: 0, tableNames: ['Tafel 1', 'Tafel 2'] });
}

describe('eventFire', () => {
  it('makes the persona older at the tables where an event with an age happens, and only there', () => {
    const state = accepted(eventFire(ctx(richState(), HOST), { eventId: 'verhuizing', tableIds: ['t2'] }));
    expect(state.tables.t2!.personaAge).toBe(19);
    expect(state.tables.t1!.personaAge).toBe(17);
    // An event without an age leaves it as it was.
    expect(accepted(eventFire(ctx(state, HOST, 43), { eventId: 'achttien', tableIds: ['t2'] })).tables.t2!.personaAge).toBe(19);
  });

  it('ends a card at every table, keeping it in the ended list with its reason and version', () => {
    const state = accepted(eventFire(ctx(deepFreeze(makeState()), HOST, 7, 900), { eventId: 'achttien' }));
    for (const id of ['t1', 't2']) {
      expect(state.tables[id]!.cards).not.toHaveProperty('jeugdhulp');
      expect(state.tables[id]!.ended).toEqual([
        { card: expect.objectContaining({ id: 'jeugdhulp', label: 'Jeugdhulp' }) as unknown, eventId: 'achttien', reason: null, version: 7 },
      ]);
    }
    expect(state.events).toEqual([{ eventId: 'achttien', tableIds: ['t1', 't2'], version: 7, at: 900 }]);
  });

  it('puts an added card in the deck when the event says so', () => {
    const state = accepted(eventFire(ctx(makeState(), HOST), { eventId: 'achttien' }));
    expect(state.tables.t1!.deck).toContain('schuldhulp');
    expect(state.tables.t1!.cards).not.toHaveProperty('schuldhulp');
  });

  it('fires at the chosen tables only', () => {
    const before = makeState();
    const state = accepted(eventFire(ctx(before, HOST), { eventId: 'achttien', tableIds: ['t2'] }));
    expect(state.tables.t1).toEqual(before.tables.t1);
    expect(state.tables.t2!.cards).not.toHaveProperty('jeugdhulp');
  });

  it('moves a card to another ring in its own sector, or to another sector in its own ring', () => {
    const state = accepted(eventFire(ctx(richState(), HOST), { eventId: 'verhuizing' }));
    const cards = state.tables.t1!.cards;
    expect(locate(cards['oma-belt']!, SECTOR_IDS.length)).toMatchObject({ supportType: 'eigen', sector: SECTOR_IDS.indexOf('sociaal') });
    expect(locate(cards.studiefinanciering!, SECTOR_IDS.length)).toMatchObject({ supportType: 'landelijk', sector: SECTOR_IDS.indexOf('werk') });
    expect(cards['oma-belt']!.rev).toBe(1);
  });

  it('lays added board cards in their cell without putting two on the same spot', () => {
    const state = accepted(eventFire(ctx(richState(), HOST), { eventId: 'verhuizing' }));
    const cards = state.tables.t1!.cards;
    expect(locate(cards.huurtoeslag!, SECTOR_IDS.length)).toMatchObject({ supportType: 'landelijk', sector: SECTOR_IDS.indexOf('wonen') });
    expect(locate(cards.buurthuis!, SECTOR_IDS.length)).toMatchObject({ supportType: 'informeel', sector: SECTOR_IDS.indexOf('wonen') });
    expect(cards.huurtoeslag!.placedBy).toBe('event:verhuizing');
  });

  it('takes an ended card that was still in the deck out of the deck', () => {
    const state = accepted(eventFire(ctx(richState(), HOST), { eventId: 'verhuizing' }));
    expect(state.tables.t1!.deck).not.toContain('zorgtoeslag');
    expect(state.tables.t1!.ended).toEqual([]);
  });

  it('reports effects on cards that players had already removed as not applied, without failing', () => {
    const removed = accepted(cardRemove(ctx(makeState(), HOST), { tableId: 't1', cardId: 'jeugdhulp' }));
    const table = { ...removed.tables.t1!, deck: removed.tables.t1!.deck.filter((id) => id !== 'jeugdhulp') };
    const { outcomes } = applyEventToTable(removed.scenario, table, removed.scenario.events[0]!, 3);
    expect(outcomes).toContainEqual({ kind: 'end', cardId: 'jeugdhulp', applied: false });
  });

  it('brings every starting card still waiting onto the board of the tables it is fired at', () => {
    const state = accepted(eventFire(ctx(makeState({ staged: true }), HOST), { eventId: 'achttien', tableIds: ['t1'] }));
    const t1 = Object.values(state.tables['t1']!.cards);
    expect(t1.map((c) => c.id).sort()).toEqual(['oma-belt', 'studiefinanciering', 'zelf-koken', 'zelf-wassen']);
    expect(t1.some((c) => c.staged)).toBe(false);
    expect(Object.values(state.tables['t2']!.cards).every((c) => c.staged)).toBe(true);
    // jeugdhulp was still waiting, yet the event ended it all the same.
    expect(state.tables['t1']!.ended.map((e) => e.card.id)).toEqual(['jeugdhulp']);
  });

  it('refuses a player, an unknown event, an unknown table, and the same event twice at a table', () => {
    expect(eventFire(ctx(makeState(), seat('s1')), { eventId: 'achttien' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(eventFire(ctx(makeState(), HOST), { eventId: 'nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(eventFire(ctx(makeState(), HOST), { eventId: 'achttien', tableIds: ['t9'] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const once = accepted(eventFire(ctx(makeState(), HOST), { eventId: 'achttien', tableIds: ['t1'] }));
    expect(eventFire(ctx(once, HOST), { eventId: 'achttien' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(eventFire(ctx(once, HOST), { eventId: 'achttien', tableIds: ['t2'] }).ok).toBe(true);
  });
});
