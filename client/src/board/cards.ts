import type { Scenario } from '@samenspel/game-core';

/** A card definition by id: from the scenario's cards, or brought in by one of its events. */
export function cardDef(scenario: Scenario, id: string) {
  const card = scenario.cards.find((c) => c.id === id);
  if (card) return card;
  for (const event of scenario.events) {
    for (const effect of event.effects) if (effect.kind === 'add' && effect.card.id === id) return effect.card;
  }
  return undefined;
}
