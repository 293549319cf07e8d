import { describe, expect, it } from 'vitest';
import { ERASED_TEXT, type ActionPayloads, type ActionType, type CommittedAction } from '../protocol/index';
import type { Actor } from '../state/types';
import { GUEST, HOST, makeState, seat } from '../testing/fixtures';
import { replay } from './applyAction';
import { erasures } from './erasure';

function action<K extends ActionType>(version: number, type: K, payload: ActionPayloads[K], actor: Actor): CommittedAction {
  return { version, actionId: `a-${version}`, type, payload, actor, at: 10_000 + version };
}

const log = (): CommittedAction[] => [
  action(1, 'seat:claim', { tableId: 't1', roleId: 'pleegmoeder', name: 'Anna' }, GUEST),
  action(2, 'card:place', { tableId: 't1', label: 'Meneer de Vries', x: -0.5, y: 0.1 }, seat('s1')),
  action(3, 'card:note', { tableId: 't1', cardId: 'blank-2', note: 'woont Dorpsstraat 4' }, seat('s1')),
  action(4, 'card:note', { tableId: 't1', cardId: 'blank-2', note: 'woont Dorpsstraat 6' }, seat('s1')),
  action(5, 'card:note', { tableId: 't1', cardId: 'oma-belt', note: 'blijft staan' }, HOST),
  action(6, 'insight:add', { text: 'Mevrouw Bakker had gelijk' }, seat('s1')),
  action(7, 'insight:add', { text: 'Oma telt mee' }, seat('s1')),
  action(8, 'insight:remove', { insightId: 'i6' }, HOST),
  action(9, 'card:redact', { tableId: 't1', cardId: 'blank-2' }, HOST),
];

/** The log as storage holds it after applying the rewrites of every erasing action in it. */
function rewritten(actions: CommittedAction[]): CommittedAction[] {
  let out = actions;
  for (const removal of actions.filter((a) => a.type === 'insight:remove' || a.type === 'card:redact')) {
    const rewrites = new Map(erasures(out, removal).map((r) => [r.version, r.payload]));
    out = out.map((a) => (rewrites.has(a.version) ? { ...a, payload: rewrites.get(a.version)! } : a));
  }
  return out;
}

describe('erasures', () => {
  const start = () => makeState({ seats: false });

  it('rewrites every earlier action that carried the removed words', () => {
    const text = JSON.stringify(rewritten(log()));
    for (const secret of ['Meneer de Vries', 'Dorpsstraat', 'Mevrouw Bakker']) expect(text).not.toContain(secret);
    expect(text).toContain('Oma telt mee');
    expect(text).toContain('blijft staan');
  });

  it('leaves a log that replays to the same state as before the rewrite', () => {
    expect(replay(start(), rewritten(log()))).toEqual(replay(start(), log()));
  });

  it('leaves the redacted card in its place with the erased label and no note', () => {
    const card = replay(start(), log()).tables.t1!.cards['blank-2']!;
    expect([card.label, card.note, card.x]).toEqual([ERASED_TEXT, '', -0.5]);
  });

  it('rewrites nothing for an action that erases nothing', () => {
    expect(erasures(log(), log()[4]!)).toEqual([]);
  });
});
