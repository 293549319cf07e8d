import { scenarioSchema, type Scenario, type ScenarioInput } from '../scenario/schema';
import type { RuleContext } from '../rules/context';
import { createSession } from '../state/initial';
import { unstageAll } from '../rules/stepSet';
import type { Actor, Seat, SessionState, TableState } from '../state/types';

/*
 * Small, valid inputs for game-core tests, built in code so no test reads files from disk.
 */

export const SECTOR_IDS = ['wonen', 'werk', 'leren', 'vrije-tijd', 'sociaal', 'gezondheid'] as const;

const scenarioInput = (): ScenarioInput => ({
  id: 'tess-test',
  meta: {
    title: 'Tess wordt 18 (test)',
    version: '1',
    author: 'Samenspel tests',
    description: 'A small scenario for unit tests.',
    durationMinutes: '90',
  },
  persona: {
    name: 'Tess',
    age: '17',
    situation: 'Woont in een pleeggezin en wordt bijna 18.',
    interview: [{ question: 'Wat wil je straks?', answer: 'Op mezelf wonen.' }],
  },
  board: { sectors: SECTOR_IDS.map((id) => ({ id, label: id })) },
  roles: [
    { id: 'tess', name: 'Tess', kind: 'persona', perspective: 'p', mandate: 'm', mayNot: 'n' },
    { id: 'pleegmoeder', name: 'Pleegmoeder', kind: 'informeel', perspective: 'p', mandate: 'm', mayNot: 'n' },
    { id: 'consulent', name: 'Wmo-consulent', law: 'Wmo 2015', perspective: 'p', mandate: 'm', mayNot: 'n' },
    { id: 'mentor', name: 'Mentor', perspective: 'p', mandate: 'm', mayNot: 'n' },
  ],
  cards: [
    // Two start cards share a cell, so createTable has to spread them.
    { id: 'zelf-koken', label: 'Zelf koken', supportType: 'eigen', sector: 'wonen', placement: 'start' },
    { id: 'zelf-wassen', label: 'Zelf de was doen', supportType: 'eigen', sector: 'wonen', placement: 'start' },
    { id: 'oma-belt', label: 'Oma belt elke week', supportType: 'informeel', sector: 'sociaal', placement: 'start', role: 'pleegmoeder' },
    { id: 'jeugdhulp', label: 'Jeugdhulp', supportType: 'gemeente', sector: 'gezondheid', placement: 'start', law: 'Jeugdwet' },
    { id: 'studiefinanciering', label: 'Studiefinanciering', supportType: 'landelijk', sector: 'leren', placement: 'start' },
    { id: 'bijbaan', label: 'Bijbaan', supportType: 'eigen', sector: 'werk', placement: 'deck' },
    { id: 'begeleid-wonen', label: 'Begeleid wonen', supportType: 'gemeente', sector: 'wonen', law: 'Wmo 2015', role: 'consulent' },
    { id: 'zorgtoeslag', label: 'Zorgtoeslag', supportType: 'landelijk', sector: 'gezondheid', placement: 'deck' },
  ],
  events: [
    {
      id: 'achttien',
      title: 'Tess wordt 18',
      narrative: 'De jeugdhulp stopt.',
      effects: [
        { kind: 'end', card: 'jeugdhulp' },
        { kind: 'add', card: { id: 'schuldhulp', label: 'Schuldhulp', supportType: 'gemeente', sector: 'werk' }, to: 'deck' },
      ],
    },
  ],
  polls: [
    { id: 'wonen-straks', kind: 'choice', question: 'Waar woon jij over een jaar?', options: ['Thuis', 'Op kamers', 'Weet ik nog niet'] },
    // No labels: answered on the default five-point scale.
    { id: 'zelf-redden', kind: 'scale', question: 'Met 18 red je het zelf.' },
  ],
  reflection: {
    prompts: ['Wat viel je op?'],
    praatplaat: [{ group: 'Wonen', title: 'Waar woon je straks?', questions: ['Wie helpt met de huur?', 'Wat als het misgaat?'] }],
  },
});

/** A valid scenario with six sectors, four roles, start cards, deck cards, one event, two polls and a praatplaat. */
export function makeScenario(): Scenario {
  return scenarioSchema.parse(scenarioInput());
}

/** Seats the fixture state starts with: one player at each of the two tables. */
export const SEATS = {
  s1: { id: 's1', tableId: 't1', roleId: 'pleegmoeder', name: 'Anna', joinedAt: 1_000 },
  s2: { id: 's2', tableId: 't2', roleId: 'consulent', name: 'Bram', joinedAt: 1_000 },
} as const satisfies Record<string, Seat>;

/**
 * A session with two tables (t1, t2) and the two SEATS, before any card moved. Most rules are
 * about playing, so the starting cards are already on the wheel; `staged: true` gives the
 * state a new session really starts in, with the situation still to be built up.
 */
export function makeState(opts: { seats?: boolean; staged?: boolean } = {}): SessionState {
  const fresh = createSession({
    sessionId: 'sess-1',
    code: 'TESS18',
    scenario: makeScenario(),
    createdAt: 1_000,
    tableNames: ['Tafel 1', 'Tafel 2'],
  });
  const state = opts.staged === true ? fresh : { ...fresh, tables: mapTables(fresh, (t) => ({ ...t, cards: unstageAll(t.cards) })) };
  return opts.seats === false ? state : { ...state, seats: { s1: { ...SEATS.s1 }, s2: { ...SEATS.s2 } } };
}

function mapTables(state: SessionState, change: (table: TableState) => TableState): Record<string, TableState> {
  return Object.fromEntries(Object.entries(state.tables).map(([id, t]) => [id, change(t)]));
}

/** A second player at t1 (s3, the mentor), for rules about what one player sees of another's cards. */
export function withNeighbour(state: SessionState): SessionState {
  return { ...state, seats: { ...state.seats, s3: { id: 's3', tableId: 't1', roleId: 'mentor', name: 'Cas', joinedAt: 1_000 } } };
}

/** The state with `change` applied to one table. */
export function withTableChange(state: SessionState, tableId: string, change: (table: TableState) => TableState): SessionState {
  return { ...state, tables: { ...state.tables, [tableId]: change(state.tables[tableId]!) } };
}

export const HOST: Actor = { kind: 'host' };
export const GUEST: Actor = { kind: 'guest' };
export const SYSTEM: Actor = { kind: 'system' };
export const seat = (seatId: string): Actor => ({ kind: 'seat', seatId });

/** A rule context at a fixed time and version. */
export function ctx(state: SessionState, actor: Actor, version = 42, now = 5_000): RuleContext {
  return { state, actor, now, version };
}

/** Freezes a value and everything inside it, so a rule that mutates its input throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The state of a successful result; fails the test with the refusal otherwise. */
export function accepted(result: { ok: true; state: SessionState } | { ok: false; code: string; message: string }): SessionState {
  if (!result.ok) throw new Error(`expected the action to be accepted, got ${result.code}: ${result.message}`);
  return result.state;
}
