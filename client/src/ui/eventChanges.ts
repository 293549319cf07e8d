import type { ScenarioEvent, SessionState, SupportType } from '@samenspel/game-core';

/** One card an event changed at a table, with the scenario's reason for it. */
export interface CardChange {
  id: string;
  label: string;
  reason: string | null;
}

export interface EventChanges {
  /** Cards that left this table's board (or deck) because of the event. */
  ended: CardChange[];
  /** New cards: straight onto the wheel (`board`) or onto the deck for players to place. */
  added: (CardChange & { to: 'board' | 'deck' })[];
  /** Cards on this table's wheel that the event moved to another ring. */
  moved: (CardChange & { supportType: SupportType | null })[];
  /** Cards on this table's wheel that stay there but do nothing for now ("staat stil"). */
  paused: CardChange[];
  /** Paused cards on this table's wheel that work again. */
  resumed: CardChange[];
}

/**
 * What an event changed at one table, read from the table as it is now and the event's effects:
 * the cards that stopped come from the table's own record (so a card a player had already
 * removed is not listed); arrivals, moves, pauses and resumptions only where the card is at
 * this table.
 */
export function eventChanges(game: SessionState, tableId: string, event: ScenarioEvent): EventChanges {
  const table = game.tables[tableId];
  const changes: EventChanges = { ended: [], added: [], moved: [], paused: [], resumed: [] };
  if (!table || !game.events.some((f) => f.eventId === event.id && f.tableIds.includes(tableId))) return changes;
  for (const e of table.ended) if (e.eventId === event.id) changes.ended.push({ id: e.card.id, label: e.card.label, reason: e.reason });
  for (const effect of event.effects) {
    if (effect.kind === 'add') {
      const here = table.cards[effect.card.id] ?? null;
      if (!here && !table.deck.includes(effect.card.id)) continue;
      if (here?.staged) continue;
      changes.added.push({ id: effect.card.id, label: effect.card.label, reason: effect.reason ?? null, to: effect.to });
    } else if (effect.kind === 'move') {
      const card = table.cards[effect.card];
      if (!card || card.staged) continue;
      changes.moved.push({ id: card.id, label: card.label, reason: effect.reason ?? null, supportType: effect.supportType ?? null });
    } else if (effect.kind === 'pause' || effect.kind === 'resume') {
      const card = table.cards[effect.card];
      if (!card || card.staged) continue;
      changes[effect.kind === 'pause' ? 'paused' : 'resumed'].push({ id: card.id, label: card.label, reason: effect.reason ?? null });
    }
  }
  return changes;
}

export function hasChanges(c: EventChanges): boolean {
  return c.ended.length + c.added.length + c.moved.length + c.paused.length + c.resumed.length > 0;
}
