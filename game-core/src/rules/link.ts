import type { ActionPayloads } from '../protocol/index';
import { actingTable, actorLabel, fail, ok, visibleCard, withTable, type RuleContext, type RuleResult } from './context';

/** Most lines one table may draw; enough for a dense web, few enough to stay readable. */
export const MAX_LINKS = 80;

/** "Wie werkt met wie samen": draws a line between two cards on the wheel. */
export function linkAdd(ctx: RuleContext, p: ActionPayloads['link:add']): RuleResult {
  const acting = actingTable(ctx, p.tableId);
  if ('error' in acting) return acting.error;
  const { table } = acting;
  if (p.from === p.to) return fail('BAD_REQUEST', 'a card cannot be connected to itself');
  if (!visibleCard(ctx, table, p.from) || !visibleCard(ctx, table, p.to)) return fail('NOT_FOUND', 'both cards must be on the board');
  const exists = table.links.some((l) => (l.from === p.from && l.to === p.to) || (l.from === p.to && l.to === p.from));
  if (exists) return fail('CONFLICT', 'these cards are already connected');
  if (table.links.length >= MAX_LINKS) return fail('LIMIT_REACHED', `at most ${MAX_LINKS} connections per table`);
  return ok(withTable(ctx.state, { ...table, links: [...table.links, { id: `l${ctx.version}`, from: p.from, to: p.to, by: actorLabel(ctx.actor) }] }));
}

/** Takes a connection off the wheel again. */
export function linkRemove(ctx: RuleContext, p: ActionPayloads['link:remove']): RuleResult {
  const acting = actingTable(ctx, p.tableId);
  if ('error' in acting) return acting.error;
  const { table } = acting;
  if (!table.links.some((l) => l.id === p.linkId)) return fail('NOT_FOUND', `connection ${p.linkId} does not exist`);
  return ok(withTable(ctx.state, { ...table, links: table.links.filter((l) => l.id !== p.linkId) }));
}
