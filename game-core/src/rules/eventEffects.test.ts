import { describe, expect, it } from 'vitest';
import { cellPoint, locate, radiusOf, ringAt } from '../board/geometry';
import { scenarioSchema } from '../scenario/schema';
import { cardLayout, createTable } from '../state/initial';
import type { CardOnBoard } from '../state/types';
import { makeScenario, SECTOR_IDS } from '../testing/fixtures';
import { applyEventToTable } from './eventEffects';

/** The fixture scenario with an event that lays three cards in one cell: gemeente, wonen. */
function crowdingScenario() {
  const base = makeScenario();
  const add = (id: string, label: string) => ({ kind: 'add' as const, card: { id, label, supportType: 'gemeente' as const, sector: 'wonen' }, to: 'board' as const });
  return scenarioSchema.parse({
    ...base,
    events: [
      {
        id: 'drukte',
        title: 'Veel nieuwe hulp',
        narrative: 'Er komt van alles bij.',
        effects: [add('huurtoeslag', 'Huurtoeslag voor een kamer'), add('wijkteam', 'Aanspreekpunt in het wijkteam'), add('budget', 'Budgetcoach')],
      },
    ],
  });
}

/** A card box about as a screen draws a three-line card, in mat units. */
const [W, H] = [0.3, 0.16];
const covered = (a: { x: number; y: number }, b: { x: number; y: number }) => (Math.max(0, W - Math.abs(a.x - b.x)) * Math.max(0, H - Math.abs(a.y - b.y))) / (W * H);

describe('applyEventToTable', () => {
  const scenario = crowdingScenario();
  const event = scenario.events[0]!;
  // A player already laid a card in the middle of that cell (ring 2 = gemeente, sector 0 = wonen).
  const start = createTable(scenario, 't1', 'Tafel 1');
  const players: CardOnBoard = { ...start.cards['zelf-koken']!, id: 'c1', defId: null, label: 'Begeleid wonen', ...cellPoint(2, 0, SECTOR_IDS.length), staged: false };
  const table = { ...start, cards: { ...start.cards, c1: players } };

  it('lays cards an event adds in their own cell, on spots that keep them apart and clear of cards already there', () => {
    const { table: after } = applyEventToTable(scenario, table, event, 7);
    const added = ['huurtoeslag', 'wijkteam', 'budget'].map((id) => after.cards[id]!);
    for (const card of added) expect(locate(card, SECTOR_IDS.length), card.id).toMatchObject({ kind: 'ring', supportType: 'gemeente', sector: 0 });
    for (const a of [...added, players]) {
      for (const b of added) {
        if (a === b) continue;
        expect(covered(a, b), `${a.id} and ${b.id}`).toBeLessThan(0.5);
      }
    }
  });

  it('lays an added card on the same spot every time, so server and tablets agree', () => {
    const first = applyEventToTable(scenario, table, event, 7).table.cards;
    const again = applyEventToTable(scenario, JSON.parse(JSON.stringify(table)) as typeof table, event, 7).table.cards;
    expect(['huurtoeslag', 'wijkteam', 'budget'].map((id) => [again[id]!.x, again[id]!.y])).toEqual(['huurtoeslag', 'wijkteam', 'budget'].map((id) => [first[id]!.x, first[id]!.y]));
  });
});

describe('applyEventToTable in a narrow cell', () => {
  const base = makeScenario();
  const add = (id: string, label: string) => ({ kind: 'add' as const, card: { id, label, supportType: 'informeel' as const, sector: 'wonen' }, to: 'board' as const });
  const labels = { a: 'Huurtoeslag voor een eigen kamer', b: 'Aanspreekpunt in het wijkteam', c: 'Budgetcoach van de gemeente' };
  const scenario = scenarioSchema.parse({
    ...base,
    events: [{ id: 'drukte', title: 'Veel nieuwe hulp', narrative: 'Er komt van alles bij.', effects: Object.entries(labels).map(([id, label]) => add(id, label)) }],
  });

  it('rearranges the cards one event lays together, so the first does not take the middle the others need', () => {
    const after = applyEventToTable(scenario, createTable(scenario, 't1', 'Tafel 1'), scenario.events[0]!, 1).table;
    const boxes = Object.keys(labels).map((id) => {
      const card = after.cards[id]!;
      return { ...card, ...cardLayout(card.label, ringAt(radiusOf(card))) };
    });
    for (const a of boxes) {
      expect(locate(a, SECTOR_IDS.length), a.id).toMatchObject({ kind: 'ring', supportType: 'informeel', sector: 0 });
      for (const b of boxes) {
        if (a === b) continue;
        const ox = Math.max(0, Math.min(a.x + a.w / 2, b.x + b.w / 2) - Math.max(a.x - a.w / 2, b.x - b.w / 2));
        const oy = Math.max(0, Math.min(a.y + a.h / 2, b.y + b.h / 2) - Math.max(a.y - a.h / 2, b.y - b.h / 2));
        // Laid one after the other without rearranging, two of these cover some 40% of each other.
        expect((ox * oy) / Math.min(a.w * a.h, b.w * b.h), `${a.id} and ${b.id}`).toBeLessThan(0.2);
      }
    }
  });
});
