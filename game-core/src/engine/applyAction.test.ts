import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, type ActionPayloads, type ActionType, type CommittedAction, type Viewer } from '../protocol/index';
import type { RuleContext, RuleResult } from '../rules/context';
import type { Actor } from '../state/types';
import { GUEST, HOST, accepted, deepFreeze, makeState, seat } from '../testing/fixtures';
import { RULES, applyAction, playerView, replay } from './applyAction';

function action<K extends ActionType>(version: number, type: K, payload: ActionPayloads[K], actor: Actor): CommittedAction {
  return { version, actionId: `a-${version}`, type, payload, actor, at: 10_000 + version };
}

/** A workshop in miniature, from an empty room: two players join, play, and the host steers. */
function workshopLog(): CommittedAction[] {
  return [
    action(1, 'seat:claim', { tableId: 't1', roleId: 'pleegmoeder', name: 'Anna' }, GUEST),
    action(2, 'seat:claim', { tableId: 't1', roleId: 'tess', name: 'Bram' }, GUEST),
    action(3, 'step:set', { step: 'spelen' }, HOST),
    action(4, 'card:place', { tableId: 't1', defId: 'bijbaan', x: 0.3, y: -0.1 }, seat('s1')),
    action(5, 'card:place', { tableId: 't1', label: 'Buurvrouw kookt', x: -0.5, y: 0.1 }, seat('s2')),
    action(6, 'card:move', { tableId: 't1', cardId: 'bijbaan', x: 0.7, y: 0.2, rev: 0 }, seat('s2')),
    action(7, 'token:move', { tableId: 't1', roleId: 'tess', x: 0.1, y: 0.1, rev: 0 }, seat('s2')),
    action(8, 'table:add', { name: 'Tafel 3' }, HOST),
    action(9, 'event:fire', { eventId: 'achttien' }, HOST),
    action(10, 'card:remove', { tableId: 't1', cardId: 'blank-5' }, seat('s1')),
    action(11, 'seat:release', { seatId: 's2' }, HOST),
    action(12, 'timer:start', { durationMs: 300_000 }, HOST),
    action(13, 'timer:pause', {}, HOST),
    action(14, 'timer:extend', { ms: 60_000 }, HOST),
    action(15, 'timer:reset', {}, HOST),
    action(16, 'board:lock', { locked: true }, HOST),
    action(17, 'interview:reveal', { count: 1 }, HOST),
    action(18, 'prompt:show', { prompt: { kind: 'reflection', index: 0 } }, HOST),
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
    let state = makeState({ seats: false });
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
    let stepwise = makeState({ seats: false });
    for (const a of log) stepwise = accepted(applyAction(stepwise, a));
    expect(replay(makeState({ seats: false }), log)).toEqual(stepwise);
  });

  it('builds the board the log describes', () => {
    const state = replay(makeState({ seats: false }), workshopLog());
    const t1 = state.tables['t1']!;
    expect(Object.keys(state.seats)).toEqual(['s1']);
    expect(state.step).toBe('spelen');
    expect(state.tableOrder).toEqual(['t1', 't2', 't3']);
    expect(t1.cards['bijbaan']).toMatchObject({ x: 0.7, y: 0.2, rev: 1, placedBy: 's1' });
    expect(t1.cards).not.toHaveProperty('blank-5');
    expect(t1.tokens['tess']).toMatchObject({ x: 0.1, y: 0.1, rev: 1 });
  });

  it('returns the starting state for an empty log', () => {
    const state = makeState();
    expect(replay(state, [])).toBe(state);
  });

  it('throws on a corrupt log, naming the version that failed', () => {
    const log = workshopLog();
    // A second claim of the same role at the same table can never have been accepted.
    const corrupt = [...log.slice(0, 2), action(3, 'seat:claim', { tableId: 't1', roleId: 'tess', name: 'Cas' }, GUEST)];
    expect(() => replay(makeState({ seats: false }), corrupt)).toThrow(/version 3: ROLE_TAKEN/);
    expect(() => replay(makeState({ seats: false }), [action(1, 'card:remove', { tableId: 't1', cardId: 'nope' }, HOST)])).toThrow(
      /version 1: NOT_FOUND/,
    );
  });

  it('does not change the state it starts from', () => {
    const start = deepFreeze(makeState({ seats: false }));
    const end = replay(start, workshopLog());
    expect(start.seats).toEqual({});
    expect(end).not.toEqual(start);
  });

  it('gives two replicas replaying the same log deep-equal states', () => {
    const log = workshopLog();
    // The second replica gets the log as it arrives over the wire.
    const wire = JSON.parse(JSON.stringify(log)) as CommittedAction[];
    const a = replay(makeState({ seats: false }), log);
    const b = replay(makeState({ seats: false }), wire);
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('lets a replica that joins late catch up from a snapshot plus the rest of the log', () => {
    const log = workshopLog();
    const snapshot = JSON.parse(JSON.stringify(replay(makeState({ seats: false }), log.slice(0, 6))));
    expect(replay(snapshot, log.slice(6))).toEqual(replay(makeState({ seats: false }), log));
  });
});

describe('playerView', () => {
  it('shows every viewer the whole board while nothing is private', () => {
    const state = replay(makeState({ seats: false }), workshopLog());
    const viewers: Viewer[] = [{ kind: 'host' }, { kind: 'seat', seatId: 's1' }, { kind: 'guest' }, { kind: 'screen' }];
    for (const viewer of viewers) expect(playerView(state, viewer)).toEqual(state);
  });
});
