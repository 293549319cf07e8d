import { isOnMat } from '../board/geometry';
import type { ActionPayloads } from '../protocol/index';
import { own } from '../state/ids';
import { actingTable, fail, ok, withTable, type RuleContext, type RuleResult } from './context';

/** A player puts their role token somewhere on the mat (the facilitator may move any token). */
export function tokenMove(ctx: RuleContext, p: ActionPayloads['token:move']): RuleResult {
  const acting = actingTable(ctx, p.tableId);
  if ('error' in acting) return acting.error;
  const { table } = acting;
  const token = own(table.tokens, p.roleId);
  if (!token) return fail('NOT_FOUND', `role ${p.roleId} has no token`);
  if (ctx.actor.kind === 'seat' && own(ctx.state.seats, ctx.actor.seatId)?.roleId !== p.roleId)
    return fail('FORBIDDEN', 'you can only move your own token');
  if (token.rev !== p.rev) return fail('CONFLICT', 'someone else moved this token first');
  if (!isOnMat(p)) return fail('OUT_OF_BOUNDS', 'a token must stay on the mat');
  return ok(withTable(ctx.state, { ...table, tokens: { ...table.tokens, [p.roleId]: { ...token, x: p.x, y: p.y, rev: token.rev + 1 } } }));
}
