import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { angleOf, cellPoint, fromPolar, locate, sectorAt, type Point } from './geometry';
import { layoutBoard, setLabel, setLayoutCaching, TAG_ROW_EM, turnAt, wrapWords, type BoardLayout, type LayoutCardInput } from './layout';

/** The four corners of a drawn piece: its rectangle turned round its centre. */
function corners(b: { x: number; y: number; w: number; h: number; rotate: number }): Point[] {
  const t = (b.rotate * Math.PI) / 180;
  const [c, s] = [Math.cos(t), Math.sin(t)];
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([dx, dy]) => {
    const x = (dx! * b.w) / 2;
    const y = (dy! * b.h) / 2;
    return { x: b.x + x * c - y * s, y: b.y + x * s + y * c };
  });
}

/** Separating-axis test for two convex quadrilaterals; independent of the layout's own bookkeeping. */
function quadsOverlap(a: Point[], b: Point[]): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < 4; i++) {
      const p = poly[i]!;
      const q = poly[(i + 1) % 4]!;
      const axis = { x: q.y - p.y, y: p.x - q.x };
      const proj = (pts: Point[]) => pts.map((v) => v.x * axis.x + v.y * axis.y);
      const [pa, pb] = [proj(a), proj(b)];
      if (Math.max(...pa) <= Math.min(...pb) + 1e-9 || Math.max(...pb) <= Math.min(...pa) + 1e-9) return false;
    }
  }
  return true;
}

