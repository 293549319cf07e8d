import { describe, expect, it } from 'vitest';
import { STEPS } from '../state/types';
import { ACTION_TYPES, MAX_INSIGHT, MAX_NOTE, type ActionPayloads, type ActionType } from './index';
import { actionPayloadSchemas, actionRequestSchema, describeZodError, dragFrameSchema } from './schemas';

const GOOD: { [K in ActionType]: ActionPayloads[K] } = {
  'seat:claim': { tableId: 't1', roleId: 'tess', name: 'Anna' },
  'seat:release': { seatId: 's1' },
  'card:place': { tableId: 't1', defId: 'bijbaan', x: 0.3, y: -0.2 },
  'card:move': { tableId: 't1', cardId: 'bijbaan', x: 0.3, y: -0.2, rev: 0 },
  'card:remove': { tableId: 't1', cardId: 'bijbaan' },
  'card:redact': { tableId: 't1', cardId: 'blank-7' },
  'token:move': { tableId: 't1', roleId: 'tess', x: 1.2, y: -1.2, rev: 3 },
  'step:set': { step: 'spelen' },
  'table:add': { name: 'Tafel 3' },
  'event:fire': { eventId: 'achttien', tableIds: ['t1'] },
  'timer:start': { durationMs: 600_000 },
  'timer:pause': {},
  'timer:extend': { ms: 60_000 },
  'timer:reset': {},
  'board:lock': { locked: true },
  'interview:reveal': { count: 2 },
  'prompt:show': { prompt: { kind: 'step', step: 'situatie', index: 1 } },
  'card:note': { tableId: 't1', cardId: 'bijbaan', note: 'alleen op dinsdag' },
  'card:pause': { tableId: 't1', cardId: 'bijbaan', paused: true },
  'link:add': { tableId: 't1', from: 'bijbaan', to: 'oma-belt' },
  'link:remove': { tableId: 't1', linkId: 'l12' },
  'seat:reassign': { seatId: 's1', tableId: 't2', roleId: 'mentor' },
  'step:summon': { tableIds: ['t1'] },
  'situation:reveal': { all: false },
  'privacy:set': { private: true, tableIds: ['t2'] },
  'cards:reveal': {},
  'poll:open': { pollId: 'wonen-straks' },
  'poll:answer': { pollId: 'wonen-straks', option: 2 },
  'poll:close': { pollId: 'wonen-straks' },
  'poll:reveal': { pollId: 'wonen-straks', revealed: true },
  'poll:dismiss': {},
  'insight:add': { text: 'Oma is belangrijk' },
  'insight:set': { insightId: 'i12', hidden: true },
  'insight:remove': { insightId: 'i12' },
  'insights:reveal': { tableIds: ['t1', 't2'] },
  'screen:show': { tableIds: ['t1', 't2'] },
};

const accepts = (type: ActionType, payload: unknown) => actionPayloadSchemas[type].safeParse(payload).success;

/** Which fields of a payload hold coordinates, ids and free text. */
const fieldsOf = (type: ActionType) => {
  const good = GOOD[type] as Record<string, unknown>;
  const keys = Object.keys(good);
  return {
    coords: keys.filter((k) => k === 'x' || k === 'y'),
    // An empty note is allowed on purpose: it takes the note off the card.
    strings: keys.filter((k) => typeof good[k] === 'string' && k !== 'step' && k !== 'note'),
  };
};

