import { describe, expect, it } from 'vitest';
import { isOnMat, locate } from '../board/geometry';
import { makeScenario } from '../testing/fixtures';
import { createSession, createTable } from './initial';

describe('createTable', () => {
  const scenario = makeScenario();
  const table = createTable(scenario, 't1', 'Tafel 1');
  const sectorCount = scenario.board.sectors.length;

  it('lays every start card in its scenario cell: ring = support type, sector = life domain', () => {
    const start = scenario.cards.filter((c) => c.placement === 'start');
    expect(Object.keys(table.cards).sort()).toEqual(start.map((c) => c.id).sort());
    for (const def of start) {
      const card = table.cards[def.id]!;
      const cell = locate(card, sectorCount);
      expect(cell, def.id).toMatchObject({ kind: 'ring', supportType: def.supportType, sector: scenario.board.sectors.findIndex((s) => s.id === def.sector) });
    }
  });

  it('copies each start card\'s label, law and role and starts it at rev 0', () => {
    expect(table.cards['oma-belt']).toMatchObject({ defId: 'oma-belt', label: 'Oma belt elke week', law: null, roleId: 'pleegmoeder', rev: 0, placedBy: 'scenario' });
    expect(table.cards['jeugdhulp']).toMatchObject({ law: 'Jeugdwet', roleId: null });
  });

  it('spreads start cards that share a cell so they do not overlap', () => {
    const a = table.cards['zelf-koken']!;
    const b = table.cards['zelf-wassen']!;
    expect([a.x, a.y]).not.toEqual([b.x, b.y]);
  });

  it('lets no two crowded cards of the innermost ring cover more than a third of each other', () => {
    const crowded = { ...scenario, cards: scenario.board.sectors.flatMap((s, i) => [0, 1].map((k) => ({ id: `c${i}-${k}`, label: 'Een kaart met tekst', supportType: 'eigen' as const, sector: s.id, placement: 'start' as const }))) };
    const cards = Object.values(createTable(crowded, 't1', 'Tafel 1').cards);
    // A three-line card as the screens draw it, in mat units.
    const [w, h] = [0.34, 0.19];
    for (const card of cards) expect(locate(card, sectorCount)).toMatchObject({ kind: 'ring', supportType: 'eigen' });
    for (const a of cards) {
      for (const b of cards) {
        if (a === b) continue;
        const covered = (Math.max(0, w - Math.abs(a.x - b.x)) * Math.max(0, h - Math.abs(a.y - b.y))) / (w * h);
        expect(covered, `${a.id} and ${b.id}`).toBeLessThan(1 / 3);
      }
    }
  });

  it('puts the other cards in the deck, in scenario order, including cards without a placement', () => {
    expect(table.deck).toEqual(['bijbaan', 'begeleid-wonen', 'zorgtoeslag']);
  });

  it('gives every role a token, the persona in the centre and the others on the mat outside the wheel', () => {
    expect(Object.keys(table.tokens).sort()).toEqual(scenario.roles.map((r) => r.id).sort());
    expect(table.tokens['tess']).toEqual({ roleId: 'tess', x: 0, y: 0, rev: 0 });
    for (const roleId of ['pleegmoeder', 'consulent', 'mentor']) {
      const token = table.tokens[roleId]!;
      expect(isOnMat(token), roleId).toBe(true);
      expect(locate(token, sectorCount), roleId).toEqual({ kind: 'outside' });
      expect(token.rev).toBe(0);
    }
    const spots = Object.values(table.tokens).map((t) => `${t.x},${t.y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });

  it('gives the same table for the same scenario every time', () => {
    expect(createTable(makeScenario(), 't1', 'Tafel 1')).toEqual(table);
  });
});

describe('createSession', () => {
  it('opens one table per name, numbered t1, t2 … in order', () => {
    const state = createSession({ sessionId: 'x', code: 'ABC', scenario: makeScenario(), createdAt: 1, tableNames: ['Rood', 'Blauw', 'Groen'] });
    expect(state.tableOrder).toEqual(['t1', 't2', 't3']);
    expect(state.tableOrder.map((id) => state.tables[id]!.name)).toEqual(['Rood', 'Blauw', 'Groen']);
  });

  it('opens a single table when no names are given', () => {
    for (const tableNames of [undefined, []]) {
      const state = createSession({ sessionId: 'x', code: 'ABC', scenario: makeScenario(), createdAt: 1, tableNames });
      expect(state.tableOrder).toEqual(['t1']);
      expect(state.tables['t1']?.name).toBe('Tafel 1');
    }
  });

  it('starts at the first step with nobody seated', () => {
    const state = createSession({ sessionId: 'sess', code: 'ABC', scenario: makeScenario(), createdAt: 123 });
    expect(state).toMatchObject({ sessionId: 'sess', code: 'ABC', seats: {}, createdAt: 123 });
    expect(state.tables['t1']?.step).toBe('kennismaken');
  });
});
