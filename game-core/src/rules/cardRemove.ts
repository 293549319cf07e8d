import type { ActionPayloads } from '../protocol/index';
import { actingTable, fail, ok, visibleCard, withTable, type RuleContext, type RuleResult } from './context';

/** Takes a card off the wheel; a scenario card goes back to the deck, a blank card is gone. */
export function cardRemove(ctx: RuleContext, p: ActionPayloads['card:remove']): RuleResult {
  const acting = actingTable(ctx, p.tableId);
  if ('error' in acting) return acting.error;
  const { table } = acting;
  const card = visibleCard(ctx, table, p.cardId);
  if (!card) return fail('NOT_FOUND', `card ${p.cardId} is not on the board`);
  const cards = { ...table.cards };
  delete cards[card.id];
  const deck = card.defId !== null && !table.deck.includes(card.defId) ? [...table.deck, card.defId] : table.deck;
  const links = table.links.filter((l) => l.from !== card.id && l.to !== card.id);
  return ok(withTable(ctx.state, { ...table, cards, deck, links: links.length === table.links.length ? table.links : links }));
}
