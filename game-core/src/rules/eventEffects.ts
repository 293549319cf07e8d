import { moveToRing, radiusOf, ringAt, SUPPORT_TYPES } from '../board/geometry';
import { ROLE_TEXT_FIELDS } from '../scenario/roleFields';
import type { Scenario, ScenarioEvent, ScenarioRole } from '../scenario/schema';
import { freeSpotInCell } from '../state/initial';
import { own } from '../state/ids';
import type { CardOnBoard, RoleChange, TableState } from '../state/types';

/** What an event did at one table, for screens to highlight and the preview to list. */
export type EffectOutcome =
  | {
      kind: 'end' | 'move' | 'add' | 'pause' | 'resume';
      cardId: string;
      /** False when the card was not there to change (a player had removed it, or it was not paused). */
      applied: boolean;
    }
  | { kind: 'role'; roleId: string; applied: boolean };

/** A role as it reads at a table now: the scenario's text with every change an event made since. */
export function roleAtTable(scenario: Scenario, table: Pick<TableState, 'roleChanges'>, roleId: string): ScenarioRole | undefined {
  const role = scenario.roles.find((r) => r.id === roleId);
  if (!role) return undefined;
  let current: ScenarioRole = role;
  for (const change of table.roleChanges) if (change.roleId === roleId) current = { ...current, ...change.after };
  return current;
}

/**
 * Applies an event's effects to one table. Pure: the same table, event and version always
 * give the same result, so the trainer's preview shows exactly what a workshop will.
 */
export function applyEventToTable(
  scenario: Scenario,
  table: TableState,
  event: ScenarioEvent,
  version: number,
): { table: TableState; outcomes: EffectOutcome[] } {
  const sectorIds = scenario.board.sectors.map((s) => s.id);
  const cards: Record<string, CardOnBoard> = { ...table.cards };
  let deck = [...table.deck];
  const ended = [...table.ended];
  const roleChanges = [...table.roleChanges];
  const outcomes: EffectOutcome[] = [];
  const laid: { id: string; ring: number; sector: number }[] = [];

  for (const effect of event.effects) {
    if (effect.kind === 'end') {
      const card = own(cards, effect.card);
      const inDeck = deck.includes(effect.card);
      if (card) {
        delete cards[effect.card];
        ended.push({ card, eventId: event.id, reason: effect.reason ?? null, version });
      }
      // An ended card is no longer support anyone can offer, so it leaves the deck too.
      if (inDeck) deck = deck.filter((id) => id !== effect.card);
      outcomes.push({ kind: 'end', cardId: effect.card, applied: Boolean(card) || inDeck });
    } else if (effect.kind === 'pause' || effect.kind === 'resume') {
      const card = own(cards, effect.card);
      const pausing = effect.kind === 'pause';
      if (!card || (card.paused !== null) === pausing) {
        outcomes.push({ kind: effect.kind, cardId: effect.card, applied: false });
        continue;
      }
      cards[card.id] = { ...card, paused: pausing ? { eventId: event.id, reason: effect.reason ?? null, version } : null };
      outcomes.push({ kind: effect.kind, cardId: effect.card, applied: true });
    } else if (effect.kind === 'role') {
      const current = roleAtTable(scenario, { roleChanges }, effect.role);
      const change: RoleChange = { roleId: effect.role, eventId: event.id, reason: effect.reason ?? null, version, before: {}, after: {} };
      for (const field of ROLE_TEXT_FIELDS) {
        const next = effect[field];
        if (next === undefined || !current || current[field] === next) continue;
        change.before[field] = current[field] ?? null;
        change.after[field] = next;
      }
      const applied = Object.keys(change.after).length > 0;
      if (applied) roleChanges.push(change);
      outcomes.push({ kind: 'role', roleId: effect.role, applied });
    } else if (effect.kind === 'move') {
      const card = own(cards, effect.card);
      if (!card) {
        outcomes.push({ kind: 'move', cardId: effect.card, applied: false });
        continue;
      }
      const ring = effect.supportType ? SUPPORT_TYPES.indexOf(effect.supportType) : (ringAt(radiusOf(card)) ?? 3);
      const sector = effect.sector ? sectorIds.indexOf(effect.sector) : undefined;
      const point = moveToRing(card, ring, sectorIds.length, sector);
      cards[card.id] = { ...card, ...point, rev: card.rev + 1 };
      outcomes.push({ kind: 'move', cardId: effect.card, applied: true });
    } else {
      const def = effect.card;
      if (own(cards, def.id) || deck.includes(def.id)) {
        outcomes.push({ kind: 'add', cardId: def.id, applied: false });
        continue;
      }
      if (effect.to === 'deck') {
        deck.push(def.id);
      } else {
        // The free part of its cell, around the cards players laid and the ones this event added before it.
        const ring = SUPPORT_TYPES.indexOf(def.supportType);
        const sector = Math.max(0, sectorIds.indexOf(def.sector));
        const point = freeSpotInCell(scenario, ring, sector, def.label, Object.values(cards));
        laid.push({ id: def.id, ring, sector });
        cards[def.id] = {
          id: def.id,
          defId: def.id,
          label: def.label,
          law: def.law ?? null,
          roleId: def.role ?? null,
          ...point,
          rev: 0,
          placedBy: `event:${event.id}`,
          note: '',
          staged: false,
          hidden: false,
          paused: null,
        };
      }
      outcomes.push({ kind: 'add', cardId: def.id, applied: true });
    }
  }
  // The cards this event laid are its own to arrange: a few rounds let the first of them make
  // room for later ones in a crowded cell, without touching a card anybody else placed.
  for (let round = 0; round < 3 && laid.length > 1; round++) {
    for (const { id, ring, sector } of laid) {
      const card = own(cards, id);
      if (!card) continue;
      const others = Object.values(cards).filter((c) => c.id !== id);
      cards[id] = { ...card, ...freeSpotInCell(scenario, ring, sector, card.label, others) };
    }
  }
  // A line to a card that stopped has nothing left to connect.
  const links = table.links.filter((l) => own(cards, l.from) && own(cards, l.to));
  return {
    table: {
      ...table,
      cards,
      deck,
      ended,
      links: links.length === table.links.length ? table.links : links,
      roleChanges: roleChanges.length === table.roleChanges.length ? table.roleChanges : roleChanges,
      personaAge: event.age ?? table.personaAge,
    },
    outcomes,
  };
}
