import { cellPoint, tokenStartPoint, SUPPORT_TYPES } from '../board/geometry';
import type { Scenario, ScenarioCard } from '../scenario/schema';
import type { CardOnBoard, SessionState, TableState, Token } from './types';

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
  const byCell = new Map<string, ScenarioCard[]>();
  for (const card of cards) {
    const key = `${card.supportType}/${card.sector}`;
    byCell.set(key, [...(byCell.get(key) ?? []), card]);
  }
  const placed: [ScenarioCard, { x: number; y: number }][] = [];
  for (const group of byCell.values()) {
    group.forEach((card, slot) => {
      const ring = SUPPORT_TYPES.indexOf(card.supportType);
      const sector = Math.max(0, sectorIds.indexOf(card.sector));
      placed.push([card, cellPoint(ring, sector, sectorIds.length, slot, group.length)]);
    });
  }
  return placed;
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
