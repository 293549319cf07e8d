import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAction } from '../engine/applyAction';
import { ACTION_TYPES, ERROR_CODES, type ActionPayloads, type ActionType, type CommittedAction } from '../protocol/index';
import { actionPayloadSchemas } from '../protocol/schemas';
import { GUEST, HOST, accepted, deepFreeze, makeState, seat, withTableChange } from '../testing/fixtures';
import type { Actor, SessionState } from './types';
import { isReservedKey, own } from './ids';

/** Names every plain object answers to, the ones a hostile client tries first. */
const RESERVED = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
] as const;

let version = 0;
function act<K extends ActionType>(state: SessionState, type: K, payload: ActionPayloads[K], actor: Actor): SessionState {
  version++;
  return accepted(applyAction(state, { version, type, payload, actor, at: 5_000 + version } as CommittedAction));
}

/**
 * A session in which every action type has something to act on: an open poll, an insight, a
 * line, a hidden card, a running timer, and starting cards still waiting at table 2.
 */
function richState(): SessionState {
  let state = makeState();
  state = withTableChange(state, 't2', (t) => ({ ...t, cards: Object.fromEntries(Object.entries(t.cards).map(([id, c]) => [id, { ...c, staged: true }])) }));
  state = act(state, 'poll:open', { pollId: 'wonen-straks' }, HOST);
  state = act(state, 'insight:add', { text: 'Samen kijken' }, seat('s1'));
  state = act(state, 'link:add', { tableId: 't1', from: 'zelf-koken', to: 'oma-belt' }, seat('s1'));
  state = act(state, 'privacy:set', { private: true, tableIds: ['t1'] }, HOST);
  state = act(state, 'card:place', { tableId: 't1', defId: 'bijbaan', x: 0.3, y: -0.1 }, seat('s1'));
  state = act(state, 'privacy:set', { private: false, tableIds: ['t1'] }, HOST);
  state = act(state, 'timer:start', { durationMs: 300_000, tableIds: ['t1'] }, HOST);
  return state;
}

type Path = readonly (string | number)[];
interface Template {
  payload: Record<string, unknown>;
  actor: Actor;
  /** Where the payload carries ids that index the state or the scenario. */
  ids: Path[];
}

function templates(state: SessionState): { [K in ActionType]: Template } {
  const insightId = state.insights[0]!.id;
  const linkId = state.tables['t1']!.links[0]!.id;
  const s1 = seat('s1');
  return {
    'seat:claim': { payload: { tableId: 't1', roleId: 'mentor', name: 'Cas' }, actor: GUEST, ids: [['tableId'], ['roleId']] },
    'seat:release': { payload: { seatId: 's2' }, actor: HOST, ids: [['seatId']] },
    'card:place': { payload: { tableId: 't1', defId: 'zorgtoeslag', x: 0.3, y: 0.3 }, actor: s1, ids: [['tableId'], ['defId']] },
    'card:move': { payload: { tableId: 't1', cardId: 'zelf-koken', x: 0.7, y: 0.2, rev: 0 }, actor: s1, ids: [['tableId'], ['cardId']] },
    'card:remove': { payload: { tableId: 't1', cardId: 'zelf-koken' }, actor: s1, ids: [['tableId'], ['cardId']] },
    'token:move': { payload: { tableId: 't1', roleId: 'pleegmoeder', x: 0.1, y: 0.1, rev: 0 }, actor: s1, ids: [['tableId'], ['roleId']] },
    'card:note': { payload: { tableId: 't1', cardId: 'zelf-koken', note: 'op dinsdag' }, actor: s1, ids: [['tableId'], ['cardId']] },
    'card:redact': { payload: { tableId: 't1', cardId: 'zelf-koken' }, actor: HOST, ids: [['tableId'], ['cardId']] },
    'card:pause': { payload: { tableId: 't1', cardId: 'zelf-koken', paused: true }, actor: HOST, ids: [['tableId'], ['cardId']] },
    'link:add': { payload: { tableId: 't1', from: 'zelf-koken', to: 'jeugdhulp' }, actor: s1, ids: [['tableId'], ['from'], ['to']] },
    'link:remove': { payload: { tableId: 't1', linkId }, actor: s1, ids: [['tableId'], ['linkId']] },
    'seat:reassign': { payload: { seatId: 's2', tableId: 't1', roleId: 'mentor' }, actor: HOST, ids: [['seatId'], ['tableId'], ['roleId']] },
    'table:add': { payload: { name: 'Tafel 3' }, actor: HOST, ids: [] },
    'step:set': { payload: { step: 'situatie', tableIds: ['t1'] }, actor: HOST, ids: [['tableIds', 0]] },
    'step:summon': { payload: { tableIds: ['t1'] }, actor: HOST, ids: [['tableIds', 0]] },
    'event:fire': { payload: { eventId: 'achttien', tableIds: ['t1'] }, actor: HOST, ids: [['eventId'], ['tableIds', 0]] },
    'timer:start': { payload: { durationMs: 60_000, tableIds: ['t1'] }, actor: HOST, ids: [['tableIds', 0]] },
    'timer:pause': { payload: { tableIds: ['t1'] }, actor: HOST, ids: [['tableIds', 0]] },
    'timer:extend': { payload: { ms: 60_000, tableIds: ['t1'] }, actor: HOST, ids: [['tableIds', 0]] },
    'timer:reset': { payload: { tableIds: ['t1'] }, actor: HOST, ids: [['tableIds', 0]] },
    'board:lock': { payload: { locked: true, tableIds: ['t1'] }, actor: HOST, ids: [['tableIds', 0]] },
    'interview:reveal': { payload: { count: 1, tableIds: ['t1'] }, actor: HOST, ids: [['tableIds', 0]] },
    'prompt:show': { payload: { prompt: { kind: 'reflection', index: 0 }, tableIds: ['t1'] }, actor: HOST, ids: [['tableIds', 0]] },
    'situation:reveal': { payload: { all: true, tableIds: ['t2'] }, actor: HOST, ids: [['tableIds', 0]] },
    'privacy:set': { payload: { private: true, tableIds: ['t1'] }, actor: HOST, ids: [['tableIds', 0]] },
    'cards:reveal': { payload: { tableIds: ['t1'] }, actor: HOST, ids: [['tableIds', 0]] },
    'poll:open': { payload: { pollId: 'zelf-redden' }, actor: HOST, ids: [['pollId']] },
    'poll:answer': { payload: { pollId: 'wonen-straks', option: 1 }, actor: s1, ids: [['pollId']] },
    'poll:close': { payload: { pollId: 'wonen-straks' }, actor: HOST, ids: [['pollId']] },
    'poll:reveal': { payload: { pollId: 'wonen-straks', revealed: true }, actor: HOST, ids: [['pollId']] },
    'poll:dismiss': { payload: {}, actor: HOST, ids: [] },
    'insight:add': { payload: { text: 'Vraag het Tess zelf' }, actor: s1, ids: [] },
    'insight:set': { payload: { insightId, hidden: true }, actor: HOST, ids: [['insightId']] },
    'insight:remove': { payload: { insightId }, actor: HOST, ids: [['insightId']] },
    'insights:reveal': { payload: { tableIds: ['t1'] }, actor: HOST, ids: [['tableIds', 0]] },
    'screen:show': { payload: { tableIds: ['t1', 't2'] }, actor: HOST, ids: [['tableIds', 0], ['tableIds', 1]] },
  };
}

