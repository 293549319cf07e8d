import type { CardOnBoard, Scenario } from '@samenspel/game-core';

/** A card definition by id: from the scenario's cards, or brought in by one of its events. */
export function cardDef(scenario: Scenario, id: string) {
  const card = scenario.cards.find((c) => c.id === id);
  if (card) return card;
  for (const event of scenario.events) {
    for (const effect of event.effects) if (effect.kind === 'add' && effect.card.id === id) return effect.card;
  }
  return undefined;
}

/** The words a card shows on the wheel: the scenario's short label, else its full label. */
export function wheelLabel(scenario: Scenario, card: Pick<CardOnBoard, 'defId' | 'label'>): string {
  const def = card.defId ? cardDef(scenario, card.defId) : undefined;
  return def?.short ?? card.label;
}
