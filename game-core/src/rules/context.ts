import type { ErrorCode } from '../protocol/index';
import { own } from '../state/ids';
import type { Actor, CardOnBoard, SessionState, TableState } from '../state/types';

/** Everything a rule may know besides its payload. Time and ids come in, so rules stay pure. */
export interface RuleContext {
  state: SessionState;
  actor: Actor;
  /** The time the server accepted the action (ms since epoch). */
  now: number;
  /** The version this action will get; new ids derive from it so every replica agrees. */
  version: number;
}

export type RuleResult = { ok: true; state: SessionState } | { ok: false; code: ErrorCode; message: string };

export function fail(code: ErrorCode, message: string): RuleResult & { ok: false } {
  return { ok: false, code, message };
}

export function ok(state: SessionState): RuleResult {
  return { ok: true, state };
}

export function withTable(state: SessionState, table: TableState): SessionState {
  return { ...state, tables: { ...state.tables, [table.id]: table } };
}

/** The table a player or host acts on, checking the actor may act there. */
export function actingTable(ctx: RuleContext, tableId: string): { table: TableState } | { error: RuleResult & { ok: false } } {
  const table = own(ctx.state.tables, tableId);
  if (!table) return { error: fail('NOT_FOUND', `table ${tableId} does not exist`) };
  if (ctx.actor.kind === 'host' || ctx.actor.kind === 'system') return { table };
  if (ctx.actor.kind !== 'seat') return { error: fail('NOT_SEATED', 'choose a role before playing') };
  if (table.locked) return { error: fail('LOCKED', 'the facilitator has paused the board') };
  const seat = own(ctx.state.seats, ctx.actor.seatId);
  if (!seat) return { error: fail('NOT_SEATED', 'this seat no longer exists') };
  if (seat.tableId !== tableId) return { error: fail('FORBIDDEN', 'you play at another table') };
  return { table };
}

export function actorLabel(actor: Actor): string {
  return actor.kind === 'seat' ? actor.seatId : actor.kind;
}

/** Refuses anyone but the facilitator, saying what only the facilitator may do. */
export function hostOnly(ctx: RuleContext, what: string): (RuleResult & { ok: false }) | null {
  return ctx.actor.kind === 'host' || ctx.actor.kind === 'system' ? null : fail('FORBIDDEN', `only the facilitator ${what}`);
}

/** The tables a facilitator control applies to: the ones named, or every table. */
export function targetTables(ctx: RuleContext, tableIds: readonly string[] | undefined): { ids: string[] } | { error: RuleResult & { ok: false } } {
  const ids = tableIds ? [...new Set(tableIds)] : ctx.state.tableOrder;
  for (const id of ids) if (!own(ctx.state.tables, id)) return { error: fail('NOT_FOUND', `table ${id} does not exist`) };
  return { ids };
}

/** Applies `change` to each named table; the state is returned unchanged where nothing changed. */
export function updateTables(state: SessionState, ids: readonly string[], change: (table: TableState) => TableState): SessionState {
  const tables = { ...state.tables };
  for (const id of ids) tables[id] = change(tables[id]!);
  return { ...state, tables };
}

/**
 * A card as the actor may see it: staged start cards are not on the board yet, and a card
 * placed in private mode belongs to its placer and the facilitator until it is revealed.
 */
export function visibleCard(ctx: RuleContext, table: TableState, cardId: string): CardOnBoard | undefined {
  const card = own(table.cards, cardId);
  if (!card || ctx.actor.kind === 'host' || ctx.actor.kind === 'system') return card;
  if (card.staged) return undefined;
  if (card.hidden && card.placedBy !== actorLabel(ctx.actor)) return undefined;
  return card;
}
