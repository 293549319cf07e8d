import type { ActionPayloads } from '../protocol/index';
import { own } from '../state/ids';
import type { TableState } from '../state/types';
import { fail, hostOnly, ok, type RuleContext, type RuleResult } from './context';
import { applyEventToTable } from './eventEffects';
import { unstageAll } from './stepSet';

/** The facilitator lets an event from the scenario happen, at every table or at some. */
export function eventFire(ctx: RuleContext, p: ActionPayloads['event:fire']): RuleResult {
  const refused = hostOnly(ctx, 'fires events');
  if (refused) return refused;
  const event = ctx.state.scenario.events.find((e) => e.id === p.eventId);
  if (!event) return fail('NOT_FOUND', `event ${p.eventId} is not in this scenario`);
  const tableIds = p.tableIds ?? ctx.state.tableOrder;
  for (const id of tableIds) if (!own(ctx.state.tables, id)) return fail('NOT_FOUND', `table ${id} does not exist`);
  const already = ctx.state.events.some((e) => e.eventId === event.id && e.tableIds.some((t) => tableIds.includes(t)));
  if (already) return fail('CONFLICT', `event ${event.id} already happened at one of these tables`);

  const tables: Record<string, TableState> = { ...ctx.state.tables };
  for (const id of tableIds) {
    // An event changes the situation as a whole, so any starting card still waiting is shown first.
    const table = tables[id]!;
    tables[id] = applyEventToTable(ctx.state.scenario, { ...table, cards: unstageAll(table.cards) }, event, ctx.version).table;
  }
  return ok({
    ...ctx.state,
    tables,
    events: [...ctx.state.events, { eventId: event.id, tableIds: [...tableIds], version: ctx.version, at: ctx.now }],
  });
}
