import type { Point } from '../board/geometry';
import type { Scenario } from '../scenario/schema';

/** The four workshop steps, in order. */
export const STEPS = ['kennismaken', 'situatie', 'spelen', 'reflectie'] as const;
export type Step = (typeof STEPS)[number];

/** Who did something. The server decides this from the connection, never from the payload. */
export type Actor =
  | { kind: 'host' }
  | { kind: 'seat'; seatId: string }
  | { kind: 'guest' }
  | { kind: 'system' };

export interface CardOnBoard extends Point {
  id: string;
  /** The scenario card it came from; null for a blank card a player wrote. */
  defId: string | null;
  label: string;
  law: string | null;
  roleId: string | null;
  /** Bumped on every move, so two people moving the same card cannot silently overwrite. */
  rev: number;
  placedBy: string;
}

export interface Token extends Point {
  roleId: string;
  rev: number;
}

export interface Seat {
  id: string;
  tableId: string;
  roleId: string;
  name: string;
  joinedAt: number;
}

export interface TableState {
  id: string;
  name: string;
  cards: Record<string, CardOnBoard>;
  /** Scenario card ids players may still place at this table. */
  deck: string[];
  tokens: Record<string, Token>;
  /** Cards an event ended, kept so screens can show what stopped and the report can list it. */
  ended: EndedCard[];
}

export interface EndedCard {
  card: CardOnBoard;
  eventId: string;
  reason: string | null;
  version: number;
}

export interface FiredEvent {
  eventId: string;
  /** The tables it was fired at. */
  tableIds: string[];
  version: number;
  at: number;
}

/**
 * A shared, advisory timer: it never blocks input. Running while `startedAt` is set; the time
 * left is `durationMs - elapsedMs - (now - startedAt)`, computed by each screen from its clock.
 */
export interface TimerState {
  durationMs: number;
  elapsedMs: number;
  startedAt: number | null;
}

/** The discussion question on every screen: one of a step's prompts, or of an event's questions. */
export type PromptRef = { kind: 'step'; step: Step; index: number } | { kind: 'event'; eventId: string; index: number } | { kind: 'reflection'; index: number };

export interface SessionState {
  sessionId: string;
  code: string;
  scenario: Scenario;
  step: Step;
  tables: Record<string, TableState>;
  tableOrder: string[];
  seats: Record<string, Seat>;
  /** Events in the order they were fired. */
  events: FiredEvent[];
  timer: TimerState;
  /** "Rust": players cannot change the board while the facilitator asks for calm. */
  locked: boolean;
  /** How many of the persona's interview answers the facilitator has revealed. */
  interviewRevealed: number;
  prompt: PromptRef | null;
  createdAt: number;
}
