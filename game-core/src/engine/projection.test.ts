import { describe, expect, it } from 'vitest';
import type { ActionPayloads, ActionType, CommittedAction, Viewer } from '../protocol/index';
import type { Actor, SessionState } from '../state/types';
import { GUEST, HOST, accepted, makeState, seat } from '../testing/fixtures';
import { pollTally } from '../rules/poll';
import { applyAction } from './applyAction';
import { playerView, projectAction, viewerKey } from './projection';

const SECRET_LABEL = 'Geheime buurvrouw Jansen';
const SECRET_NOTE = 'bel mevrouw Jansen';
const SECRET_INSIGHT = 'cliënt Pietersen';

function action<K extends ActionType>(version: number, type: K, payload: ActionPayloads[K], actor: Actor): CommittedAction {
  return { version, actionId: `a-${version}`, type, payload, actor, at: 10_000 + version };
}

/** A workshop with three players at two tables, private cards, a poll, insights and an erasure. */
function workshopLog(): CommittedAction[] {
  return [
    action(1, 'seat:claim', { tableId: 't1', roleId: 'pleegmoeder', name: 'Anna' }, GUEST),
    action(2, 'seat:claim', { tableId: 't1', roleId: 'tess', name: 'Bram' }, GUEST),
    action(3, 'seat:claim', { tableId: 't2', roleId: 'consulent', name: 'Cas' }, GUEST),
    action(4, 'situation:reveal', { all: false }, HOST),
    action(5, 'situation:reveal', { all: true, tableIds: ['t1'] }, HOST),
    action(6, 'step:set', { step: 'spelen' }, HOST),
    action(7, 'card:place', { tableId: 't1', defId: 'bijbaan', x: 0.3, y: -0.1 }, seat('s1')),
    action(8, 'privacy:set', { private: true, tableIds: ['t1'] }, HOST),
    action(9, 'card:place', { tableId: 't1', label: SECRET_LABEL, x: -0.5, y: 0.1 }, seat('s1')),
    action(10, 'card:place', { tableId: 't1', defId: 'zorgtoeslag', x: 0, y: 0.9 }, seat('s2')),
    action(11, 'card:move', { tableId: 't1', cardId: 'blank-9', x: -0.45, y: 0.15, rev: 0 }, seat('s1')),
    action(12, 'card:note', { tableId: 't1', cardId: 'blank-9', note: SECRET_NOTE }, seat('s1')),
    action(13, 'link:add', { tableId: 't1', from: 'blank-9', to: 'bijbaan' }, seat('s1')),
    action(14, 'card:place', { tableId: 't2', label: 'Tafel twee', x: 0.5, y: 0.2 }, seat('s3')),
    action(15, 'token:move', { tableId: 't2', roleId: 'consulent', x: 0.1, y: 0.1, rev: 0 }, seat('s3')),
    action(16, 'poll:open', { pollId: 'wonen-straks' }, HOST),
    action(17, 'poll:answer', { pollId: 'wonen-straks', option: 1 }, seat('s1')),
    action(18, 'poll:answer', { pollId: 'wonen-straks', option: 2 }, seat('s2')),
    action(19, 'poll:answer', { pollId: 'wonen-straks', option: 0 }, seat('s3')),
    action(20, 'poll:answer', { pollId: 'wonen-straks', option: 2 }, seat('s1')),
    action(21, 'poll:reveal', { pollId: 'wonen-straks', revealed: true }, HOST),
    action(22, 'poll:answer', { pollId: 'wonen-straks', option: 1 }, seat('s3')),
    action(23, 'poll:close', { pollId: 'wonen-straks' }, HOST),
    action(24, 'card:remove', { tableId: 't1', cardId: 'zorgtoeslag' }, seat('s2')),
    action(25, 'card:place', { tableId: 't1', defId: 'zorgtoeslag', x: 0.1, y: 0.9 }, seat('s2')),
    action(26, 'cards:reveal', { tableIds: ['t1'] }, HOST),
    action(27, 'card:redact', { tableId: 't1', cardId: 'blank-9' }, HOST),
    action(28, 'privacy:set', { private: false, tableIds: ['t1'] }, HOST),
    action(29, 'table:add', { name: 'Tafel 3' }, HOST),
    action(30, 'event:fire', { eventId: 'achttien', tableIds: ['t1'] }, HOST),
    action(31, 'seat:reassign', { seatId: 's2', tableId: 't3', roleId: 'tess' }, HOST),
    action(32, 'step:set', { step: 'reflectie' }, HOST),
    action(33, 'insight:add', { text: 'Oma is belangrijk' }, seat('s1')),
    action(34, 'insight:add', { text: `Naam van ${SECRET_INSIGHT}` }, seat('s3')),
    action(35, 'insight:set', { insightId: 'i34', hidden: true }, HOST),
    action(36, 'insights:reveal', {}, HOST),
    action(37, 'insight:remove', { insightId: 'i34' }, HOST),
    action(38, 'seat:release', { seatId: 's3' }, HOST),
    action(39, 'screen:show', { tableIds: ['t1', 't3'] }, HOST),
  ];
}

