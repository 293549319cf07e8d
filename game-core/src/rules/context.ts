import type { ErrorCode } from '../protocol/index';
import type { Actor, SessionState, TableState } from '../state/types';

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
  const table = ctx.state.tables[tableId];
  if (!table) return { error: fail('NOT_FOUND', `table ${tableId} does not exist`) };
  if (ctx.actor.kind === 'host' || ctx.actor.kind === 'system') return { table };
  if (ctx.actor.kind !== 'seat') return { error: fail('NOT_SEATED', 'choose a role before playing') };
  if (ctx.state.locked) return { error: fail('LOCKED', 'the facilitator has paused the board') };
  const seat = ctx.state.seats[ctx.actor.seatId];
  if (!seat) return { error: fail('NOT_SEATED', 'this seat no longer exists') };
  if (seat.tableId !== tableId) return { error: fail('FORBIDDEN', 'you play at another table') };
  return { table };
}

export function actorLabel(actor: Actor): string {
  return actor.kind === 'seat' ? actor.seatId : actor.kind;
}
