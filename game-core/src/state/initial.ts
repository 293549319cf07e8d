import { CENTRE_RADIUS, RING_EDGES, cellPoint, fromPolar, locate, tokenStartPoint, SUPPORT_TYPES, type Point } from '../board/geometry';
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
  const items = cards.map((card) => {
    const ring = SUPPORT_TYPES.indexOf(card.supportType);
    const sector = Math.max(0, sectorIds.indexOf(card.sector));
    return { card, spots: cellSpots(ring, sector, count), box: null as Box | null, ...approxCardSize(card.label) };
  });
  for (let round = 0; round < 4; round++) {
    for (const item of items) {
      item.box = null;
      const others = items.flatMap((other) => (other.box ? [other.box] : []));
      item.box = leastCovered(item.spots, item, others);
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
export function freeSpotInCell(ring: number, sector: number, sectorCount: number, label: string, onBoard: readonly { x: number; y: number; label: string }[]): Point {
  const others = onBoard.map((c) => ({ x: c.x, y: c.y, ...approxCardSize(c.label) }));
  const box = leastCovered(cellSpots(ring, sector, sectorCount), approxCardSize(label), others);
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

/** The spot whose card box overlaps the others and the persona's disc least, the middle winning ties. */
function leastCovered(spots: readonly Spot[], size: { w: number; h: number }, others: readonly Box[]): Box | null {
  let best: Box | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const { p, centred } of spots) {
    const box = { x: p.x, y: p.y, w: size.w, h: size.h };
    const cost = others.reduce((sum, other) => sum + overlap(box, other), overlap(box, PERSONA_BOX)) + centred * 0.002;
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

/** Where in a cell a card may go: fractions of the ring's depth and of the sector's angle. */
const FRACTIONS = [0.5, 0.38, 0.62, 0.26, 0.74, 0.14, 0.86];
const SPOTS: [number, number][] = FRACTIONS.flatMap((rf) => FRACTIONS.map((af): [number, number] => [rf, af]));

/** The persona's disc in the middle, which cards should not cover. */
const PERSONA_BOX: Box = { x: 0, y: 0, w: CENTRE_RADIUS * 1.6, h: CENTRE_RADIUS * 1.6 };

function spotInCell(ring: number, sector: number, count: number, rf: number, af: number): Point {
  const inner = RING_EDGES[ring]!;
  const outer = RING_EDGES[ring + 1]!;
  const width = (Math.PI * 2) / count;
  return fromPolar(inner + (outer - inner) * rf, width * (sector + af));
}

/** About the size a screen draws a card with this label (mat units): up to three lines of some 13 characters. */
function approxCardSize(label: string): { w: number; h: number } {
  const lines = Math.min(3, Math.max(1, Math.ceil(label.length / 13)));
  const longest = lines === 1 ? label.length : 13;
  return { w: Math.min(0.34, Math.max(0.16, longest * 0.025 + 0.04)), h: Math.max(0.11, 0.052 + lines * 0.046) };
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
