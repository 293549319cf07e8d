import type { ActionPayloads } from '../protocol/index';
import { own } from '../state/ids';
import { fail, hostOnly, ok, type RuleContext, type RuleResult } from './context';

/** The facilitator gives a player another role or table; the player keeps their device and seat. */
export function seatReassign(ctx: RuleContext, p: ActionPayloads['seat:reassign']): RuleResult {
  const refused = hostOnly(ctx, 'reassigns seats');
  if (refused) return refused;
  const { state } = ctx;
  const seat = own(state.seats, p.seatId);
  if (!seat) return fail('NOT_FOUND', `seat ${p.seatId} does not exist`);
  if (!own(state.tables, p.tableId)) return fail('NOT_FOUND', `table ${p.tableId} does not exist`);
  if (!state.scenario.roles.some((r) => r.id === p.roleId)) return fail('NOT_FOUND', `role ${p.roleId} does not exist`);
  if (seat.tableId === p.tableId && seat.roleId === p.roleId) return fail('CONFLICT', 'the seat already has this role');
  const taken = Object.values(state.seats).some((s) => s.id !== seat.id && s.tableId === p.tableId && s.roleId === p.roleId);
  if (taken) return fail('ROLE_TAKEN', `role ${p.roleId} is already taken at this table`);
  return ok({ ...state, seats: { ...state.seats, [seat.id]: { ...seat, tableId: p.tableId, roleId: p.roleId } } });
}
