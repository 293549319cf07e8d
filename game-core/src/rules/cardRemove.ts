import type { ActionPayloads } from '../protocol/index';
import { actingTable, fail, ok, withTable, type RuleContext, type RuleResult } from './context';

/** Takes a card off the wheel; a scenario card goes back to the deck, a blank card is gone. */
export function cardRemove(ctx: RuleContext, p: ActionPayloads['card:remove']): RuleResult {
  const acting = actingTable(ctx, p.tableId);
  if ('error' in acting) return acting.error;
  const { table } = acting;
  const card = table.cards[p.cardId];
  if (!card) return fail('NOT_FOUND', `card ${p.cardId} is not on the board`);
  const cards = { ...table.cards };
  delete cards[card.id];
  const deck = card.defId !== null && !table.deck.includes(card.defId) ? [...table.deck, card.defId] : table.deck;
  return ok(withTable(ctx.state, { ...table, cards, deck }));
}