/** The nearest distance from the wheel's centre to a convex quadrilateral. */
function nearest(quad: Point[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 4; i++) {
    const p = quad[i]!;
    const q = quad[(i + 1) % 4]!;
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const t = Math.max(0, Math.min(1, -(p.x * dx + p.y * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(p.x + t * dx, p.y + t * dy));
  }
  return best;
}

function pieces(layout: BoardLayout) {
  return [...Object.values(layout.cards), ...layout.stacks];
}

function expectHonest(layout: BoardLayout, input: readonly LayoutCardInput[], sectorCount: number) {
  const all = pieces(layout);
  for (const piece of all) {
    const quad = corners(piece);
    const inner = layout.rings[piece.sector]![piece.ring]!;
    const outer = layout.rings[piece.sector]![piece.ring + 1]!;
    expect(nearest(quad), `inner edge of ring ${piece.ring}`).toBeGreaterThanOrEqual(inner - 1e-6);
    for (const c of quad) expect(Math.hypot(c.x, c.y), `outer edge of ring ${piece.ring}`).toBeLessThanOrEqual(outer + 1e-6);
    // Its sector by angle (its ring is checked against the drawn rings above).
    expect(sectorAt(angleOf(piece), sectorCount)).toBe(piece.sector);
  }
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(quadsOverlap(corners(all[i]!), corners(all[j]!))).toBe(false);
  // Every card on the rings is either drawn or counted in its cell's stack, in its own ring and sector.
  for (const card of input) {
    const cell = locate(card, sectorCount);
    if (cell.kind !== 'ring') continue;
    const drawn = layout.cards[card.id];
    const stacked = layout.stacks.find((s) => s.ids.includes(card.id));
    expect(Boolean(drawn) !== Boolean(stacked), card.id).toBe(true);
    const where = drawn ?? stacked!;
    expect([where.ring, where.sector]).toEqual([cell.ring, cell.sector]);
  }
}

const LABELS = ['Jongerenrekening', 'Eigen geld uit haar bijbaan', 'Crisislogeeropvang', 'Studieloopbaanbegeleider', 'Huisarts', 'Mentor fasehuis', 'Vriendinnen', 'Zorgtoeslag aanvragen bij de Belastingdienst'];

/** Short labels as the shipped scenarios give them, for the realistic board. */
const SHORT = ['Jongerenrekening', 'Bijbaan drogist', 'Crisisopvang', 'Studiebegeleider', 'Huisarts', 'Mentor fasehuis', 'Vriendinnen', 'Zorgtoeslag', 'Moeder', 'Schuldhulp', 'Jeugdbeschermer', 'Sportschool'];

/**
 * Labels as a table writes them and the shipped scenarios shorten them (≤ 28 characters), for
 * the realistic boards; their long words are in testHyphens.
 */
const REALISTIC = [
  'Beste vriendinnen', 'Weekend bij moeder', 'Omgang vader', 'Maatje', 'Netwerkberaad', 'Eigen geld uit bijbaan', 'Jongerenrekening', 'DigiD',
  'Kookt zelf', 'Buurvrouw kookt mee', 'Jongerenwerker', 'Mbo Zorg', 'Bijbaan drogist', 'Meer uren drogist', 'Budgetcursus', 'Logeren bij moeder',
  'Budgetcoach', 'Oom helpt met verhuizen', 'Sportcoach', 'Groepsles sport', 'Oma belt elke zondag', 'Fasehuis', 'Toekomstplan 18+', 'Vakbond',
  'Schuldhulp', 'Mentor fasehuis', 'Jeugd-ggz nazorg', 'Wijkteam', 'Bezoek vader kliniek', 'Sportabonnement', 'Zumba met vriendinnen', 'OTS, jeugdbeschermer',
  'Loopbaanbegeleider', 'Stage in de zorg', 'Huiswerkklas', 'Kinderbijslag', 'Bewind voorbereiden', 'Zorgpolis moeder', 'POH-ggz', 'Stichting Leergeld',
];

/**
 * The card font and its floor a screen asks for where the wheel is some 540 px across per mat
 * unit… in mat units: 0.032 and 0.026 (the client derives them from its own size, see
 * client/src/board/view.ts).
 */
const AT_SIZE = { font: 0.032, minFont: 0.021 };

/** Break points as the Dutch patterns give them, for the words above. */
function testHyphens(word: string): string {
  const known: Record<string, string> = {
    Jongerenrekening: 'Jon\u00adge\u00adren\u00adre\u00adke\u00adning',
    Studiebegeleider: 'Stu\u00addie\u00adbe\u00adge\u00adlei\u00adder',
    Jeugdbeschermer: 'Jeugd\u00adbe\u00adscher\u00admer',
    Crisisopvang: 'Cri\u00adsis\u00adop\u00advang',
    Netwerkberaad: 'Net\u00adwerk\u00adbe\u00adraad',
    vriendinnen: 'vrien\u00addin\u00adnen',
    Jongerenwerker: 'Jon\u00adge\u00adren\u00adwer\u00adker',
    Budgetcursus: 'Bud\u00adget\u00adcur\u00adsus',
    Sportabonnement: 'Sport\u00adabon\u00adne\u00adment',
    jeugdbeschermer: 'jeugd\u00adbe\u00adscher\u00admer',
    Loopbaanbegeleider: 'Loop\u00adbaan\u00adbe\u00adge\u00adlei\u00adder',
    Kinderbijslag: 'Kin\u00adder\u00adbij\u00adslag',
    voorbereiden: 'voor\u00adbe\u00adrei\u00adden',
    Toekomstplan: 'Toe\u00adkomst\u00adplan',
    Huiswerkklas: 'Huis\u00adwerk\u00adklas',
    Schuldhulp: 'Schuld\u00adhulp',
    Budgetcoach: 'Bud\u00adget\u00adcoach',
    Sportcoach: 'Sport\u00adcoach',
  };
  return known[word] ?? word;
}

const cardArb = (sectorCount: number) =>
  fc.record({
    r: fc.double({ min: 0, max: 1.3, noNaN: true }),
    a: fc.double({ min: 0, max: Math.PI * 2, noNaN: true, maxExcluded: true }),
    label: fc.oneof(fc.constantFrom(...LABELS), fc.string({ minLength: 1, maxLength: 60 })),
  }).map(({ r, a, label }) => ({ ...fromPolar(r, a), label, sectorCount }));

describe('layoutBoard', () => {
  it('draws any set of cards without overlaps, each wholly inside the ring band its position says', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 10 }).chain((n) => fc.array(cardArb(n), { maxLength: 60 })), (list) => {
        const sectorCount = list[0]?.sectorCount ?? 8;
        const input = list.map((c, i) => ({ id: `c${i}`, x: c.x, y: c.y, label: c.label }));
        expectHonest(layoutBoard(input, [], { sectorCount }), input, sectorCount);
      }),
      { numRuns: 60 },
    );
  });

  it('shows two cards dropped on exactly the same spot side by side', () => {
    const at = cellPoint(2, 1, 8);
    const input = [
      { id: 'a', ...at, label: 'Jongerenrekening' },
      { id: 'b', ...at, label: 'Eigen geld uit haar bijbaan' },
    ];
    const layout = layoutBoard(input, [], { sectorCount: 8 });
    expect(layout.cards.a && layout.cards.b).toBeTruthy();
    expectHonest(layout, input, 8);
  });

  it('keeps a row under the label of a card that shows a tag, so the tag covers none of its words', () => {
    const at = cellPoint(1, 3, 8);
    const plain = layoutBoard([{ id: 'a', ...at, label: 'Loopt naar de bakker' }], [], { sectorCount: 8 });
    const input = [{ id: 'a', ...at, label: 'Loopt naar de bakker', tag: true }];
    const tagged = layoutBoard(input, [], { sectorCount: 8 });
    expect(tagged.cards.a!.lines).toEqual(plain.cards.a!.lines);
    expect(tagged.cards.a!.h).toBeCloseTo(plain.cards.a!.h + TAG_ROW_EM * tagged.cards.a!.font, 3);
    expectHonest(tagged, input, 8);
  });

  it('puts a new card beside the one already in its cell, both in the order they lie along the ring', () => {
    const input = [
      { id: 'a', ...fromPolar(0.9, (Math.PI / 4) * 1.8), label: 'Buddy' },
      { id: 'b', ...fromPolar(0.9, (Math.PI / 4) * 1.2), label: 'Oma' },
    ];
    const before = layoutBoard(input.slice(0, 1), [], { sectorCount: 8 });
    const after = layoutBoard(input, [], { sectorCount: 8 });
    expect(before.cards.a).toBeTruthy();
    expect([after.cards.a!.ring, after.cards.a!.sector]).toEqual([3, 1]);
    // b was dropped earlier along the ring (clockwise) than a, so it lies before a.
    expect(angleOf(after.cards.b!)).toBeLessThan(angleOf(after.cards.a!));
    expectHonest(after, input, 8);
  });

  it('shows all forty cards of a realistic board, five in its fullest cell, without a stack', () => {
    const input: LayoutCardInput[] = [];
    for (let i = 0; i < 5; i++) input.push({ id: `full-${i}`, ...cellPoint(1, 5, 8), label: REALISTIC[i]! });
    for (let i = 0; i < 35; i++) input.push({ id: `more-${i}`, ...cellPoint(i % 4, (i * 3) % 8, 8), label: REALISTIC[(i * 7 + 5) % REALISTIC.length]! });
    const layout = layoutBoard(input, [], { sectorCount: 8, hyphenate: testHyphens, ...AT_SIZE });
    expectHonest(layout, input, 8);
    expect(layout.stacks).toEqual([]);
    expect(Object.keys(layout.cards)).toHaveLength(40);
  });

  it('stacks nothing on any board of at most forty cards and five per cell', () => {
    const cellArb = fc.record({ ring: fc.integer({ min: 0, max: 3 }), sector: fc.integer({ min: 0, max: 7 }), n: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(fc.uniqueArray(cellArb, { selector: (c) => `${c.ring}:${c.sector}`, maxLength: 32 }), fc.array(fc.nat(), { minLength: 200, maxLength: 200 }), (cells, picks) => {
        const input: LayoutCardInput[] = [];
        for (const { ring, sector, n } of cells) {
          for (let i = 0; i < n && input.length < 40; i++) {
            const k = input.length;
            // Dropped anywhere in the cell, not only in its middle.
            const at = fromPolar(0.2 + 0.2 * ring + 0.19 * ((picks[k * 2]! % 97) / 97), (Math.PI / 4) * (sector + 0.01 + 0.98 * ((picks[k * 2 + 1]! % 89) / 89)));
            input.push({ id: `p${k}`, ...at, label: REALISTIC[picks[k]! % REALISTIC.length]! });
          }
        }
        const layout = layoutBoard(input, [], { sectorCount: 8, hyphenate: testHyphens, ...AT_SIZE });
        expectHonest(layout, input, 8);
        expect(layout.stacks).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('gathers what a crowded cell cannot show in one stack with the count of the rest', () => {
    const input = Array.from({ length: 12 }, (_, i) => ({ id: `k${i}`, ...cellPoint(0, 3, 8), label: LABELS[i % LABELS.length]! }));
    const layout = layoutBoard(input, [], { sectorCount: 8 });
    expectHonest(layout, input, 8);
    expect(layout.stacks).toHaveLength(1);
    expect(layout.stacks[0]!.ids.length + Object.keys(layout.cards).length).toBe(12);
  });

  it('lays out the same cards the same way on every device', () => {
    const input = LABELS.map((label, i) => ({ id: `d${i}`, ...cellPoint(i % 4, i % 8, 8), label }));
    expect(layoutBoard(input, [], { sectorCount: 8 })).toEqual(layoutBoard(input, [], { sectorCount: 8 }));
  });

  it('moves a token that stands on a card beside it, and leaves one on the open mat alone', () => {
    const at = cellPoint(3, 2, 8);
    const layout = layoutBoard([{ id: 'a', ...at, label: 'Huisarts' }], [{ id: 'on', ...at }, { id: 'off', x: 1.2, y: 1.2 }], { sectorCount: 8 });
    expect(layout.tokens.off).toEqual({ x: 1.2, y: 1.2 });
    const card = layout.cards.a!;
    const spot = layout.tokens.on!;
    expect(Math.hypot(spot.x - card.x, spot.y - card.y)).toBeGreaterThan(Math.min(card.w, card.h) / 2);
  });

  it('turns a card along its ring but never upside down', () => {
    expect(turnAt(0)).toBe(0);
    expect(turnAt(Math.PI / 2)).toBe(90);
    expect(turnAt(Math.PI)).toBe(0);
    expect(Math.abs(turnAt((Math.PI * 5) / 4))).toBeLessThanOrEqual(90);
    expect(turnAt((Math.PI * 7) / 4)).toBe(-45);
  });

});

describe('setLabel', () => {
  it('breaks a long word at the hyphenator\'s points, not inside a syllable', () => {
    const hy = (w: string) => (w === 'Studieloopbaanbegeleider' ? 'Stu\u00addie\u00adloop\u00adbaan\u00adbe\u00adge\u00adlei\u00adder' : w);
    const lines = wrapWords('Studieloopbaanbegeleider', 6, 4, hy);
    expect(lines.join('|')).toMatch(/^(Stu|Studie|Studieloop|Studieloopbaan|Studieloopbaanbe|Studieloopbaanbege|Studieloopbaanbegelei)-\|/);
    expect(lines.join('').replaceAll('-', '')).toBe('Studieloopbaanbegeleider');
  });

  it('ends a label that does not fit with an ellipsis', () => {
    const set = setLabel('Zelf vrijwilligerswerk zoeken, bijvoorbeeld bij de fietsenclub in de buurt', undefined, { maxW: 0.2, maxLines: 2 });
    expect(set.lines).toHaveLength(2);
    expect(set.lines[1]!.endsWith('…')).toBe(true);
    expect(set.cut).toBe(true);
  });
});

describe('layoutBoard with its caches', () => {
  it('draws exactly what it draws without them, move after move, with and without a hyphenator and at any font', () => {
    const moveArb = fc.record({ card: fc.nat(), token: fc.boolean(), r: fc.double({ min: 0.15, max: 1.1, noNaN: true }), a: fc.double({ min: 0, max: 6.28, noNaN: true }) });
    const boardArb = fc.record({
      sectorCount: fc.integer({ min: 3, max: 10 }),
      cards: fc.array(fc.record({ r: fc.double({ min: 0, max: 1.3, noNaN: true }), a: fc.double({ min: 0, max: 6.28, noNaN: true }), label: fc.oneof(fc.constantFrom(...REALISTIC, ...LABELS), fc.string({ minLength: 1, maxLength: 40 })) }), { minLength: 1, maxLength: 45 }),
      tokens: fc.array(fc.record({ r: fc.double({ min: 0, max: 1.2, noNaN: true }), a: fc.double({ min: 0, max: 6.28, noNaN: true }) }), { maxLength: 8 }),
      hyphenate: fc.boolean(),
      font: fc.constantFrom(undefined, AT_SIZE, { font: 0.07, minFont: 0.055 }),
      moves: fc.array(moveArb, { maxLength: 6 }),
    });
    fc.assert(
      fc.property(boardArb, (board) => {
        let cards: LayoutCardInput[] = board.cards.map((c, i) => ({ id: `c${i}`, ...fromPolar(c.r, c.a), label: c.label }));
        let tokens = board.tokens.map((t, i) => ({ id: `t${i}`, ...fromPolar(t.r, t.a) }));
        const options = { sectorCount: board.sectorCount, ...(board.hyphenate ? { hyphenate: testHyphens } : {}), ...board.font };
        // The boards one after the other, as a screen lays them out while people move pieces.
        const boards = [{ cards, tokens }];
        for (const move of board.moves) {
          const at = fromPolar(move.r, move.a);
          if (move.token && tokens.length > 0) tokens = tokens.map((t, i) => (i === move.card % tokens.length ? { ...t, ...at } : t));
          else cards = cards.map((c, i) => (i === move.card % cards.length ? { ...c, ...at } : c));
          boards.push({ cards, tokens });
        }
        const cached = boards.map((b) => layoutBoard(b.cards, b.tokens, options));
        setLayoutCaching(false);
        try {
          boards.forEach((b, i) => expect(cached[i]).toEqual(layoutBoard(b.cards, b.tokens, options)));
        } finally {
          setLayoutCaching(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
