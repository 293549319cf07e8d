import { locate } from '../board/geometry';
import type { ActionPayloads } from '../protocol/index';
import { own } from '../state/ids';
import type { CardOnBoard } from '../state/types';
import { actingTable, actorLabel, fail, ok, withTable, type RuleContext, type RuleResult } from './context';

/**
 * Blank cards one table may hold. A full wheel holds about forty cards in all, so sixty leaves
 * room for a lively group and keeps the board (and every join's snapshot) small.
 */
export const MAX_BLANK_CARDS = 60;

/** Puts a card from the deck, or a blank card with the player's own words, on the wheel. */
export function cardPlace(ctx: RuleContext, p: ActionPayloads['card:place']): RuleResult {
  const acting = actingTable(ctx, p.tableId);
  if ('error' in acting) return acting.error;
  const { table } = acting;
  if (locate(p, ctx.state.scenario.board.sectors.length).kind !== 'ring')
    return fail('OUT_OF_BOUNDS', 'a card must lie in one of the four rings');

  // Placed by the actor where they tapped; in private mode a player's card is theirs until revealed.
  const place = (card: Pick<CardOnBoard, 'id' | 'defId' | 'label' | 'law' | 'roleId'>, deck = table.deck): RuleResult =>
    ok(
      withTable(ctx.state, {
        ...table,
        deck,
        cards: {
          ...table.cards,
          [card.id]: {
            ...card,
            x: p.x,
            y: p.y,
            rev: 0,
            placedBy: actorLabel(ctx.actor),
            note: '',
            staged: false,
            hidden: table.private && ctx.actor.kind === 'seat',
            paused: null,
          },
        },
      }),
    );

  if (p.defId !== undefined) {
    const def = ctx.state.scenario.cards.find((c) => c.id === p.defId) ?? findAddedCard(ctx, p.defId);
    if (!def || !table.deck.includes(p.defId)) return fail('NOT_FOUND', `card ${p.defId} is not in the deck`);
    return place(
      { id: def.id, defId: def.id, label: def.label, law: def.law ?? null, roleId: def.role ?? null },
      table.deck.filter((id) => id !== p.defId),
    );
  }

  const label = (p.label ?? '').trim();
  if (!label) return fail('BAD_REQUEST', 'a blank card needs a label');
  const blanks = Object.values(table.cards).filter((c) => c.defId === null).length;
  if (blanks >= MAX_BLANK_CARDS) return fail('LIMIT_REACHED', `at most ${MAX_BLANK_CARDS} blank cards per table`);
  const roleId = ctx.actor.kind === 'seat' ? (own(ctx.state.seats, ctx.actor.seatId)?.roleId ?? null) : null;
  return place({ id: `blank-${ctx.version}`, defId: null, label, law: null, roleId });
}

/** Cards an event brought in are defined in the event, not in the scenario's card list. */
export function findAddedCard(ctx: RuleContext, id: string) {
  for (const e of ctx.state.scenario.events) {
    for (const f of e.effects) if (f.kind === 'add' && f.card.id === id) return f.card;
  }
  return undefined;
}
