import type { ActionPayloads } from '../protocol/index';
import type { ScenarioRole } from '../scenario/schema';
import { STEPS, type SessionState } from '../state/types';
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
  // Play needs the roles the scenario cannot do without; the facilitator may still start
  // without them (a player missing on the day), but only by saying so.
  if (playing && !p.force) {
    for (const id of ids) {
      const table = ctx.state.tables[id]!;
      if (STEPS.indexOf(table.step) >= STEPS.indexOf('spelen')) continue;
      const free = freeRequiredRoles(ctx.state, id);
      if (free.length > 0)
        return fail('CONFLICT', `required roles are free at ${table.name}: ${free.map((r) => r.id).join(', ')}; seat them, or send force: true to start anyway`);
    }
  }
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

/** The roles marked `required` that nobody plays at a table yet. */
export function freeRequiredRoles(state: SessionState, tableId: string): ScenarioRole[] {
  const taken = new Set(Object.values(state.seats).filter((s) => s.tableId === tableId).map((s) => s.roleId));
  return state.scenario.roles.filter((r) => r.required && !taken.has(r.id));
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
