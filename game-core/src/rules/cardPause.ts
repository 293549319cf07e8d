import type { ActionPayloads } from '../protocol/index';
import { own } from '../state/ids';
import { fail, hostOnly, ok, withTable, type RuleContext, type RuleResult } from './context';

/**
 * The facilitator pauses a card on the wheel or brings a paused one back, for when the
 * group's story runs ahead of (or behind) the scenario's events.
 */
export function cardPause(ctx: RuleContext, p: ActionPayloads['card:pause']): RuleResult {
  const refused = hostOnly(ctx, 'pauses and resumes cards');
  if (refused) return refused;
  const table = own(ctx.state.tables, p.tableId);
  if (!table) return fail('NOT_FOUND', `table ${p.tableId} does not exist`);
  const card = own(table.cards, p.cardId);
  if (!card || card.staged) return fail('NOT_FOUND', `card ${p.cardId} is not on the board`);
  if ((card.paused !== null) === p.paused) return fail('CONFLICT', p.paused ? 'the card is already paused' : 'the card is not paused');
  const paused = p.paused ? { eventId: null, reason: null, version: ctx.version } : null;
  return ok(withTable(ctx.state, { ...table, cards: { ...table.cards, [card.id]: { ...card, paused } } }));
}