/** A copy of `payload` with `value` at `path`. */
function setAt(payload: Record<string, unknown>, path: Path, value: string): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  // defineProperty, so that `__proto__` becomes a real key as JSON.parse would make it.
  Object.defineProperty(node, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const base = deepFreeze(richState());
const TEMPLATES = templates(base);
const fields = ACTION_TYPES.flatMap((type) => TEMPLATES[type].ids.map((path) => ({ type, path })));

describe('own-property lookups of client ids', () => {
  it('finds own entries only, never what every object inherits', () => {
    const record: Record<string, number> = { t1: 1 };
    expect(own(record, 't1')).toBe(1);
    for (const key of RESERVED) expect(own(record, key), key).toBeUndefined();
    expect(RESERVED.every(isReservedKey)).toBe(true);
    expect(isReservedKey('t1')).toBe(false);
    expect(isReservedKey('proto')).toBe(false);
  });

  it('accepts every template as it is, so a refusal below is due to the reserved name', () => {
    for (const type of ACTION_TYPES) {
      const { payload, actor } = TEMPLATES[type];
      expect(actionPayloadSchemas[type].safeParse(payload).success, type).toBe(true);
      const result = applyAction(base, { version: 900, type, payload: payload as never, actor, at: 9_000 });
      expect(result.ok ? 'ok' : `${result.code} ${result.message}`, type).toBe('ok');
    }
  });

  it('refuses an object-prototype name in any id field of any action, at the schema and in the rules, and changes nothing', () => {
    const before: unknown = JSON.parse(JSON.stringify(base));
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.constantFrom(...RESERVED), ({ type, path }, key) => {
        const { payload, actor } = TEMPLATES[type];
        const hostile = setAt(payload, path, key);
        expect(actionPayloadSchemas[type].safeParse(hostile).success).toBe(false);
        // Past the schema too (a replica replaying a log, a server with a bug): the rules refuse on their own.
        const result = applyAction(base, { version: 900, type, payload: hostile as never, actor, at: 9_000 });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(ERROR_CODES).toContain(result.code);
        expect(base).toEqual(before);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps reserved names typed as text as plain words, without a phantom table, seat or card', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RESERVED), (word) => {
        let state = act(base, 'seat:claim', { tableId: 't1', roleId: 'mentor', name: word }, GUEST);
        state = act(state, 'card:place', { tableId: 't1', label: word, x: -0.5, y: 0.1 }, seat('s1'));
        state = act(state, 'table:add', { name: word }, HOST);
        expect(Object.keys(state.tables)).toEqual(state.tableOrder);
        expect(Object.values(state.seats).every((s) => Object.hasOwn(state.tables, s.tableId))).toBe(true);
        expect(Object.getPrototypeOf(state.tables)).toBe(Object.prototype);
        expect(Object.values(state.tables['t1']!.cards).some((c) => c.label === word)).toBe(true);
      }),
    );
  });
});