describe('action payload schemas', () => {
  it('has a schema for every action type and no others', () => {
    expect(Object.keys(actionPayloadSchemas).sort()).toEqual([...ACTION_TYPES].sort());
  });

  for (const type of ACTION_TYPES) {
    describe(type, () => {
      it('accepts a good payload', () => {
        expect(actionPayloadSchemas[type].parse(GOOD[type])).toEqual(GOOD[type]);
      });

      it('rejects something that is not an object', () => {
        for (const bad of [null, undefined, 'x', 42, [], [GOOD[type]]]) expect(accepts(type, bad)).toBe(false);
      });

      it('rejects unknown extra keys', () => {
        expect(accepts(type, { ...GOOD[type], admin: true })).toBe(false);
        // JSON.parse makes __proto__ an own key, as it arrives in a socket message.
        const json = JSON.stringify(GOOD[type]);
        const polluted: unknown = JSON.parse(json === '{}' ? '{"__proto__":{"admin":true}}' : json.replace(/^\{/, '{"__proto__":{"admin":true},'));
        expect(Object.hasOwn(polluted as object, '__proto__')).toBe(true);
        expect(accepts(type, polluted)).toBe(false);
      });

      it('rejects a payload with a field missing', () => {
        for (const key of Object.keys(GOOD[type])) {
          // Optional fields; screen:show's tableIds is the one that is required.
          if (key === 'defId' || key === 'durationMs' || (key === 'tableIds' && type !== 'screen:show')) continue;
          const { [key]: _, ...rest } = GOOD[type] as Record<string, unknown>;
          expect(accepts(type, rest), key).toBe(false);
        }
      });

      it('rejects fields of the wrong type', () => {
        for (const key of Object.keys(GOOD[type])) {
          const value = (GOOD[type] as Record<string, unknown>)[key];
          const wrong = typeof value === 'number' ? String(value) : typeof value === 'string' ? 7 : 'x';
          expect(accepts(type, { ...GOOD[type], [key]: wrong }), key).toBe(false);
          // prompt:show takes null on purpose: it clears the question from every screen.
          if (!(type === 'prompt:show' && key === 'prompt')) expect(accepts(type, { ...GOOD[type], [key]: null }), key).toBe(false);
        }
      });

      const { coords, strings } = fieldsOf(type);
      if (coords.length > 0) {
        it('rejects NaN, Infinity and coordinates off the mat (|x| or |y| > 1.3)', () => {
          for (const key of coords) {
            for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.3001, -1.31, 1e9]) {
              expect(accepts(type, { ...GOOD[type], [key]: bad }), `${key}=${bad}`).toBe(false);
            }
            for (const ok of [1.3, -1.3, 0]) expect(accepts(type, { ...GOOD[type], [key]: ok }), `${key}=${ok}`).toBe(true);
          }
        });
      }

      if (strings.length > 0) {
        it('rejects empty and oversized strings', () => {
          for (const key of strings) {
            expect(accepts(type, { ...GOOD[type], [key]: '' }), key).toBe(false);
            expect(accepts(type, { ...GOOD[type], [key]: 'x'.repeat(10_000) }), key).toBe(false);
          }
        });
      }
    });
  }
});

