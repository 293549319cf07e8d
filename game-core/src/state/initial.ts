import { CENTRE_RADIUS, RING_EDGES, cellPoint, fromPolar, locate, radiusOf, ringAt, tokenStartPoint, SUPPORT_TYPES, type Point } from '../board/geometry';
import { emWidth, wrapWords } from '../board/layout';
import type { Scenario, ScenarioCard } from '../scenario/schema';
import { STATE_FORMAT, type CardOnBoard, type SessionState, type TableState, type Token } from './types';

/** A fresh table: the scenario's starting cards on the wheel, the rest in the deck. */
export function createTable(scenario: Scenario, id: string, name: string): TableState {
  const cards: Record<string, CardOnBoard> = {};
  const start = scenario.cards.filter((c) => c.placement === 'start');
  for (const [card, point] of spreadCards(scenario, start)) {
    cards[card.id] = {
      id: card.id,
      defId: card.id,
      label: card.label,
      law: card.law ?? null,
      roleId: card.role ?? null,
      x: point.x,
      y: point.y,
      rev: 0,
      placedBy: 'scenario',
      note: '',
      // The situation comes onto the wheel in step 2, card by card or at once.
      staged: true,
      hidden: false,
      paused: null,
    };
  }
  const tokens: Record<string, Token> = {};
  const others = scenario.roles.filter((r) => r.kind !== 'persona');
  scenario.roles.forEach((role) => {
    // The persona stands in the middle of the mat, like the actor on the floor mat.
    const point = role.kind === 'persona' ? { x: 0, y: 0 } : tokenStartPoint(others.indexOf(role), others.length);
    tokens[role.id] = { roleId: role.id, x: point.x, y: point.y, rev: 0 };
  });
  return {
    id,
    name,
    cards,
    deck: scenario.cards.filter((c) => c.placement === 'deck').map((c) => c.id),
    tokens,
    ended: [],
    links: [],
    roleChanges: [],
    personaAge: scenario.persona.age,
    step: 'kennismaken',
    timer: { durationMs: DEFAULT_TIMER_MS, elapsedMs: 0, startedAt: null },
    locked: false,
    interviewRevealed: 0,
    prompt: null,
    private: false,
    summons: 0,
  };
}

/** Gives each card a spot in its cell, spreading cards that share a cell. */
export function spreadCards(scenario: Scenario, cards: readonly ScenarioCard[]) {
  const sectorIds = scenario.board.sectors.map((s) => s.id);
  const count = sectorIds.length;
  /*
   * Cards are wider than a cell of the inner rings, so neighbours from the next sector overlap
   * as much as cards in the same cell. Each card takes the spot in its own cell (its meaning)
   * that covers the others least, preferring the middle of the cell; a few rounds let early
   * cards make room for later ones.
   */
  const labels = ringLabelBoxes(scenario);
  const items = cards.map((card) => {
    const ring = SUPPORT_TYPES.indexOf(card.supportType);
    const sector = Math.max(0, sectorIds.indexOf(card.sector));
    const { w, h } = cardLayout(card.label, ring);
    return { card, spots: cellSpots(ring, sector, count), box: null as Box | null, w, h };
  });
  for (let round = 0; round < 4; round++) {
    for (const item of items) {
      item.box = null;
      const others = items.flatMap((other) => (other.box ? [other.box] : []));
      item.box = leastCovered(item.spots, item, others, labels);
    }
  }
  return items.map(({ card, box }): [ScenarioCard, Point] => {
    if (box) return [card, { x: box.x, y: box.y }];
    return [card, cellPoint(SUPPORT_TYPES.indexOf(card.supportType), Math.max(0, sectorIds.indexOf(card.sector)), count)];
  });
}

/**
 * The spot in a cell where a new card with this label covers the cards already on the board
 * least. Pure, so server and every client lay an event's card on the same spot.
 */
export function freeSpotInCell(scenario: Scenario, ring: number, sector: number, label: string, onBoard: readonly { x: number; y: number; label: string }[]): Point {
  const sectorCount = scenario.board.sectors.length;
  const others = onBoard.map((c) => ({ x: c.x, y: c.y, ...cardLayout(c.label, ringAt(radiusOf(c))) }));
  const box = leastCovered(cellSpots(ring, sector, sectorCount), cardLayout(label, ring), others, ringLabelBoxes(scenario));
  return box ? { x: box.x, y: box.y } : cellPoint(ring, sector, sectorCount);
}

