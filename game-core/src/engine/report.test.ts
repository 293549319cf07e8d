import { describe, expect, it } from 'vitest';
import type { ActionPayloads, ActionType, CommittedAction } from '../protocol/index';
import type { Actor } from '../state/types';
import { GUEST, HOST, makeState, seat } from '../testing/fixtures';
import { replay } from './applyAction';
import { buildReport, shownBoards } from './report';

function action<K extends ActionType>(version: number, type: K, payload: ActionPayloads[K], actor: Actor): CommittedAction {
  return { version, actionId: `a-${version}`, type, payload, actor, at: 10_000 + version };
}

/** Two tables; table 1 plays, links two cards, meets the event, votes and reflects. */
function playedLog(): CommittedAction[] {
  return [
    action(1, 'seat:claim', { tableId: 't1', roleId: 'pleegmoeder', name: 'Anna' }, GUEST),
    action(2, 'seat:claim', { tableId: 't1', roleId: 'consulent', name: 'Bram' }, GUEST),
    action(3, 'seat:claim', { tableId: 't2', roleId: 'mentor', name: 'Cees' }, GUEST),
    action(4, 'poll:open', { pollId: 'zelf-redden' }, HOST),
    action(5, 'poll:answer', { pollId: 'zelf-redden', option: 3 }, seat('s1')),
    action(6, 'poll:answer', { pollId: 'zelf-redden', option: 1 }, seat('s2')),
    action(7, 'poll:answer', { pollId: 'zelf-redden', option: 3 }, seat('s3')),
    action(8, 'poll:close', { pollId: 'zelf-redden' }, HOST),
    action(9, 'situation:reveal', { all: true, tableIds: ['t1'] }, HOST),
    action(10, 'step:set', { step: 'spelen', tableIds: ['t1'] }, HOST),
    action(11, 'card:place', { tableId: 't1', defId: 'bijbaan', x: 0.3, y: -0.1 }, seat('s1')),
    action(12, 'card:note', { tableId: 't1', cardId: 'bijbaan', note: 'alleen op zaterdag' }, seat('s1')),
    action(13, 'link:add', { tableId: 't1', from: 'oma-belt', to: 'bijbaan' }, seat('s2')),
    action(14, 'event:fire', { eventId: 'achttien', tableIds: ['t1'] }, HOST),
    action(15, 'step:set', { step: 'reflectie', tableIds: ['t1'] }, HOST),
    action(16, 'prompt:show', { prompt: { kind: 'reflection', index: 0 }, tableIds: ['t1'] }, HOST),
    action(17, 'insight:add', { text: 'Samen weten we meer' }, seat('s1')),
    action(18, 'insight:add', { text: 'Iets onaardigs' }, seat('s2')),
    action(19, 'insight:set', { insightId: 'i18', hidden: true }, HOST),
    action(20, 'seat:release', { seatId: 's1' }, HOST),
  ];
}

function report() {
  const initial = { version: 0, state: makeState({ seats: false, staged: true }) };
  return { initial, log: playedLog(), report: buildReport(initial, playedLog(), { generatedAt: 99_000 }) };
}

