import type { Point } from '../board/geometry';
import type { RoleTextField, Scenario } from '../scenario/schema';

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
  /** A short remark a player wrote on the card ("alleen op dinsdag"); empty when none. */
  note: string;
  /**
   * A starting card the facilitator has not brought onto the board yet (step 2 builds the
   * situation card by card). Screens do not draw it and players cannot touch it.
   */
  staged: boolean;
  /**
   * Placed while the table was in private mode: only its placer and the facilitator see it
   * until the facilitator reveals the table's cards.
   */
  hidden: boolean;
  /**
   * The support stopped for a while ("he breaks his hip") but the card stays where it is, so
   * everyone sees what is missing and where it comes back. Null while the card works.
   */
  paused: CardPause | null;
}

export interface CardPause {
  /** The event that paused it; null when the facilitator did. */
  eventId: string | null;
  reason: string | null;
  version: number;
}

/** A role's text after an event changed it, with what it said before, for "Mijn rol". */
export interface RoleChange {
  roleId: string;
  eventId: string;
  reason: string | null;
  version: number;
  /** Only the fields the event rewrote; null where the role had no text before. */
  before: Partial<Record<RoleTextField, string | null>>;
  after: Partial<Record<RoleTextField, string>>;
}

/** "Wie werkt met wie samen": a line between two cards on the wheel. */
export interface Link {
  id: string;
  from: string;
  to: string;
  by: string;
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
  links: Link[];
  /** Role texts events rewrote at this table, oldest first; see `roleText` for the current text. */
  roleChanges: RoleChange[];
  /** The persona's age at this table: the scenario's, until an event makes her older. */
  personaAge: number;
  /*
   * Each table runs its own flow, so a facilitator can lead one group through a step while
   * another is still talking; host controls name the tables they apply to (default: all).
   */
  step: Step;
  timer: TimerState;
  /** "Rust": players cannot change the board while the facilitator asks for calm. */
  locked: boolean;
  /** How many of the persona's interview answers the facilitator has revealed. */
  interviewRevealed: number;
  prompt: PromptRef | null;
  /** Private mode: new cards stay hidden from the other players until revealed. */
  private: boolean;
  /** Bumped by "bring everyone here": tablets showing something else jump to the current step. */
  summons: number;
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

/**
 * The discussion question on every screen: one of a step's prompts, an event's questions, a
 * reflection prompt, or a question from the praatplaat library (`group` indexes the themes).
 */
export type PromptRef =
  | { kind: 'step'; step: Step; index: number }
  | { kind: 'event'; eventId: string; index: number }
  | { kind: 'reflection'; index: number }
  | { kind: 'praatplaat'; group: number; index: number };

export const POLL_STATUSES = ['open', 'closed'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];

/**
 * A warm-up vote ("stemmen met de voeten"). Answers are kept per seat so a player can change
 * their mind and nobody votes twice; screens and the report only ever show counts.
 */
export interface PollState {
  pollId: string;
  status: PollStatus;
  /** The result is on the big screen and the tablets. */
  revealed: boolean;
  /** Seat id → index of the chosen option. */
  answers: Record<string, number>;
  openedAt: number;
}

/** A post-it a player writes in the reflection ("welk inzicht neem je mee?"). */
export interface Insight {
  id: string;
  seatId: string;
  tableId: string;
  text: string;
  /** The question on the screen when it was written; screens group insights by it. */
  prompt: PromptRef | null;
  /** Taken out of view by the facilitator; kept for the facilitator only. */
  hidden: boolean;
  revealed: boolean;
  at: number;
}

/**
 * Bumped whenever the shape of the state changes. A server restores only sessions of its own
 * format: an older log would replay into a state the screens cannot draw.
 */
export const STATE_FORMAT = 3;

export interface SessionState {
  format: number;
  sessionId: string;
  code: string;
  scenario: Scenario;
  tables: Record<string, TableState>;
  tableOrder: string[];
  seats: Record<string, Seat>;
  /** Events in the order they were fired. */
  events: FiredEvent[];
  polls: Record<string, PollState>;
  /** The poll on every screen right now. */
  activePoll: string | null;
  insights: Insight[];
  /** The tables the big screen shows when it follows the facilitator: one, two side by side, or a grid of up to six. */
  screenTables: string[];
  createdAt: number;
}