interface Spot {
  p: Point;
  /** How far from the cell's middle, as a tie-breaker. */
  centred: number;
}

/** The candidate spots of one cell that really lie inside it. */
function cellSpots(ring: number, sector: number, count: number): Spot[] {
  return SPOTS.map(([rf, af]) => ({ p: spotInCell(ring, sector, count, rf, af), centred: Math.hypot(rf - 0.5, af - 0.5) })).filter(({ p }) => {
    const cell = locate(p, count);
    return cell.kind === 'ring' && cell.ring === ring && cell.sector === sector;
  });
}

/**
 * The spot whose card box overlaps the others, the persona's disc and the sector names beyond
 * the rim least, the middle winning ties. Covering a ring's name counts for half: it is printed
 * twice, but a card on it still hides what the ring is.
 */
function leastCovered(spots: readonly Spot[], size: { w: number; h: number }, others: readonly Box[], labels: readonly Box[]): Box | null {
  let best: Box | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const { p, centred } of spots) {
    const box = { x: p.x, y: p.y, w: size.w, h: size.h };
    const onLabels = labels.reduce((sum, label) => sum + overlap(box, label), 0);
    const cost = others.reduce((sum, other) => sum + overlap(box, other), overlap(box, PERSONA_BOX)) + onLabels * 0.5 + overRim(box) + centred * 0.002;
    if (cost < bestCost) {
      bestCost = cost;
      best = box;
    }
  }
  return best;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Where in a cell a card may go: fractions of the ring's depth and of the sector's angle. The
 * outermost ones let cards in a crowded cell lean to its edges rather than lie on each other.
 */
const FRACTIONS = [0.5, 0.38, 0.62, 0.26, 0.74, 0.14, 0.86, 0.05, 0.95];
const SPOTS: [number, number][] = FRACTIONS.flatMap((rf) => FRACTIONS.map((af): [number, number] => [rf, af]));

/** The persona's disc in the middle, which cards should not cover. */
const PERSONA_BOX: Box = { x: 0, y: 0, w: CENTRE_RADIUS * 1.6, h: CENTRE_RADIUS * 1.6 };

function spotInCell(ring: number, sector: number, count: number, rf: number, af: number): Point {
  const inner = RING_EDGES[ring]!;
  const outer = RING_EDGES[ring + 1]!;
  const width = (Math.PI * 2) / count;
  return fromPolar(inner + (outer - inner) * rf, width * (sector + af));
}

/** About how much of a card box (as an area) lies past the wheel's rim, on the sector names. */
function overRim(box: Box): number {
  const far = Math.hypot(Math.abs(box.x) + box.w / 2, Math.abs(box.y) + box.h / 2);
  return far > RING_EDGES[4] ? Math.min(box.h, far - RING_EDGES[4]) * box.w : 0;
}

/** Ring names printed at twelve and at six o'clock (as the Wheel draws them), as a row of small boxes along each arc. */
function ringLabelBoxes(scenario: Scenario): Box[] {
  const boxes: Box[] = [];
  SUPPORT_TYPES.forEach((type, ring) => {
    // The default names are some 20 characters; the scenario may use its own wording.
    const length = (scenario.board.supportTypes?.[type]?.length ?? 20) * RING_FONT * 0.62;
    const radius = (RING_EDGES[ring]! + RING_EDGES[ring + 1]!) / 2;
    const pieces = Math.max(1, Math.ceil(length / 0.08));
    for (const at of [0, Math.PI]) {
      for (let i = 0; i < pieces; i++) {
        const p = fromPolar(radius, at + ((i + 0.5) / pieces - 0.5) * (length / radius));
        boxes.push({ x: p.x, y: p.y, w: length / pieces, h: RING_FONT * 1.2 });
      }
    }
  });
  return boxes;
}

/** The size the wheel sets its ring names in (RING_FONT in the client's Wheel.tsx). */
const RING_FONT = 0.034;

/** How a card's label is set: its lines, font size and line height, and the card's box, in mat units. */
export interface CardLayout {
  lines: string[];
  font: number;
  lineHeight: number;
  w: number;
  h: number;
}

