import { describe, expect, it } from 'vitest';
import { isOnMat, locate } from '../board/geometry';
import { makeScenario } from '../testing/fixtures';
import { cardLayout, createSession, createTable, emWidth, spreadCards, wrapLabel } from './initial';

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

describe('card labels', () => {
  it('wraps a card label on word boundaries within the line width', () => {
    expect(wrapLabel('Woont in een fasehuis van de jeugdzorg', 6, 3)).toEqual(['Woont in een', 'fasehuis van', 'de jeugdzorg']);
  });

  it('ends a label that does not fit with an ellipsis, within the line width', () => {
    const lines = wrapLabel('Kassawerk bij de drogist in het weekend en op koopavond', 8, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(emWidth(line)).toBeLessThanOrEqual(8);
  });

  it('breaks a word wider than a line with a hyphen', () => {
    const lines = wrapLabel('Studieloopbaanbegeleider', 10, 3);
    expect(lines[0]!.endsWith('-')).toBe(true);
    expect(lines.join('').replace('-', '')).toBe('Studieloopbaanbegeleider');
    for (const line of lines) expect(emWidth(line)).toBeLessThanOrEqual(10);
  });

  it('counts narrow letters as narrower than wide ones', () => {
    expect(emWidth('illi')).toBeLessThan(emWidth('mwmw'));
  });

  it('never lets a line run wider than its card', () => {
    for (const label of ['Gesprekken met studieloopbaanbegeleider', 'Omgangsregeling met vader, een paar keer per jaar', 'Doet zelf boodschappen en kookt', 'Eigen betaalrekening voor volwassenen']) {
      for (const ring of [0, 1, null]) {
        const layout = cardLayout(label, ring);
        for (const line of layout.lines) expect(emWidth(line) * layout.font, `${label} in ring ${ring}`).toBeLessThanOrEqual(layout.w - 0.03);
      }
    }
  });

  it('sets a short label at full size', () => {
    const layout = cardLayout('Eigen geld', 2);
    expect(layout.font).toBe(0.041);
    expect(layout.lines).toEqual(['Eigen geld']);
  });

  it('shrinks the font of a long label before it cuts it off', () => {
    const layout = cardLayout('Gesprekken met studieloopbaanbegeleider en de mentor', 3);
    expect(layout.font).toBeLessThan(0.041);
    expect(layout.lines.join(' ').replace(/- /g, '')).toBe('Gesprekken met studieloopbaanbegeleider en de mentor');
    expect(layout.lines.some((l) => l.endsWith('…'))).toBe(false);
  });

  it('gives a label a fourth line before it ends in an ellipsis', () => {
    const label = 'Toekomstplan voor na de 18e, samen met Tess gemaakt';
    const layout = cardLayout(label, 0);
    expect(layout.lines).toHaveLength(4);
    expect(layout.lines.join(' ')).toBe(label);
    expect(cardLayout(`${label} en soms ook op zondag als het druk is`, 0).lines[3]!.endsWith('…')).toBe(true);
  });

  it('draws a card in the narrow innermost ring no wider than one elsewhere', () => {
    const label = 'Doet zelf boodschappen en kookt';
    expect(cardLayout(label, 0).w).toBeLessThanOrEqual(cardLayout(label, 2).w);
    expect(cardLayout(label, 0).w).toBeLessThanOrEqual(0.32);
  });
});

describe('spreadCards', () => {
  const scenario = makeScenario();
  const card = (id: string, label: string, supportType: 'eigen' | 'landelijk', sector: string) => ({ id, label, supportType, sector, placement: 'start' as const });

  it('keeps a card in the outer ring from reaching over the rim onto the sector names', () => {
    const sector = scenario.board.sectors[1]!.id;
    const [[, p]] = spreadCards(scenario, [card('a', 'Gesprekken met studieloopbaanbegeleider', 'landelijk', sector)]) as [[unknown, { x: number; y: number }]];
    const { w, h } = cardLayout('Gesprekken met studieloopbaanbegeleider', 3);
    // In the middle of its cell its far corner would reach some 1.09 from the centre, over the sector names.
    expect(Math.hypot(Math.abs(p.x) + w / 2, Math.abs(p.y) + h / 2)).toBeLessThan(1.02);
    expect(locate(p, scenario.board.sectors.length)).toMatchObject({ kind: 'ring', supportType: 'landelijk', sector: 1 });
  });

  it('keeps a card off the ring name printed at twelve o\'clock when its cell has room elsewhere', () => {
    const sector = scenario.board.sectors[0]!.id;
    const [[, p]] = spreadCards(scenario, [card('a', 'Doet zelf boodschappen en kookt', 'eigen', sector)]) as [[unknown, { x: number; y: number }]];
    const { w } = cardLayout('Doet zelf boodschappen en kookt', 0);
    // The ring name runs along the top of the ring, centred on the sector border at x = 0.
    expect(p.x - w / 2).toBeGreaterThan(0.05);
  });
});
