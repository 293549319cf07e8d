import type { ActionPayloads } from '../protocol/index';
import { STEPS } from '../state/types';
import { fail, hostOnly, ok, targetTables, updateTables, type RuleContext, type RuleResult } from './context';

/**
 * The facilitator moves tables to one of the four steps (back or forward). From step 3 on the
 * situation is played with, so any starting card still waiting comes onto the board.
 */
export function stepSet(ctx: RuleContext, p: ActionPayloads['step:set']): RuleResult {
  const refused = hostOnly(ctx, 'changes the step');
  if (refused) return refused;
  const target = targetTables(ctx, p.tableIds);
  if ('error' in target) return target.error;
  const ids = target.ids.filter((id) => ctx.state.tables[id]!.step !== p.step);
  if (ids.length === 0) return fail('CONFLICT', `already at ${p.step}`);
  const playing = STEPS.indexOf(p.step) >= STEPS.indexOf('spelen');
  return ok(
    updateTables(ctx.state, ids, (table) => ({
      ...table,
      step: p.step,
      // A question belongs to the step it was asked in.
      prompt: null,
      cards: playing ? unstageAll(table.cards) : table.cards,
    })),
  );
}

/** "Bring everyone here": tablets that wandered off (role card, persona) return to the step. */
export function stepSummon(ctx: RuleContext, p: ActionPayloads['step:summon']): RuleResult {
  const refused = hostOnly(ctx, 'calls everyone back');
  if (refused) return refused;
  const target = targetTables(ctx, p.tableIds);
  if ('error' in target) return target.error;
  return ok(updateTables(ctx.state, target.ids, (table) => ({ ...table, summons: table.summons + 1 })));
}

export function unstageAll<C extends { staged: boolean }>(cards: Record<string, C>): Record<string, C> {
  if (!Object.values(cards).some((c) => c.staged)) return cards;
  const out: Record<string, C> = {};
  for (const [id, card] of Object.entries(cards)) out[id] = card.staged ? { ...card, staged: false } : card;
  return out;
}