interface LabelFit {
  font: number;
  lines: number;
  maxWidth: number;
}

/*
 * Ways to set a label, tried in order: a long label first gets a slightly smaller font, then a
 * fourth line, and only then an ellipsis. Cells of the innermost ring are narrow, so a card
 * there starts a little smaller. 0.036 is the smallest a 1024x768 tablet still shows legibly.
 */
const OUTER_FITS: readonly LabelFit[] = [
  { font: 0.041, lines: 3, maxWidth: 0.37 },
  { font: 0.036, lines: 3, maxWidth: 0.37 },
  { font: 0.036, lines: 4, maxWidth: 0.37 },
];
const INNER_FITS: readonly LabelFit[] = [
  { font: 0.038, lines: 3, maxWidth: 0.32 },
  { font: 0.036, lines: 3, maxWidth: 0.32 },
  { font: 0.036, lines: 4, maxWidth: 0.32 },
];
const CARD_PAD_X = 0.04;
const CARD_PAD_Y = 0.022;
const CARD_MIN_W = 0.16;
const CARD_MIN_H = 0.11;

/** How every screen sets a card's label, and the box placement plans with; `ring` is where the card lies (null: off the wheel). */
export function cardLayout(label: string, ring: number | null): CardLayout {
  const fits = ring === 0 ? INNER_FITS : OUTER_FITS;
  let fit = fits[fits.length - 1]!;
  let lines: string[] = [];
  for (const candidate of fits) {
    lines = wrapLabel(label, (candidate.maxWidth - CARD_PAD_X) / candidate.font, Number.POSITIVE_INFINITY);
    if (lines.length <= candidate.lines) {
      fit = candidate;
      break;
    }
  }
  if (lines.length > fit.lines) lines = wrapLabel(label, (fit.maxWidth - CARD_PAD_X) / fit.font, fit.lines);
  const longest = Math.max(0, ...lines.map(emWidth));
  const lineHeight = fit.font * 1.12;
  return {
    lines,
    font: fit.font,
    lineHeight,
    w: Math.min(fit.maxWidth, Math.max(CARD_MIN_W, longest * fit.font + CARD_PAD_X)),
    h: Math.max(CARD_MIN_H, CARD_PAD_Y * 2 + lines.length * lineHeight),
  };
}

/**
 * Breaks a label into at most `maxLines` lines no wider than `maxEm` ems, ending with an
 * ellipsis when text is left over. Words break at spaces; a word wider than a line is cut where
 * it must (the board's layout passes Dutch hyphenation to `wrapWords` instead).
 */
export { emWidth };

export function wrapLabel(text: string, maxEm: number, maxLines: number): string[] {
  return wrapWords(text, maxEm, maxLines);
}

function overlap(a: Box, b: Box): number {
  const ox = Math.min(a.x + a.w / 2, b.x + b.w / 2) - Math.max(a.x - a.w / 2, b.x - b.w / 2);
  const oy = Math.min(a.y + a.h / 2, b.y + b.h / 2) - Math.max(a.y - a.h / 2, b.y - b.h / 2);
  return ox > 0 && oy > 0 ? ox * oy : 0;
}

/** A round of discussion in the workshop deck takes about ten minutes. */
export const DEFAULT_TIMER_MS = 10 * 60_000;

export interface NewSessionInput {
  sessionId: string;
  code: string;
  scenario: Scenario;
  createdAt: number;
  tableNames?: string[];
}

/** The state of a session before anyone has joined. */
export function createSession(input: NewSessionInput): SessionState {
  const names = input.tableNames && input.tableNames.length > 0 ? input.tableNames : ['Tafel 1'];
  const tables: Record<string, TableState> = {};
  const tableOrder: string[] = [];
  names.forEach((name, i) => {
    const id = `t${i + 1}`;
    tables[id] = createTable(input.scenario, id, name);
    tableOrder.push(id);
  });
  return {
    format: STATE_FORMAT,
    sessionId: input.sessionId,
    code: input.code,
    scenario: input.scenario,
    tables,
    tableOrder,
    seats: {},
    events: [],
    polls: {},
    activePoll: null,
    insights: [],
    screenTables: [tableOrder[0]!],
    createdAt: input.createdAt,
  };
}
