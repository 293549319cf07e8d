import { ERASED_TEXT, type ActionPayloads } from '../protocol/index';
import type { CardOnBoard } from '../state/types';
import { fail, hostOnly, ok, withTable, type RuleContext, type RuleResult } from './context';

/**
 * The facilitator erases a player's words from a card (a real client's name on a blank card,
 * in a note): the label of a blank card and the note go; a scenario card keeps its own label.
 * The card keeps its place on the wheel. Never refused for having nothing left to erase, so a
 * log whose earlier words were already rewritten (see `erasures`) replays the same.
 */
export function cardRedact(ctx: RuleContext, p: ActionPayloads['card:redact']): RuleResult {
  const refused = hostOnly(ctx, 'erases what is written on cards');
  if (refused) return refused;
  const table = Object.hasOwn(ctx.state.tables, p.tableId) ? ctx.state.tables[p.tableId] : undefined;
  if (!table) return fail('NOT_FOUND', `table ${p.tableId} does not exist`);
  const erase = (card: CardOnBoard): CardOnBoard => ({ ...card, label: card.defId === null ? ERASED_TEXT : card.label, note: '' });
  if (Object.hasOwn(table.cards, p.cardId)) {
    return ok(withTable(ctx.state, { ...table, cards: { ...table.cards, [p.cardId]: erase(table.cards[p.cardId]!) } }));
  }
  // A card an event ended still shows on the screens' "stopped" list and in the report.
  if (!table.ended.some((e) => e.card.id === p.cardId)) return fail('NOT_FOUND', `card ${p.cardId} is not on this table`);
  return ok(withTable(ctx.state, { ...table, ended: table.ended.map((e) => (e.card.id === p.cardId ? { ...e, card: erase(e.card) } : e)) }));
}
