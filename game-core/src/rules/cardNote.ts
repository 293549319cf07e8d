import type { ActionPayloads } from '../protocol/index';
import { actingTable, fail, ok, visibleCard, withTable, type RuleContext, type RuleResult } from './context';

/** Writes a short note on a card ("alleen op dinsdag"); an empty note takes it off again. */
export function cardNote(ctx: RuleContext, p: ActionPayloads['card:note']): RuleResult {
  const acting = actingTable(ctx, p.tableId);
  if ('error' in acting) return acting.error;
  const { table } = acting;
  const card = visibleCard(ctx, table, p.cardId);
  if (!card) return fail('NOT_FOUND', `card ${p.cardId} is not on the board`);
  const note = p.note.trim();
  if (card.note === note) return fail('CONFLICT', 'the card already has this note');
  return ok(withTable(ctx.state, { ...table, cards: { ...table.cards, [card.id]: { ...card, note } } }));
}
