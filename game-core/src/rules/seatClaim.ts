import type { ActionPayloads } from '../protocol/index';
import { own } from '../state/ids';
import { fail, ok, type RuleContext, type RuleResult } from './context';

/** A guest takes a free role at a table and becomes a seat. */
export function seatClaim(ctx: RuleContext, p: ActionPayloads['seat:claim']): RuleResult {
  const { state, actor } = ctx;
  if (actor.kind === 'seat') return fail('ALREADY_SEATED', 'this connection already has a seat');
  if (actor.kind !== 'guest' && actor.kind !== 'system') return fail('FORBIDDEN', 'only players claim seats');
  if (!own(state.tables, p.tableId)) return fail('NOT_FOUND', `table ${p.tableId} does not exist`);
  if (!state.scenario.roles.some((r) => r.id === p.roleId)) return fail('NOT_FOUND', `role ${p.roleId} does not exist`);
  const taken = Object.values(state.seats).some((s) => s.tableId === p.tableId && s.roleId === p.roleId);
  if (taken) return fail('ROLE_TAKEN', `role ${p.roleId} is already taken at this table`);
  const id = `s${ctx.version}`;
  return ok({
    ...state,
    seats: { ...state.seats, [id]: { id, tableId: p.tableId, roleId: p.roleId, name: p.name.trim(), joinedAt: ctx.now } },
  });
}
