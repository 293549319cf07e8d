import { locate } from '../board/geometry';
import type { ActionPayloads } from '../protocol/index';
import { actingTable, fail, ok, visibleCard, withTable, type RuleContext, type RuleResult } from './context';

/** Moves a card to another spot; where it lands decides its support type and life domain. */
export function cardMove(ctx: RuleContext, p: ActionPayloads['card:move']): RuleResult {
  const acting = actingTable(ctx, p.tableId);
  if ('error' in acting) return acting.error;
  const { table } = acting;
  const card = visibleCard(ctx, table, p.cardId);
  if (!card) return fail('NOT_FOUND', `card ${p.cardId} is not on the board`);
  if (card.rev !== p.rev) return fail('CONFLICT', 'someone else moved this card first');
  if (locate(p, ctx.state.scenario.board.sectors.length).kind !== 'ring')
    return fail('OUT_OF_BOUNDS', 'a card must lie in one of the four rings');
  return ok(withTable(ctx.state, { ...table, cards: { ...table.cards, [card.id]: { ...card, x: p.x, y: p.y, rev: card.rev + 1 } } }));
}