describe('buildReport', () => {
  it('describes the session and scenario in the scenario language', () => {
    const { report: r } = report();
    expect(r.generatedAt).toBe(99_000);
    expect(r.language).toBe('nl');
    expect(r.session).toEqual({ sessionId: 'sess-1', code: 'TESS18', createdAt: 1_000, lastActionAt: 10_020, version: 20 });
    expect(r.scenario).toMatchObject({ id: 'tess-test', title: 'Tess wordt 18 (test)', persona: { name: 'Tess', age: 17 } });
    expect(r.supportTypes.map((s) => s.label)).toEqual(['Eigen kracht', 'Informeel netwerk', 'Gemeente (professioneel)', 'Landelijk / provinciaal (professioneel)']);
    expect(r.sectors).toHaveLength(6);
    expect(r.roles.map((x) => x.name)).toContain('Wmo-consulent');
    expect(r.events).toEqual([{ eventId: 'achttien', title: 'Tess wordt 18', narrative: 'De jeugdhulp stopt.', tableIds: ['t1'], version: 14, at: 10_014 }]);
  });

  it('keeps the board at the start of play, before and after each event, and at the end', () => {
    const { initial, log, report: r } = report();
    const t1 = r.tables[0]!;
    expect(t1.boards.map((b) => [b.kind, b.version, b.label])).toEqual([
      ['start', 10, 'Begin van het spel'],
      ['before', 13, 'Voor: Tess wordt 18'],
      ['after', 14, 'Na: Tess wordt 18'],
      ['end', 20, 'Einde van de sessie'],
    ]);
    const before = t1.boards[1]!.table;
    const after = t1.boards[2]!.table;
    expect(before.cards.jeugdhulp).toBeDefined();
    expect(after.cards.jeugdhulp).toBeUndefined();
    expect(t1.boards[3]!.table).toEqual(replay(initial.state, log).tables.t1);
  });

  it('says what changed on each board since the one before it', () => {
    const boards = report().report.tables[0]!.boards;
    expect(boards[0]!.changes).toBeNull();
    expect(boards[1]!.changes).toMatchObject({ added: ['bijbaan'], moved: [], linksAdded: [expect.any(String)] });
    expect(boards[2]!.changes?.removed.map((c) => c.id)).toEqual(['jeugdhulp']);
    expect(boards[3]!.changes).toEqual({ added: [], removed: [], moved: [], paused: [], resumed: [], roles: [], linksAdded: [], linksRemoved: [] });
  });

  it('shows every board except a "before" board identical to the board just before it', () => {
    const boards = report().report.tables[0]!.boards;
    // Table 1 changed between the start and the event, so all four boards are shown.
    expect(shownBoards(boards).map((b) => b.kind)).toEqual(['start', 'before', 'after', 'end']);
    const same = { added: [], removed: [], moved: [], paused: [], resumed: [], roles: [], linksAdded: [], linksRemoved: [] };
    const unchangedBefore = { ...boards[1]!, changes: same };
    expect(shownBoards([boards[0]!, unchangedBefore, boards[2]!]).map((b) => b.kind)).toEqual(['start', 'after']);
  });

  it('gives the wheel the short label of every scenario card that has one', () => {
    const state = makeState({ seats: false, staged: true });
    const card = state.scenario.cards[0]!;
    const scenario = { ...state.scenario, cards: [{ ...card, short: 'Kort' }, ...state.scenario.cards.slice(1)] };
    const r = buildReport({ version: 0, state: { ...state, scenario } }, [], { generatedAt: 1 });
    expect(r.scenario.wheelLabels).toEqual({ [card.id]: 'Kort' });
  });

  it('takes the board just before an event as the start of play when the event comes before step 3', () => {
    const initial = { version: 0, state: makeState({ seats: false, staged: true }) };
    const log = [action(1, 'event:fire', { eventId: 'achttien', tableIds: ['t2'] }, HOST)];
    const boards = buildReport(initial, log, { generatedAt: 0 }).tables[1]!.boards;
    expect(boards.map((b) => [b.kind, b.version])).toEqual([
      ['start', 0],
      ['before', 0],
      ['after', 1],
      ['end', 1],
    ]);
    // The event brings the waiting start cards onto the wheel; the start board had none yet.
    expect(Object.keys(boards[0]!.table.cards)).toEqual([]);
    expect(boards[2]!.changes?.added).toContain('zelf-koken');
  });

  it('leaves start cards that never came onto the wheel out of a board', () => {
    const t2 = report().report.tables[1]!;
    expect(t2.boards.map((b) => b.kind)).toEqual(['end']);
    expect(Object.keys(t2.boards[0]!.table.cards)).toEqual([]);
    expect(t2.cards).toEqual([]);
  });

  it('lists every card with its support type, domain, note, law, role and origin', () => {
    const cards = report().report.tables[0]!.cards;
    const bijbaan = cards.find((c) => c.id === 'bijbaan');
    expect(bijbaan).toMatchObject({
      label: 'Bijbaan',
      supportType: 'eigen',
      supportTypeLabel: 'Eigen kracht',
      note: 'alleen op zaterdag',
      origin: 'player',
      eventId: null,
      hidden: false,
    });
    expect(bijbaan?.sectorLabel).toBeTruthy();
    expect(cards.find((c) => c.id === 'oma-belt')).toMatchObject({ origin: 'start', roleName: 'Pleegmoeder', supportType: 'informeel', sectorId: 'sociaal', sectorLabel: 'sociaal' });
    expect(cards.find((c) => c.id === 'jeugdhulp')).toBeUndefined();
    // Innermost ring first.
    expect(cards[0]?.supportType).toBe('eigen');
    expect(cards.at(-1)?.supportType).toBe('landelijk');
  });

  it('lists the cards an event ended, and the connections by label', () => {
    const t1 = report().report.tables[0]!;
    expect(t1.ended).toEqual([
      { id: 'jeugdhulp', label: 'Jeugdhulp', supportType: 'gemeente', supportTypeLabel: 'Gemeente (professioneel)', sectorLabel: 'gezondheid', eventId: 'achttien', eventTitle: 'Tess wordt 18', reason: null },
    ]);
    expect(t1.links).toEqual([{ id: expect.any(String), from: 'oma-belt', to: 'bijbaan', fromLabel: 'Oma belt elke week', toLabel: 'Bijbaan' }]);
  });

  it('gives insights with the role and the question, never the player, and leaves hidden ones out', () => {
    const { report: r } = report();
    const insights = r.tables[0]!.insights;
    expect(insights).toEqual([
      { id: 'i17', text: 'Samen weten we meer', roleName: 'Pleegmoeder', prompt: { kind: 'reflection', index: 0 }, promptText: 'Wat viel je op?', revealed: false, at: 10_017 },
    ]);
    expect(JSON.stringify(r.tables[0]!.insights)).not.toContain('Anna');
  });

  it('counts poll answers per table and overall, with the standard scale labels', () => {
    const { report: r } = report();
    expect(r.polls).toEqual([
      { pollId: 'zelf-redden', kind: 'scale', question: 'Met 18 red je het zelf.', options: ['Helemaal oneens', 'Oneens', 'Neutraal', 'Eens', 'Helemaal eens'], counts: [0, 1, 0, 2, 0], total: 3 },
    ]);
    // Anna's seat was released afterwards; her answer still counts for the table she sat at.
    expect(r.tables[0]!.polls).toEqual([{ pollId: 'zelf-redden', counts: [0, 1, 0, 1, 0], total: 2 }]);
    expect(r.tables[1]!.polls).toEqual([{ pollId: 'zelf-redden', counts: [0, 0, 0, 1, 0], total: 1 }]);
  });

  it('uses English words for an English scenario', () => {
    const state = makeState({ seats: false, staged: true });
    const english = { ...state, scenario: { ...state.scenario, meta: { ...state.scenario.meta, language: 'en' as const } } };
    const r = buildReport({ version: 0, state: english }, playedLog(), { generatedAt: 0 });
    expect(r.polls[0]?.options).toEqual(['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree']);
    expect(r.tables[0]!.boards[1]!.label).toBe('Before: Tess wordt 18');
    expect(r.supportTypes[0]?.label).toBe('Own strength');
  });

  it('names only the seats still at a table, with their role', () => {
    const t1 = report().report.tables[0]!;
    expect(t1.seats).toEqual([{ name: 'Bram', roleId: 'consulent', roleName: 'Wmo-consulent' }]);
  });

  it('marks paused cards, what paused them, and every role text an event rewrote, old and new', () => {
    const state = makeState({ seats: false, staged: true });
    const achttien = state.scenario.events[0]!;
    const scenario = {
      ...state.scenario,
      events: [
        {
          ...achttien,
          effects: [
            ...achttien.effects,
            { kind: 'pause' as const, card: 'zelf-koken', reason: 'Eerst verhuizen' },
            { kind: 'role' as const, role: 'consulent', law: 'Participatiewet', reason: 'Tess is nu volwassen' },
          ],
        },
      ],
    };
    const log = [...playedLog().slice(0, 14), action(15, 'card:pause', { tableId: 't1', cardId: 'oma-belt', paused: true }, HOST)];
    const r = buildReport({ version: 0, state: { ...state, scenario } }, log, { generatedAt: 0 });
    const t1 = r.tables[0]!;
    expect(t1.cards.find((c) => c.id === 'zelf-koken')?.paused).toEqual({ eventId: 'achttien', eventTitle: 'Tess wordt 18', reason: 'Eerst verhuizen' });
    expect(t1.cards.find((c) => c.id === 'oma-belt')?.paused).toEqual({ eventId: null, eventTitle: null, reason: null });
    expect(t1.cards.find((c) => c.id === 'bijbaan')?.paused).toBeNull();
    expect(t1.roleChanges).toEqual([
      {
        roleId: 'consulent',
        roleName: 'Wmo-consulent',
        eventId: 'achttien',
        eventTitle: 'Tess wordt 18',
        reason: 'Tess is nu volwassen',
        changes: [{ field: 'law', before: 'Wmo 2015', after: 'Participatiewet' }],
      },
    ]);
    // The board after the event says what the event paused; the end board what the facilitator did.
    const after = t1.boards.find((b) => b.kind === 'after')!;
    expect(after.changes).toMatchObject({ paused: ['zelf-koken'] });
    expect(after.changes?.roles).toHaveLength(1);
    expect(t1.boards.at(-1)!.changes).toMatchObject({ paused: ['oma-belt'] });
    expect(r.tables[1]!.roleChanges).toEqual([]);
  });
});
