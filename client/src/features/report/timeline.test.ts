import { cellPoint, createSession, type CommittedAction, type Scenario } from '@samenspel/game-core';
import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../../i18n';
import { committed, scenario as mini } from '../../test/fixtures';
import { describeAction, describeChanges } from './describe';
import { buildTimeline, firedEventsAt, latestState, markers, stateAtVersion, tableMoments } from './timeline';
import { attachmentName } from './api';

const scenario: Scenario = {
  ...mini,
  events: [
    {
      id: 'achttien',
      title: 'Tess wordt 18',
      narrative: 'Tess is jarig.',
      effects: [
        { kind: 'end', card: 'fasehuis', reason: 'Het fasehuis stopt op haar 18e.' },
        { kind: 'move', card: 'bijbaan', supportType: 'informeel', reason: 'Haar oom helpt nu mee.' },
      ],
      questions: [],
    },
  ],
};

const t: Translate = (key, vars) => translate('nl', key, vars);
const at = (ring: number, sector: number) => cellPoint(ring, sector, scenario.board.sectors.length);

function playedLog(): { initial: { version: number; state: ReturnType<typeof createSession> }; actions: CommittedAction[] } {
  const state = createSession({ sessionId: 'S1', code: 'ACDEFG', scenario, createdAt: 0, tableNames: ['Tafel 1', 'Tafel 2'] });
  return {
    initial: { version: 0, state },
    actions: [
      committed(1, 'seat:claim', { tableId: 't1', roleId: 'mentor', name: 'Anouk' }, { kind: 'guest' }),
      committed(2, 'step:set', { step: 'spelen', force: true }),
      committed(3, 'card:place', { tableId: 't1', defId: 'budgetcoach', ...at(1, 2) }, { kind: 'seat', seatId: 's1' }),
      committed(4, 'card:place', { tableId: 't2', defId: 'budgetcoach', ...at(1, 2) }),
      committed(5, 'event:fire', { eventId: 'achttien', tableIds: ['t1'] }),
    ],
  };
}

describe('the session timeline', () => {
  it('replays the log into one state per version', () => {
    const log = playedLog();
    const timeline = buildTimeline(log.initial, log.actions);
    expect(timeline.states).toHaveLength(5);
    expect(stateAtVersion(timeline, 0)).toBe(log.initial.state);
    expect(Object.keys(stateAtVersion(timeline, 3).tables.t1!.cards)).toContain('budgetcoach');
    expect(stateAtVersion(timeline, 4).tables.t1!.cards.fasehuis).toBeDefined();
    expect(latestState(timeline).tables.t1!.cards.fasehuis).toBeUndefined();
  });

  it('stops replaying at an action the rules refuse instead of inventing a state', () => {
    const log = playedLog();
    const refused = committed(6, 'card:remove', { tableId: 't1', cardId: 'nothing-here' });
    const timeline = buildTimeline(log.initial, [...log.actions, refused, committed(7, 'step:set', { step: 'reflectie', force: true })]);
    expect(timeline.actions.map((a) => a.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('lists only the changes that touched the chosen table', () => {
    const log = playedLog();
    const timeline = buildTimeline(log.initial, log.actions);
    expect(tableMoments(timeline, 't1').map((m) => m.action.version)).toEqual([1, 2, 3, 5]);
    expect(tableMoments(timeline, 't2').map((m) => m.action.version)).toEqual([2, 4]);
  });

  it('counts an insight as a moment of the table its writer sits at', () => {
    const log = playedLog();
    const insight = committed(6, 'insight:add', { text: 'Wie is hier de regisseur?' }, { kind: 'seat', seatId: 's1' });
    const timeline = buildTimeline(log.initial, [...log.actions, insight]);
    const last = tableMoments(timeline, 't1').at(-1)!;
    expect(last.action.version).toBe(6);
    expect(describeAction(last.before, last.after, last.action, 't1', t)).toBe('Anouk (Mentor fasehuis) schreef een inzicht: “Wie is hier de regisseur?”');
    expect(tableMoments(timeline, 't2').map((m) => m.action.version)).not.toContain(6);
  });

  it('marks step changes and fired events on the table\'s scrubber', () => {
    const log = playedLog();
    const timeline = buildTimeline(log.initial, log.actions);
    const moments = tableMoments(timeline, 't1');
    expect(markers(moments, 't1').map((m) => [m.position, m.kind])).toEqual([
      [2, 'step'],
      [4, 'event'],
    ]);
    expect(firedEventsAt(latestState(timeline), 't1')).toEqual([{ eventId: 'achttien', version: 5 }]);
    expect(firedEventsAt(latestState(timeline), 't2')).toEqual([]);
  });

  it('describes a placed card with who placed it, its ring and its domain', () => {
    const log = playedLog();
    const timeline = buildTimeline(log.initial, log.actions);
    const [, , place] = tableMoments(timeline, 't1');
    expect(describeAction(place!.before, place!.after, place!.action, 't1', t)).toBe(
      'Anouk (Mentor fasehuis) legde ‘Vrijwillige budgetcoach’ in Informeel netwerk · Geld',
    );
    const [claim, step] = tableMoments(timeline, 't1');
    expect(describeAction(claim!.before, claim!.after, claim!.action, 't1', t)).toBe('Anouk koos de rol Mentor fasehuis');
    expect(describeAction(step!.before, step!.after, step!.action, 't1', t)).toBe('Nieuwe stap: Spelen');
  });

  it('lists what an event ended and moved, with the scenario\'s reasons', () => {
    const log = playedLog();
    const timeline = buildTimeline(log.initial, log.actions);
    const before = stateAtVersion(timeline, 4);
    const after = stateAtVersion(timeline, 5);
    const { diff, lines } = describeChanges(after, before.tables.t1!, after.tables.t1!, t, 'achttien');
    expect(diff.removed.map((c) => c.id)).toEqual(['fasehuis']);
    expect(diff.moved).toEqual(['bijbaan']);
    expect(lines.map((l) => l.text)).toEqual([
      'Stopt: ‘Woont in een fasehuis’. Het fasehuis stopt op haar 18e.',
      'Verschoven: ‘Bijbaan bij de drogist’ naar Informeel netwerk · Werk. Haar oom helpt nu mee.',
    ]);
  });
});

describe('report downloads', () => {
  it('uses the file name the server suggests', () => {
    expect(attachmentName('attachment; filename="samenspel-ACDEFG.pdf"')).toBe('samenspel-ACDEFG.pdf');
    expect(attachmentName("attachment; filename=\"x.pdf\"; filename*=UTF-8''verslag%20tess.pdf")).toBe('verslag tess.pdf');
    expect(attachmentName(null)).toBeNull();
  });
});
