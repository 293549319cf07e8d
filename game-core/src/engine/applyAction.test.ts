import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, type ActionPayloads, type ActionType, type CommittedAction, type Viewer } from '../protocol/index';
import type { RuleContext, RuleResult } from '../rules/context';
import type { Actor } from '../state/types';
import { GUEST, HOST, accepted, deepFreeze, makeState, seat } from '../testing/fixtures';
import { RULES, applyAction, replay } from './applyAction';

/** The state a real session starts in: nobody seated, the situation still to be built up. */
const start = () => makeState({ seats: false, staged: true });

function action<K extends ActionType>(version: number, type: K, payload: ActionPayloads[K], actor: Actor): CommittedAction {
  return { version, actionId: `a-${version}`, type, payload, actor, at: 10_000 + version };
}

/** A workshop in miniature, from an empty room: two players join, play, and the host steers. */
function workshopLog(): CommittedAction[] {
  return [
    action(1, 'seat:claim', { tableId: 't1', roleId: 'pleegmoeder', name: 'Anna' }, GUEST),
    action(2, 'seat:claim', { tableId: 't1', roleId: 'tess', name: 'Bram' }, GUEST),
    action(3, 'situation:reveal', { all: false }, HOST),
    action(4, 'situation:reveal', { all: true, tableIds: ['t1'] }, HOST),
    action(5, 'step:set', { step: 'spelen' }, HOST),
    action(6, 'card:place', { tableId: 't1', defId: 'bijbaan', x: 0.3, y: -0.1 }, seat('s1')),
    action(7, 'card:place', { tableId: 't1', label: 'Buurvrouw kookt', x: -0.5, y: 0.1 }, seat('s2')),
    action(8, 'card:move', { tableId: 't1', cardId: 'bijbaan', x: 0.7, y: 0.2, rev: 0 }, seat('s2')),
    action(9, 'token:move', { tableId: 't1', roleId: 'tess', x: 0.1, y: 0.1, rev: 0 }, seat('s2')),
    action(10, 'card:note', { tableId: 't1', cardId: 'bijbaan', note: 'alleen op zaterdag' }, seat('s1')),
    action(11, 'link:add', { tableId: 't1', from: 'bijbaan', to: 'oma-belt' }, seat('s1')),
    action(12, 'link:add', { tableId: 't1', from: 'blank-7', to: 'jeugdhulp' }, seat('s2')),
    action(13, 'link:add', { tableId: 't1', from: 'zelf-koken', to: 'oma-belt' }, seat('s2')),
    action(14, 'link:remove', { tableId: 't1', linkId: 'l13' }, seat('s1')),
    action(15, 'table:add', { name: 'Tafel 3' }, HOST),
    action(16, 'event:fire', { eventId: 'achttien' }, HOST),
    action(17, 'card:remove', { tableId: 't1', cardId: 'blank-7' }, seat('s1')),
    action(18, 'seat:reassign', { seatId: 's2', tableId: 't3', roleId: 'tess' }, HOST),
    action(19, 'seat:release', { seatId: 's2' }, HOST),
    action(20, 'timer:start', { durationMs: 300_000 }, HOST),
    action(21, 'timer:pause', {}, HOST),
    action(22, 'timer:extend', { ms: 60_000 }, HOST),
    action(23, 'timer:reset', {}, HOST),
    action(24, 'board:lock', { locked: true, tableIds: ['t2'] }, HOST),
    action(25, 'interview:reveal', { count: 1 }, HOST),
    action(26, 'prompt:show', { prompt: { kind: 'reflection', index: 0 } }, HOST),
    action(27, 'step:summon', {}, HOST),
    action(28, 'privacy:set', { private: true, tableIds: ['t1'] }, HOST),
    action(29, 'card:place', { tableId: 't1', defId: 'zorgtoeslag', x: 0, y: 0.9 }, seat('s1')),
    action(30, 'cards:reveal', { tableIds: ['t1'] }, HOST),
    action(31, 'poll:open', { pollId: 'wonen-straks' }, HOST),
    action(32, 'poll:answer', { pollId: 'wonen-straks', option: 1 }, seat('s1')),
    action(33, 'poll:close', { pollId: 'wonen-straks' }, HOST),
    action(34, 'poll:reveal', { pollId: 'wonen-straks', revealed: true }, HOST),
    action(35, 'poll:dismiss', {}, HOST),
    action(36, 'step:set', { step: 'reflectie' }, HOST),
    action(37, 'prompt:show', { prompt: { kind: 'praatplaat', group: 0, index: 1 }, tableIds: ['t1'] }, HOST),
    action(38, 'insight:add', { text: 'Oma is belangrijker dan gedacht' }, seat('s1')),
    action(39, 'insight:add', { text: 'Iets met een echte naam' }, seat('s1')),
    action(40, 'insight:set', { insightId: 'i39', hidden: true }, HOST),
    action(41, 'insights:reveal', {}, HOST),
    action(42, 'insight:remove', { insightId: 'i39' }, HOST),
    action(43, 'screen:show', { tableIds: ['t1', 't3'] }, HOST),
    action(44, 'card:pause', { tableId: 't1', cardId: 'bijbaan', paused: true }, HOST),
    action(45, 'card:redact', { tableId: 't1', cardId: 'zorgtoeslag' }, HOST),
  ];
}

