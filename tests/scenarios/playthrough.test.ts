import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAction, createSession, locate, roleAtTable, ROLE_TEXT_FIELDS, pollOptionCount, pollTally, STEPS, SUPPORT_TYPES, type Actor, type ActionPayloads, type ActionType, type PromptRef, type SessionState } from '@samenspel/game-core';
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

const HOST: Actor = { kind: 'host' };

/** Applies actions in order from version 1, failing the test with the first refusal. */
function run(state: SessionState, steps: [ActionType, unknown, Actor][]): SessionState {
  return steps.reduce((current, [type, payload, actor], i) => {
    const result = applyAction(current, { version: i + 1, type, payload: payload as ActionPayloads[ActionType], actor, at: i + 1 });
    if (!result.ok) throw new Error(`${type} ${JSON.stringify(payload)}: ${result.code} ${result.message}`);
    return result.state;
  }, state);
}

/** Every question the facilitator can put on the screens in this scenario. */
function allPrompts(scenario: Scenario): PromptRef[] {
  return [
    ...STEPS.flatMap((step) => (scenario.prompts[step] ?? []).map((_, index) => ({ kind: 'step', step, index }) as const)),
    ...scenario.events.flatMap((e) => e.questions.map((_, index) => ({ kind: 'event', eventId: e.id, index }) as const)),
    ...scenario.reflection.prompts.map((_, index) => ({ kind: 'reflection', index }) as const),
    ...(scenario.reflection.praatplaat ?? []).flatMap((g, group) => g.questions.map((_, index) => ({ kind: 'praatplaat', group, index }) as const)),
  ];
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

    it('starts with the situation waiting, and builds it up card by card in the order of the file', () => {
      const starts = scenario.cards.filter((c) => c.placement === 'start').map((c) => c.id);
      let state = start(scenario);
      expect(Object.values(state.tables.t1!.cards).filter((c) => !c.staged)).toEqual([]);
      starts.forEach((id, i) => {
        state = run(state, [['situation:reveal', { all: false, tableIds: ['t1'] }, HOST]]);
        const shown = Object.values(state.tables.t1!.cards).filter((c) => !c.staged).map((c) => c.id);
        expect(shown.sort(), `after ${i + 1}`).toEqual(starts.slice(0, i + 1).sort());
      });
      expect(applyAction(state, { version: 99, type: 'situation:reveal', payload: { all: false, tableIds: ['t1'] }, actor: HOST, at: 99 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    });

    it('can put each of its questions on the screens', () => {
      const prompts = allPrompts(scenario);
      expect(prompts.length).toBeGreaterThan(0);
      const state = run(start(scenario), prompts.map((prompt) => ['prompt:show', { prompt }, HOST]));
      expect(state.tables.t1!.prompt).toEqual(prompts.at(-1));
    });

    it.each(scenario.polls.map((p) => [p.id, p] as const))('opens the poll %s and counts an answer for each of its options', (_id, poll) => {
      const options = pollOptionCount(poll);
      expect(options).toBeGreaterThanOrEqual(2);
      const roles = scenario.roles.slice(0, options);
      const seated = run(start(scenario), [
        ...roles.map((r, i): [ActionType, unknown, Actor] => ['seat:claim', { tableId: i % 2 === 0 ? 't1' : 't2', roleId: r.id, name: `Speler ${i}` }, { kind: 'guest' }]),
        ['poll:open', { pollId: poll.id }, HOST],
      ]);
      const seats = Object.keys(seated.seats);
      // Fewer roles than options: the answers that are left go unasked, the count stays right.
      const state = run(seated, seats.map((seatId, option): [ActionType, unknown, Actor] => ['poll:answer', { pollId: poll.id, option }, { kind: 'seat', seatId }]));
      const tally = pollTally(state, poll.id);
      expect(tally).toHaveLength(options);
      expect(tally.reduce((a, b) => a + b, 0)).toBe(seats.length);
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
        } else if (effect.kind === 'pause') {
          // Start cards come onto the wheel with the event; a deck card has nothing to pause yet.
          if (before.tables.t1!.cards[effect.card]) expect(table.cards[effect.card]?.paused, effect.card).toMatchObject({ eventId: event.id });
        } else if (effect.kind === 'resume') {
          if (table.cards[effect.card]) expect(table.cards[effect.card]!.paused, effect.card).toBeNull();
        } else if (effect.kind === 'role') {
          const role = roleAtTable(scenario, table, effect.role);
          for (const field of ROLE_TEXT_FIELDS) if (effect[field] !== undefined) expect(role?.[field], `${effect.role}.${field}`).toBe(effect[field]);
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
        // A pause or resume holds once its event has happened, whatever came before it.
        for (const effect of event.effects) {
          const card = effect.kind === 'pause' || effect.kind === 'resume' ? state.tables.t1!.cards[effect.card] : undefined;
          if (card && effect.kind === 'pause') expect(card.paused, `${event.id}: ${effect.card}`).not.toBeNull();
          if (card && effect.kind === 'resume') expect(card.paused, `${event.id}: ${effect.card}`).toBeNull();
        }
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

  it('makes Tess 18 when "Tess wordt 18" happens, so the centre of the wheel says so', () => {
    const scenario = load('tess-wordt-18');
    const before = start(scenario);
    expect(before.tables.t1!.personaAge).toBe(17);
    const after = fire(before, 'tess-wordt-18', 1);
    expect(after.ok && after.state.tables.t1!.personaAge).toBe(18);
  });
});
