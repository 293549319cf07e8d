import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAction, createSession, locate, SUPPORT_TYPES, type SessionState } from '@samenspel/game-core';
import { parseScenarioYaml, type Scenario } from '@samenspel/game-core/scenario';
import { REAL_SCENARIOS } from '../helpers/server';

const folders = readdirSync(REAL_SCENARIOS).filter((f) => existsSync(join(REAL_SCENARIOS, f, 'scenario.yaml')));

function load(folder: string): Scenario {
  const result = parseScenarioYaml(readFileSync(join(REAL_SCENARIOS, folder, 'scenario.yaml'), 'utf8'), { file: folder });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return result.scenario;
}

function start(scenario: Scenario): SessionState {
  return createSession({ sessionId: 'play', code: 'ACDEFG', scenario, createdAt: 0, tableNames: ['Tafel 1', 'Tafel 2'] });
}

function fire(state: SessionState, eventId: string, version: number, tableIds?: string[]) {
  return applyAction(state, { version, type: 'event:fire', payload: tableIds ? { eventId, tableIds } : { eventId }, actor: { kind: 'host' }, at: version });
}

describe('scenario playthroughs', () => {
  it('finds the scenarios shipped with the app', () => {
    expect(folders).toContain('tess-wordt-18');
  });

  describe.each(folders)('%s', (folder) => {
    const scenario = load(folder);
    const sectors = scenario.board.sectors.map((s) => s.id);

    it('lays every starting card in the cell its scenario names', () => {
      const table = start(scenario).tables.t1!;
      for (const def of scenario.cards.filter((c) => c.placement === 'start')) {
        const card = table.cards[def.id];
        expect(card, def.id).toBeDefined();
        expect(locate(card!, sectors.length)).toMatchObject({ kind: 'ring', supportType: def.supportType, sector: sectors.indexOf(def.sector) });
      }
    });

    it.each(scenario.events.map((e) => [e.id, e] as const))('applies the event %s to the start state with every effect visible', (_id, event) => {
      const before = start(scenario);
      const result = fire(before, event.id, 1);
      if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
      const table = result.state.tables.t1!;
      for (const effect of event.effects) {
        if (effect.kind === 'end') {
          expect(table.cards[effect.card], `${effect.card} should have left the board`).toBeUndefined();
          expect(table.deck).not.toContain(effect.card);
          if (before.tables.t1!.cards[effect.card]) expect(table.ended.map((e) => e.card.id)).toContain(effect.card);
        } else if (effect.kind === 'move') {
          const card = table.cards[effect.card];
          // A card that only exists in the deck at the start has nothing to move on the board.
          if (!before.tables.t1!.cards[effect.card]) continue;
          expect(card, effect.card).toBeDefined();
          const cell = locate(card!, sectors.length);
          if (effect.supportType) expect(cell).toMatchObject({ kind: 'ring', supportType: effect.supportType });
          if (effect.sector) expect(cell).toMatchObject({ kind: 'ring', sector: sectors.indexOf(effect.sector) });
        } else if (effect.to === 'deck') {
          expect(table.deck).toContain(effect.card.id);
        } else {
          const card = table.cards[effect.card.id];
          expect(card).toBeDefined();
          expect(locate(card!, sectors.length)).toMatchObject({
            kind: 'ring',
            supportType: effect.card.supportType,
            sector: sectors.indexOf(effect.card.sector),
          });
        }
      }
      expect(result.state.events).toEqual([{ eventId: event.id, tableIds: ['t1', 't2'], version: 1, at: 1 }]);
    });

    it('plays all its events one after another, at one table only, and refuses one fired twice', () => {
      let state = start(scenario);
      let version = 0;
      for (const event of scenario.events) {
        const result = fire(state, event.id, ++version, ['t1']);
        if (!result.ok) throw new Error(`${event.id}: ${result.code} ${result.message}`);
        state = result.state;
      }
      // The other table did not change.
      expect(state.tables.t2).toEqual(start(scenario).tables.t2);
      const again = fire(state, scenario.events[0]!.id, ++version, ['t1']);
      expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
      // Every card left on the board still lies in a ring of the wheel.
      for (const card of Object.values(state.tables.t1!.cards)) {
        const cell = locate(card, sectors.length);
        expect(cell.kind, card.id).toBe('ring');
        expect(SUPPORT_TYPES).toContain((cell as { supportType: string }).supportType);
      }
    });
  });
});