describe('specific payload limits', () => {
  it('caps ids at 64 characters', () => {
    expect(accepts('card:remove', { tableId: 't'.repeat(64), cardId: 'c' })).toBe(true);
    expect(accepts('card:remove', { tableId: 't'.repeat(65), cardId: 'c' })).toBe(false);
  });

  it('trims names and refuses a name of only spaces or over 40 characters', () => {
    expect(actionPayloadSchemas['seat:claim'].parse({ tableId: 't1', roleId: 'tess', name: '  Anna  ' }).name).toBe('Anna');
    expect(accepts('seat:claim', { tableId: 't1', roleId: 'tess', name: '    ' })).toBe(false);
    expect(accepts('seat:claim', { tableId: 't1', roleId: 'tess', name: 'n'.repeat(40) })).toBe(true);
    expect(accepts('seat:claim', { tableId: 't1', roleId: 'tess', name: 'n'.repeat(41) })).toBe(false);
    expect(accepts('table:add', { name: '   ' })).toBe(false);
    expect(accepts('table:add', { name: 'n'.repeat(41) })).toBe(false);
  });

  it('accepts a blank card with a label instead of a defId', () => {
    expect(actionPayloadSchemas['card:place'].parse({ tableId: 't1', label: ' Buurvrouw ', x: 0.3, y: 0 })).toEqual({
      tableId: 't1',
      label: 'Buurvrouw',
      x: 0.3,
      y: 0,
    });
  });

  it('rejects a card with both a defId and a label, or with neither', () => {
    expect(accepts('card:place', { tableId: 't1', defId: 'bijbaan', label: 'Bijbaan', x: 0.3, y: 0 })).toBe(false);
    expect(accepts('card:place', { tableId: 't1', x: 0.3, y: 0 })).toBe(false);
  });

  it('rejects a blank card label of only spaces or over 80 characters', () => {
    expect(accepts('card:place', { tableId: 't1', label: '   ', x: 0.3, y: 0 })).toBe(false);
    expect(accepts('card:place', { tableId: 't1', label: 'l'.repeat(80), x: 0.3, y: 0 })).toBe(true);
    expect(accepts('card:place', { tableId: 't1', label: 'l'.repeat(81), x: 0.3, y: 0 })).toBe(false);
  });

  it('accepts only whole, non-negative revs', () => {
    for (const rev of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(accepts('card:move', { ...GOOD['card:move'], rev }), String(rev)).toBe(false);
      expect(accepts('token:move', { ...GOOD['token:move'], rev }), String(rev)).toBe(false);
    }
    expect(accepts('card:move', { ...GOOD['card:move'], rev: 12 })).toBe(true);
  });

  it('accepts each of the four steps and nothing else', () => {
    for (const step of STEPS) expect(accepts('step:set', { step })).toBe(true);
    for (const step of ['pauze', 'Spelen', '']) expect(accepts('step:set', { step })).toBe(false);
  });

  it('fires an event at all tables or at 1 to 12 named tables', () => {
    expect(accepts('event:fire', { eventId: 'achttien' })).toBe(true);
    expect(accepts('event:fire', { eventId: 'achttien', tableIds: [] })).toBe(false);
    expect(accepts('event:fire', { eventId: 'achttien', tableIds: Array.from({ length: 13 }, (_, i) => `t${i + 1}`) })).toBe(false);
    expect(accepts('event:fire', { eventId: 'achttien', tableIds: ['t1', 2] })).toBe(false);
  });
});

