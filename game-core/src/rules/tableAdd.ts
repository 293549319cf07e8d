import type { ActionPayloads } from '../protocol/index';
import { createTable } from '../state/initial';
import { fail, hostOnly, ok, type RuleContext, type RuleResult } from './context';

/** Most tables one session runs; a big room of 60 people is about a dozen groups. */
export const MAX_TABLES = 12;

/** The facilitator opens another table (group) on the same scenario. */
export function tableAdd(ctx: RuleContext, p: ActionPayloads['table:add']): RuleResult {
  const refused = hostOnly(ctx, 'adds tables');
  if (refused) return refused;
  if (ctx.state.tableOrder.length >= MAX_TABLES) return fail('LIMIT_REACHED', `at most ${MAX_TABLES} tables`);
  const id = `t${ctx.state.tableOrder.length + 1}`;
  const table = createTable(ctx.state.scenario, id, p.name.trim());
  return ok({ ...ctx.state, tables: { ...ctx.state.tables, [id]: table }, tableOrder: [...ctx.state.tableOrder, id] });
}