describe('applyAction', () => {
  it('sends every action type to its rule with the actor, time and version of the action', () => {
    const rules = RULES as unknown as Record<string, (ctx: RuleContext, payload: unknown) => RuleResult>;
    const state = makeState();
    for (const type of ACTION_TYPES) {
      const original = rules[type];
      expect(original, type).toBeTypeOf('function');
      const calls: [RuleContext, unknown][] = [];
      const answer: RuleResult = { ok: false, code: 'INTERNAL', message: `stub for ${type}` };
      rules[type] = (ctx, payload) => {
        calls.push([ctx, payload]);
        return answer;
      };
      try {
        const payload = { marker: type };
        const result = applyAction(state, { version: 77, type, payload: payload as never, actor: seat('s1'), at: 1234 });
        expect(result).toBe(answer);
        expect(calls).toEqual([[{ state, actor: seat('s1'), now: 1234, version: 77 }, payload]]);
      } finally {
        rules[type] = original!;
      }
    }
  });

  it('gives the same answer as calling the rule itself, for each action type', () => {
    const log = workshopLog();
    let state = start();
    const seen = new Set<string>();
    for (const a of log) {
      const rule = RULES[a.type] as (ctx: RuleContext, payload: unknown) => RuleResult;
      const direct = rule({ state, actor: a.actor, now: a.at, version: a.version }, a.payload);
      const result = applyAction(state, a);
      expect(result, a.type).toEqual(direct);
      state = accepted(result);
      seen.add(a.type);
    }
    // The log exercises every action type, so a new one shows up here as a gap.
    expect([...seen].sort()).toEqual([...ACTION_TYPES].sort());
  });

  it('refuses an action type it does not know', () => {
    for (const type of ['card:flip', '', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const result = applyAction(makeState(), { version: 1, type: type as ActionType, payload: {} as never, actor: HOST, at: 0 });
      expect(result, type).toMatchObject({ ok: false, code: 'UNKNOWN_EVENT' });
    }
  });

  it('passes a rule\'s refusal through unchanged', () => {
    const result = applyAction(makeState(), action(1, 'step:set', { step: 'spelen' }, seat('s1')));
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('replay', () => {
  it('ends where applying the actions one by one ends', () => {
    const log = workshopLog();
    let stepwise = start();
    for (const a of log) stepwise = accepted(applyAction(stepwise, a));
    expect(replay(start(), log)).toEqual(stepwise);
  });

  it('builds the board the log describes', () => {
    const state = replay(start(), workshopLog());
    const t1 = state.tables['t1']!;
    expect(Object.keys(state.seats)).toEqual(['s1']);
    expect(state.tableOrder.map((id) => state.tables[id]!.step)).toEqual(['reflectie', 'reflectie', 'reflectie']);
    expect(state.tableOrder).toEqual(['t1', 't2', 't3']);
    expect(t1.cards['bijbaan']).toMatchObject({ x: 0.7, y: 0.2, rev: 1, placedBy: 's1', note: 'alleen op zaterdag' });
    expect(t1.cards).not.toHaveProperty('blank-7');
    expect(t1.tokens['tess']).toMatchObject({ x: 0.1, y: 0.1, rev: 1 });
  });

  it('replays the facilitation, the votes and the insights of the log', () => {
    const state = replay(start(), workshopLog());
    const [t1, t2, t3] = state.tableOrder.map((id) => state.tables[id]!);
    // l12 went with jeugdhulp when the event ended it; l13 was taken off by hand.
    expect(t1!.links).toEqual([{ id: 'l11', from: 'bijbaan', to: 'oma-belt', by: 's1' }]);
    expect(Object.values(t1!.cards).filter((c) => c.staged || c.hidden)).toEqual([]);
    expect(t1!.cards['zorgtoeslag']).toMatchObject({ placedBy: 's1', hidden: false });
    expect(t1!).toMatchObject({ private: true, locked: false, interviewRevealed: 1, summons: 1, prompt: { kind: 'praatplaat', group: 0, index: 1 } });
    expect(t2!).toMatchObject({ locked: true, prompt: null, timer: { durationMs: 360_000, elapsedMs: 0, startedAt: null } });
    expect(Object.values(t3!.cards).some((c) => c.staged)).toBe(false);
    expect(state.polls['wonen-straks']).toMatchObject({ status: 'closed', revealed: true, answers: { s1: 1 } });
    expect(state.activePoll).toBeNull();
    expect(state.insights).toEqual([
      { id: 'i38', seatId: 's1', tableId: 't1', text: 'Oma is belangrijker dan gedacht', prompt: { kind: 'praatplaat', group: 0, index: 1 }, hidden: false, revealed: true, at: 10_038 },
    ]);
    expect(state.screenTables).toEqual(['t1', 't3']);
  });

  it('returns the starting state for an empty log', () => {
    const state = makeState();
    expect(replay(state, [])).toBe(state);
  });

  it('throws on a corrupt log, naming the version that failed', () => {
    const log = workshopLog();
    // A second claim of the same role at the same table can never have been accepted.
    const corrupt = [...log.slice(0, 2), action(3, 'seat:claim', { tableId: 't1', roleId: 'tess', name: 'Cas' }, GUEST)];
    expect(() => replay(start(), corrupt)).toThrow(/version 3: ROLE_TAKEN/);
    expect(() => replay(start(), [action(1, 'card:remove', { tableId: 't1', cardId: 'nope' }, HOST)])).toThrow(
      /version 1: NOT_FOUND/,
    );
  });

  it('does not change the state it starts from', () => {
    const initial = deepFreeze(start());
    const end = replay(initial, workshopLog());
    expect(initial.seats).toEqual({});
    expect(Object.values(initial.tables['t1']!.cards).every((c) => c.staged)).toBe(true);
    expect(end).not.toEqual(initial);
  });

  it('gives two replicas replaying the same log deep-equal states', () => {
    const log = workshopLog();
    // The second replica gets the log as it arrives over the wire.
    const wire = JSON.parse(JSON.stringify(log)) as CommittedAction[];
    const a = replay(start(), log);
    const b = replay(start(), wire);
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('lets a replica that joins late catch up from a snapshot plus the rest of the log', () => {
    const log = workshopLog();
    const snapshot = JSON.parse(JSON.stringify(replay(start(), log.slice(0, 6))));
    expect(replay(snapshot, log.slice(6))).toEqual(replay(start(), log));
  });
});