/** Who each viewer is at a version: a player is a guest until their seat is claimed and after it is released. */
type Who = (version: number) => Viewer;
const WHO: Record<string, Who> = {
  host: () => ({ kind: 'host' }),
  screen: () => ({ kind: 'screen' }),
  guest: () => ({ kind: 'guest' }),
  s1: (v) => (v >= 1 ? { kind: 'seat', seatId: 's1' } : { kind: 'guest' }),
  s2: (v) => (v >= 2 ? { kind: 'seat', seatId: 's2' } : { kind: 'guest' }),
  s3: (v) => (v >= 3 && v < 38 ? { kind: 'seat', seatId: 's3' } : { kind: 'guest' }),
};

/** Deck order carries no meaning; a withheld card's place in it may differ between replicas. */
function normal(state: SessionState): SessionState {
  const tables = Object.fromEntries(Object.entries(state.tables).map(([id, t]) => [id, { ...t, deck: [...t.deck].sort() }]));
  return JSON.parse(JSON.stringify({ ...state, tables })) as SessionState;
}

/** Plays the log on the server's state and on one replica per viewer; returns what each received. */
function play() {
  let state = makeState({ seats: false, staged: true });
  const replicas = Object.fromEntries(Object.entries(WHO).map(([name, who]) => [name, playerView(state, who(0))]));
  const received: Record<string, string[]> = Object.fromEntries(Object.keys(WHO).map((n) => [n, [JSON.stringify(replicas[n])]]));
  for (const a of workshopLog()) {
    const before = state;
    state = accepted(applyAction(before, a));
    for (const [name, who] of Object.entries(WHO)) {
      const viewer = who(a.version);
      // A connection whose viewer changed (a seat released) is sent its new view whole.
      const changed = viewerKey(viewer) !== viewerKey(who(a.version - 1)) && a.type === 'seat:release';
      const out = changed ? { kind: 'replaced' as const, version: a.version, state: playerView(state, viewer) } : projectAction(a, before, state, viewer);
      received[name]!.push(JSON.stringify(out));
      if (out.kind === 'action') {
        const r = applyAction(replicas[name]!, out.action);
        if (!r.ok) throw new Error(`${name} could not apply ${a.type} at ${a.version}: ${r.message}`);
        replicas[name] = r.state;
      } else if (out.kind === 'replaced') replicas[name] = out.state;
      else if (out.kind === 'patched') replicas[name] = { ...replicas[name]!, ...out.patch };
      expect(normal(replicas[name]!), `${name} after ${a.version} ${a.type}`).toEqual(normal(playerView(state, viewer)));
    }
  }
  return { state, replicas, received };
}

