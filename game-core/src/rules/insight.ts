import type { ActionPayloads } from '../protocol/index';
import { own } from '../state/ids';
import type { Insight, SessionState } from '../state/types';
import { fail, hostOnly, ok, targetTables, type RuleContext, type RuleResult } from './context';

/** Post-its one player may write; a placemat round asks for one, a long session for a few. */
export const MAX_INSIGHTS_PER_SEAT = 10;

/** A player writes an insight (a post-it). It is the facilitator who puts it on the big screen. */
export function insightAdd(ctx: RuleContext, p: ActionPayloads['insight:add']): RuleResult {
  if (ctx.actor.kind !== 'seat') return fail('NOT_SEATED', 'choose a role before writing');
  const seat = own(ctx.state.seats, ctx.actor.seatId);
  if (!seat) return fail('NOT_SEATED', 'this seat no longer exists');
  const text = p.text.trim();
  if (!text) return fail('BAD_REQUEST', 'an insight needs some words');
  const mine = ctx.state.insights.filter((i) => i.seatId === seat.id).length;
  if (mine >= MAX_INSIGHTS_PER_SEAT) return fail('LIMIT_REACHED', `at most ${MAX_INSIGHTS_PER_SEAT} insights per player`);
  const table = own(ctx.state.tables, seat.tableId);
  const insight: Insight = {
    id: `i${ctx.version}`,
    seatId: seat.id,
    tableId: seat.tableId,
    text,
    prompt: table?.prompt ?? null,
    hidden: false,
    revealed: false,
    at: ctx.now,
  };
  return ok({ ...ctx.state, insights: [...ctx.state.insights, insight] });
}

function findInsight(state: SessionState, id: string): Insight | undefined {
  return state.insights.find((i) => i.id === id);
}

/** The facilitator hides an insight (or shows it again), or reveals it on the big screen. */
export function insightSet(ctx: RuleContext, p: ActionPayloads['insight:set']): RuleResult {
  const refused = hostOnly(ctx, 'moderates insights');
  if (refused) return refused;
  const insight = findInsight(ctx.state, p.insightId);
  if (!insight) return fail('NOT_FOUND', `insight ${p.insightId} does not exist`);
  const hidden = p.hidden ?? insight.hidden;
  // A hidden insight is never on the big screen.
  const revealed = hidden ? false : (p.revealed ?? insight.revealed);
  if (hidden === insight.hidden && revealed === insight.revealed) return fail('CONFLICT', 'nothing changes');
  return ok({ ...ctx.state, insights: ctx.state.insights.map((i) => (i.id === insight.id ? { ...i, hidden, revealed } : i)) });
}

/** The facilitator removes an insight for good (a real client name, something hurtful). */
export function insightRemove(ctx: RuleContext, p: ActionPayloads['insight:remove']): RuleResult {
  const refused = hostOnly(ctx, 'removes insights');
  if (refused) return refused;
  if (!findInsight(ctx.state, p.insightId)) return fail('NOT_FOUND', `insight ${p.insightId} does not exist`);
  return ok({ ...ctx.state, insights: ctx.state.insights.filter((i) => i.id !== p.insightId) });
}

/** Reveals every insight that is not hidden, at the named tables or everywhere. */
export function insightsReveal(ctx: RuleContext, p: ActionPayloads['insights:reveal']): RuleResult {
  const refused = hostOnly(ctx, 'reveals insights');
  if (refused) return refused;
  const target = targetTables(ctx, p.tableIds);
  if ('error' in target) return target.error;
  const ids = new Set(target.ids);
  const reveal = (i: Insight) => ids.has(i.tableId) && !i.hidden && !i.revealed;
  if (!ctx.state.insights.some(reveal)) return fail('CONFLICT', 'there is nothing new to reveal');
  return ok({ ...ctx.state, insights: ctx.state.insights.map((i) => (reveal(i) ? { ...i, revealed: true } : i)) });
}