describe('payload limits of the facilitation, poll and insight actions', () => {
  it('takes a note of up to MAX_NOTE characters, trimmed, and an empty one to clear it', () => {
    expect(actionPayloadSchemas['card:note'].parse({ ...GOOD['card:note'], note: '  dinsdag ' }).note).toBe('dinsdag');
    expect(accepts('card:note', { ...GOOD['card:note'], note: '' })).toBe(true);
    expect(accepts('card:note', { ...GOOD['card:note'], note: 'n'.repeat(MAX_NOTE) })).toBe(true);
    expect(accepts('card:note', { ...GOOD['card:note'], note: 'n'.repeat(MAX_NOTE + 1) })).toBe(false);
  });

  it('takes an insight of up to MAX_INSIGHT characters, and not one of only spaces', () => {
    expect(accepts('insight:add', { text: 'i'.repeat(MAX_INSIGHT) })).toBe(true);
    expect(accepts('insight:add', { text: 'i'.repeat(MAX_INSIGHT + 1) })).toBe(false);
    expect(accepts('insight:add', { text: '   ' })).toBe(false);
  });

  it('accepts only whole, non-negative poll options', () => {
    for (const option of [-1, 0.5, Number.NaN, 21]) expect(accepts('poll:answer', { pollId: 'p', option }), String(option)).toBe(false);
    for (const option of [0, 4, 20]) expect(accepts('poll:answer', { pollId: 'p', option }), String(option)).toBe(true);
  });

  it('shows one to six tables on the big screen, never none or seven', () => {
    expect(accepts('screen:show', { tableIds: ['t1'] })).toBe(true);
    expect(accepts('screen:show', { tableIds: [] })).toBe(false);
    expect(accepts('screen:show', { tableIds: ['t1', 't2', 't3'] })).toBe(true);
    expect(accepts('screen:show', { tableIds: ['t1', 't2', 't3', 't4', 't5', 't6'] })).toBe(true);
    expect(accepts('screen:show', { tableIds: ['t1', 't2', 't3', 't4', 't5', 't6', 't7'] })).toBe(false);
    expect(accepts('screen:show', {})).toBe(false);
  });

  it('asks insight:set for hidden, revealed or both', () => {
    expect(accepts('insight:set', { insightId: 'i1' })).toBe(false);
    expect(accepts('insight:set', { insightId: 'i1', revealed: true })).toBe(true);
    expect(accepts('insight:set', { insightId: 'i1', hidden: false, revealed: true })).toBe(true);
  });

  it('accepts each kind of question, a praatplaat one only with its group and index', () => {
    const prompts = [
      { kind: 'step', step: 'spelen', index: 0 },
      { kind: 'event', eventId: 'achttien', index: 2 },
      { kind: 'reflection', index: 0 },
      { kind: 'praatplaat', group: 1, index: 3 },
    ];
    for (const prompt of prompts) expect(accepts('prompt:show', { prompt }), prompt.kind).toBe(true);
    expect(accepts('prompt:show', { prompt: { kind: 'praatplaat', index: 3 } })).toBe(false);
    expect(accepts('prompt:show', { prompt: { kind: 'praatplaat', group: -1, index: 3 } })).toBe(false);
    expect(accepts('prompt:show', { prompt: { kind: 'praatplaat', group: 0, index: 0, extra: 1 } })).toBe(false);
    expect(accepts('prompt:show', { prompt: { kind: 'poster', index: 0 } })).toBe(false);
    expect(accepts('prompt:show', { prompt: null, tableIds: ['t2'] })).toBe(true);
  });

  it('names the tables of every facilitator control as 1 to 12 ids, or leaves them out', () => {
    const controls = ['step:summon', 'timer:pause', 'timer:reset', 'cards:reveal', 'insights:reveal'] as const;
    for (const type of controls) {
      expect(accepts(type, {}), type).toBe(true);
      expect(accepts(type, { tableIds: ['t1'] }), type).toBe(true);
      expect(accepts(type, { tableIds: [] }), type).toBe(false);
      expect(accepts(type, { tableIds: Array.from({ length: 13 }, (_, i) => `t${i + 1}`) }), type).toBe(false);
    }
    expect(accepts('situation:reveal', { all: true, tableIds: ['t1'] })).toBe(true);
    expect(accepts('board:lock', { locked: true, tableIds: [7] })).toBe(false);
  });

  it('rejects a poll:dismiss that carries anything', () => {
    expect(accepts('poll:dismiss', { pollId: 'p' })).toBe(false);
  });
});

describe('request envelope and drag frames', () => {
  it('accepts a request envelope and rejects a short action id or a negative base version', () => {
    expect(actionRequestSchema.safeParse({ actionId: 'abcdefgh', baseVersion: 0, payload: {} }).success).toBe(true);
    expect(actionRequestSchema.safeParse({ actionId: 'abc', baseVersion: 0, payload: {} }).success).toBe(false);
    expect(actionRequestSchema.safeParse({ actionId: 'abcdefgh', baseVersion: -1, payload: {} }).success).toBe(false);
    expect(actionRequestSchema.safeParse({ actionId: 'abcdefgh', baseVersion: 0, payload: {}, extra: 1 }).success).toBe(false);
  });

  it('accepts a drag frame on the mat and rejects one off it', () => {
    const frame = { tableId: 't1', kind: 'card', id: 'bijbaan', x: 0.2, y: 0.2 };
    expect(dragFrameSchema.safeParse(frame).success).toBe(true);
    expect(dragFrameSchema.safeParse({ ...frame, x: 1.5 }).success).toBe(false);
    expect(dragFrameSchema.safeParse({ ...frame, y: Number.NaN }).success).toBe(false);
    expect(dragFrameSchema.safeParse({ ...frame, kind: 'seat' }).success).toBe(false);
  });

  it('describes a failure in one line naming the field', () => {
    const result = actionPayloadSchemas['card:move'].safeParse({ ...GOOD['card:move'], x: 'left' });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeZodError(result.error)).toMatch(/^x: /);
  });
});