describe('projectAction', () => {
  it('keeps every replica equal to its own view after each action of a workshop', () => {
    const { state, replicas } = play();
    expect(replicas.host).toEqual(state);
  });

  it('sends a private card, its note and its link to nobody but its placer and the host until the reveal', () => {
    const { received } = play();
    for (const name of ['s2', 's3', 'screen', 'guest']) {
      const beforeReveal = received[name]!.slice(0, 26).join('\n');
      expect(beforeReveal).not.toContain(SECRET_LABEL);
      expect(beforeReveal).not.toContain(SECRET_NOTE);
      expect(beforeReveal).not.toContain('blank-9');
    }
    // The deck card s2 placed privately at version 10 is not given away either.
    for (const name of ['s1', 's3', 'screen', 'guest']) expect(received[name]![10]).not.toContain('zorgtoeslag');
    expect(received.s1!.join('\n')).toContain(SECRET_LABEL);
  });

  it('sends no viewer but the voter who voted what', () => {
    const { received } = play();
    for (const [name, lines] of Object.entries(received)) {
      if (name === 'host') continue;
      for (const line of lines) {
        const text = JSON.stringify(JSON.parse(line));
        for (const other of ['s1', 's2', 's3'].filter((s) => s !== name)) expect(text).not.toMatch(new RegExp(`"answers":\\{[^}]*"${other}"`));
      }
    }
  });

  it('counts the others votes as they come in, without their options until the result is shown', () => {
    const log = workshopLog();
    let state = makeState({ seats: false, staged: true });
    for (const a of log.slice(0, 19)) state = accepted(applyAction(state, a));
    expect(playerView(state, { kind: 'screen' }).polls['wonen-straks']!.answers).toEqual({ '~0': -1, '~1': -1, '~2': -1 });
    expect(playerView(state, { kind: 'seat', seatId: 's2' }).polls['wonen-straks']!.answers).toEqual({ s2: 2, '~0': -1, '~1': -1 });
    expect(pollTally(playerView(state, { kind: 'screen' }), 'wonen-straks')).toEqual([0, 0, 0]);
  });

  it('shows the others counts once the result is revealed, without their seats', () => {
    const { replicas } = play();
    const answers = replicas.s1!.polls['wonen-straks']!.answers;
    expect(answers.s1).toBe(2);
    expect(Object.values(answers).sort()).toEqual([1, 2, 2]);
    expect(replicas.screen!.polls['wonen-straks']!.answers).toEqual({ '~0': 1, '~1': 2, '~2': 2 });
  });

  it('sends a hidden or unrevealed insight to nobody but its writer and the host', () => {
    const { received } = play();
    for (const name of ['s1', 's2', 'screen', 'guest']) expect(received[name]!.join('\n')).not.toContain(SECRET_INSIGHT);
  });

  it('gives the screen and guests no player names, and a player only the names at their table', () => {
    const { received } = play();
    for (const name of ['screen', 'guest']) for (const n of ['Anna', 'Bram', 'Cas']) expect(received[name]!.join('\n')).not.toContain(n);
    expect(received.s3!.join('\n')).not.toContain('Anna');
    expect(received.s1!.join('\n')).toContain('Bram');
  });

  it('gives a guest the free roles and no board, poll or insight', () => {
    const { state } = play();
    const view = playerView(state, { kind: 'guest' });
    expect(Object.values(view.seats).map((s) => [s.tableId, s.roleId, s.name])).toEqual([
      ['t1', 'pleegmoeder', ''],
      ['t3', 'tess', ''],
    ]);
    for (const table of Object.values(view.tables)) expect([Object.keys(table.cards).length, table.links.length, table.deck.length]).toEqual([0, 0, 0]);
    expect(view.insights).toEqual([]);
    expect(view.polls['wonen-straks']!.answers).toEqual({});
  });

  it('sends the start cards to nobody but the host until the facilitator brings them onto the wheel', () => {
    const start = makeState({ seats: false, staged: true });
    expect(Object.keys(start.tables.t1!.cards).length).toBeGreaterThan(0);
    for (const viewer of [{ kind: 'screen' }, { kind: 'guest' }] as Viewer[]) expect(playerView(start, viewer).tables.t1!.cards).toEqual({});
    const log = workshopLog();
    let state = start;
    for (const a of log.slice(0, 3)) state = accepted(applyAction(state, a));
    const after = accepted(applyAction(state, log[3]!));
    const out = projectAction(log[3]!, state, after, { kind: 'seat', seatId: 's1' });
    expect(out.kind).toBe('patched');
    expect(out.kind === 'patched' && Object.values(out.patch.tables!.t1!.cards).map((c) => c.id)).toEqual(['zelf-koken']);
  });

  it('withholds the facilitator pausing a private card from everyone but its placer', () => {
    let state = makeState({ seats: false, staged: true });
    for (const a of workshopLog().slice(0, 9)) state = accepted(applyAction(state, a));
    const pause = action(10, 'card:pause', { tableId: 't1', cardId: 'blank-9', paused: true }, HOST);
    const after = accepted(applyAction(state, pause));
    expect(projectAction(pause, state, after, { kind: 'seat', seatId: 's2' })).toEqual({ kind: 'withheld', version: 10 });
    expect(projectAction(pause, state, after, { kind: 'screen' })).toEqual({ kind: 'withheld', version: 10 });
    const own = projectAction(pause, state, after, { kind: 'seat', seatId: 's1' });
    expect(own.kind === 'action' && applyAction(playerView(state, { kind: 'seat', seatId: 's1' }), own.action).ok).toBe(true);
  });

  it('withholds a move on another table from a player, with only the version', () => {
    const log = workshopLog();
    let state = makeState({ seats: false, staged: true });
    for (const a of log.slice(0, 14)) state = accepted(applyAction(state, a));
    const after = accepted(applyAction(state, log[14]!));
    expect(projectAction(log[14]!, state, after, { kind: 'seat', seatId: 's1' })).toEqual({ kind: 'withheld', version: 15 });
    expect(projectAction(log[14]!, state, after, { kind: 'seat', seatId: 's3' })).toEqual({ kind: 'action', action: log[14] });
  });
});
