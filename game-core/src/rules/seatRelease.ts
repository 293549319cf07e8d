import type { ActionPayloads } from '../protocol/index';
import { own } from '../state/ids';
import { fail, hostOnly, ok, type RuleContext, type RuleResult } from './context';

/** The facilitator frees a seat, so its role can be chosen again (someone left, or swapped). */
export function seatRelease(ctx: RuleContext, p: ActionPayloads['seat:release']): RuleResult {
  const refused = hostOnly(ctx, 'frees seats');
  if (refused) return refused;
  if (!own(ctx.state.seats, p.seatId)) return fail('NOT_FOUND', `seat ${p.seatId} does not exist`);
  const seats = { ...ctx.state.seats };
  delete seats[p.seatId];
  return ok({ ...ctx.state, seats });
}
