import { SUPPORT_TYPES, type SupportType } from '../board/geometry';
import type { CommittedAction, Snapshot } from '../protocol/index';
import { promptText } from '../rules/facilitation';
import { pollOptionCount } from '../rules/poll';
import { ROLE_TEXT_FIELDS, type RoleTextField } from '../scenario/roleFields';
import type { ScenarioPoll } from '../scenario/schema';
import type { CardOnBoard, PromptRef, SessionState, TableState } from '../state/types';
import { own } from '../state/ids';
import { applyAction } from './applyAction';
import { cardPlaceOf, diffTables, type TableDiff } from './views';

/*
 * The session report: what a facilitator hands to the municipality afterwards. A pure model
 * built from the log, so the JSON download, the PDF and the printable page tell one story.
 * It is anonymous by construction: poll answers are counts only, and insights carry the role
 * that wrote them, never the person's name.
 */

export type ReportLanguage = 'nl' | 'en';

/** Why a board is in the report: the start of play, around an event, or the end. */
export const REPORT_BOARD_KINDS = ['start', 'before', 'after', 'end'] as const;
export type ReportBoardKind = (typeof REPORT_BOARD_KINDS)[number];

/** Where a card came from: the scenario's situation, an event, a player or the facilitator. */
export const CARD_ORIGINS = ['start', 'event', 'player', 'facilitator'] as const;
export type CardOrigin = (typeof CARD_ORIGINS)[number];

export interface ReportBoard {
  kind: ReportBoardKind;
  /** In the scenario's language: "Begin van het spel", "Voor: Tess wordt 18", … */
  label: string;
  /** The event a 'before' or 'after' board belongs to. */
  eventId: string | null;
  /** The session version this board is the state after. */
  version: number;
  at: number;
  /** The table at that moment, without start cards that were not on the wheel yet. */
  table: TableState;
  /** What changed since the board before it in this list; null for the first. */
  changes: TableDiff | null;
}

export interface ReportCard {
  id: string;
  label: string;
  supportType: SupportType | null;
  supportTypeLabel: string;
  sectorId: string | null;
  /** The life domain: the label of the sector the card lies in. */
  sectorLabel: string;
  note: string;
  law: string | null;
  /** The role whose support this card is, if the card names one. */
  roleName: string | null;
  origin: CardOrigin;
  /** The event that brought the card in (onto the board, or into the deck a player took it from). */
  eventId: string | null;
  /** Still placed in private mode when the session ended. */
  hidden: boolean;
  /** Paused when the session ended: by an event (with its title and reason) or by the facilitator. */
  paused: { eventId: string | null; eventTitle: string | null; reason: string | null } | null;
}

/** A role whose text an event rewrote at this table: what it said before and after. */
export interface ReportRoleChange {
  roleId: string;
  roleName: string;
  eventId: string;
  eventTitle: string;
  reason: string | null;
  changes: { field: RoleTextField; before: string | null; after: string }[];
}

export interface ReportEndedCard {
  id: string;
  label: string;
  supportType: SupportType | null;
  supportTypeLabel: string;
  sectorLabel: string;
  eventId: string;
  eventTitle: string;
  reason: string | null;
}

export interface ReportLink {
  id: string;
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
}

export interface ReportInsight {
  id: string;
  text: string;
  /** The role of the player who wrote it (never their name); null when the seat is unknown. */
  roleName: string | null;
  prompt: PromptRef | null;
  /** The question on the screen when it was written, or null. */
  promptText: string | null;
  revealed: boolean;
  at: number;
}

export interface ReportPollTally {
  pollId: string;
  counts: number[];
  total: number;
}

export interface ReportTable {
  id: string;
  name: string;
  seats: { name: string; roleId: string; roleName: string }[];
  /** Start of play (when the table first reached step 3), before and after each event, the end. */
  boards: ReportBoard[];
  /** Every card on the wheel at the end. */
  cards: ReportCard[];
  ended: ReportEndedCard[];
  /** Role texts events rewrote here, oldest first. */
  roleChanges: ReportRoleChange[];
  links: ReportLink[];
  /** Insights that were not hidden by the facilitator, in the order they were written. */
  insights: ReportInsight[];
  /** Answers of this table's players, per poll that was opened. */
  polls: ReportPollTally[];
}

export interface ReportPoll {
  pollId: string;
  kind: ScenarioPoll['kind'];
  question: string;
  /** One label per option; a scale without its own labels gets the five standard ones. */
  options: string[];
  counts: number[];
  total: number;
}

export interface ReportEvent {
  eventId: string;
  title: string;
  narrative: string;
  tableIds: string[];
  version: number;
  at: number;
}

export interface SessionReport {
  generatedAt: number;
  /** The scenario's language; every label in the report is in it. */
  language: ReportLanguage;
  session: {
    sessionId: string;
    code: string;
    createdAt: number;
    /** Time of the last action, or null when nothing happened. */
    lastActionAt: number | null;
    version: number;
  };
  scenario: {
    id: string;
    title: string;
    description: string;
    persona: { name: string; age: number; situation: string };
    /** The short label the wheel shows for a scenario card that has one, by card id; the full label is used everywhere else. */
    wheelLabels: Record<string, string>;
  };
  sectors: { id: string; label: string }[];
  supportTypes: { id: SupportType; label: string }[];
  roles: { id: string; name: string; kind: string }[];
  events: ReportEvent[];
  tables: ReportTable[];
  polls: ReportPoll[];
}

const WORDS = {
  nl: {
    start: 'Begin van het spel',
    before: 'Voor: {event}',
    after: 'Na: {event}',
    end: 'Einde van de sessie',
    scale: ['Helemaal oneens', 'Oneens', 'Neutraal', 'Eens', 'Helemaal eens'],
    support: {
      eigen: 'Eigen kracht',
      informeel: 'Informeel netwerk',
      gemeente: 'Gemeente (professioneel)',
      landelijk: 'Landelijk / provinciaal (professioneel)',
    },
    outside: 'Buiten de ringen',
  },
  en: {
    start: 'Start of play',
    before: 'Before: {event}',
    after: 'After: {event}',
    end: 'End of the session',
    scale: ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'],
    support: {
      eigen: 'Own strength',
      informeel: 'Informal network',
      gemeente: 'Municipality (professional)',
      landelijk: 'National / provincial (professional)',
    },
    outside: 'Outside the rings',
  },
} as const satisfies Record<ReportLanguage, unknown>;

/** The option labels of a poll as the report shows them. */
export function reportPollOptions(def: ScenarioPoll, language: ReportLanguage): string[] {
  if (def.options) return [...def.options];
  const scale: readonly string[] = WORDS[language].scale;
  return Array.from({ length: pollOptionCount(def) }, (_, i) => scale[i] ?? String(i + 1));
}

/** The label of a support type: the scenario's own words, or the standard ones. */
export function supportTypeLabel(state: SessionState, type: SupportType, language: ReportLanguage): string {
  return state.scenario.board.supportTypes?.[type] ?? WORDS[language].support[type];
}

/** Builds the report of a session from its initial snapshot and its whole log. */
export function buildReport(initial: Snapshot, actions: readonly CommittedAction[], opts: { generatedAt: number }): SessionReport {
  const first = initial.state;
  const language: ReportLanguage = first.scenario.meta.language === 'en' ? 'en' : 'nl';
  const words = WORDS[language];
  const eventTitle = (id: string) => first.scenario.events.find((e) => e.id === id)?.title ?? id;

  const boards = new Map<string, ReportBoard[]>(first.tableOrder.map((id) => [id, []]));
  const board = (state: SessionState, tableId: string, kind: ReportBoardKind, eventId: string | null, version: number, at: number) => {
    const table = own(state.tables, tableId);
    if (!table) return;
    const label = kind === 'before' || kind === 'after' ? words[kind].replace('{event}', eventTitle(eventId ?? '')) : words[kind];
    let list = boards.get(tableId);
    if (!list) boards.set(tableId, (list = []));
    const previous = list.at(-1);
    const shown = withoutStaged(table);
    list.push({ kind, label, eventId, version, at, table: shown, changes: previous ? diffTables(state, previous.table, shown) : null });
  };
  // Seats can be released or moved later; remember who sat where, for insights and tallies.
  const seatRole = new Map<string, string>();
  const seatTable = new Map<string, string>();
  const remember = (state: SessionState) => {
    for (const seat of Object.values(state.seats)) {
      seatRole.set(seat.id, seat.roleId);
      seatTable.set(seat.id, seat.tableId);
    }
  };
  const insightRole = new Map<string, string>();
  const started = new Set<string>();
  const markStart = (state: SessionState, version: number, at: number) => {
    for (const id of state.tableOrder) {
      const step = own(state.tables, id)?.step;
      if (started.has(id) || (step !== 'spelen' && step !== 'reflectie')) continue;
      started.add(id);
      board(state, id, 'start', null, version, at);
    }
  };

  let state = first;
  let version = initial.version;
  let lastAt: number | null = null;
  remember(state);
  markStart(state, version, first.createdAt);
  for (const action of actions) {
    const result = applyAction(state, action);
    if (!result.ok) throw new Error(`log replay failed at version ${action.version}: ${result.code} ${result.message}`);
    const next = result.state;
    if (action.type === 'event:fire') {
      const fired = next.events.at(-1);
      for (const id of fired?.tableIds ?? []) {
        // An event before step 3 still starts play: its "before" board is the starting point.
        if (!started.has(id)) {
          started.add(id);
          board(state, id, 'start', null, version, lastAt ?? first.createdAt);
        }
        board(state, id, 'before', fired?.eventId ?? null, version, lastAt ?? first.createdAt);
        board(next, id, 'after', fired?.eventId ?? null, action.version, action.at);
      }
    }
    remember(next);
    if (action.type === 'insight:add') {
      const added = next.insights.at(-1);
      const role = added ? seatRole.get(added.seatId) : undefined;
      if (added && role) insightRole.set(added.id, role);
    }
    state = next;
    version = action.version;
    lastAt = action.at;
    markStart(state, version, action.at);
  }
  for (const id of state.tableOrder) board(state, id, 'end', null, version, lastAt ?? first.createdAt);

  const roleName = (roleId: string | null | undefined) => (roleId ? (state.scenario.roles.find((r) => r.id === roleId)?.name ?? roleId) : null);
  const sectorLabel = (sectorId: string | null) => state.scenario.board.sectors.find((s) => s.id === sectorId)?.label ?? words.outside;
  const supportLabel = (type: SupportType | null) => (type ? supportTypeLabel(state, type, language) : words.outside);
  const addedByEvent = new Map<string, string>();
  for (const e of state.scenario.events) for (const f of e.effects) if (f.kind === 'add') addedByEvent.set(f.card.id, e.id);

  const reportCard = (card: CardOnBoard): ReportCard => {
    const place = cardPlaceOf(state, card);
    const eventId = card.placedBy.startsWith('event:') ? card.placedBy.slice('event:'.length) : (card.defId ? (addedByEvent.get(card.defId) ?? null) : null);
    return {
      id: card.id,
      label: card.label,
      supportType: place?.supportType ?? null,
      supportTypeLabel: supportLabel(place?.supportType ?? null),
      sectorId: place?.sectorId ?? null,
      sectorLabel: sectorLabel(place?.sectorId ?? null),
      note: card.note,
      law: card.law,
      roleName: roleName(card.roleId),
      origin: originOf(card),
      eventId,
      hidden: card.hidden,
      paused: card.paused
        ? { eventId: card.paused.eventId, eventTitle: card.paused.eventId ? eventTitle(card.paused.eventId) : null, reason: card.paused.reason }
        : null,
    };
  };

  const usedPolls = state.scenario.polls.filter((p) => own(state.polls, p.id));
  const tables = state.tableOrder.map((tableId): ReportTable => {
    const table = state.tables[tableId]!;
    const onBoard = Object.values(table.cards).filter((c) => !c.staged);
    const labelOf = (id: string) => own(table.cards, id)?.label ?? id;
    return {
      id: table.id,
      name: table.name,
      seats: Object.values(state.seats)
        .filter((s) => s.tableId === tableId)
        .map((s) => ({ name: s.name, roleId: s.roleId, roleName: roleName(s.roleId) ?? s.roleId })),
      boards: boards.get(tableId) ?? [],
      cards: sortCards(onBoard.map(reportCard), state.scenario.board.sectors.map((s) => s.id)),
      ended: table.ended.map((e) => {
        const place = cardPlaceOf(state, e.card);
        return {
          id: e.card.id,
          label: e.card.label,
          supportType: place?.supportType ?? null,
          supportTypeLabel: supportLabel(place?.supportType ?? null),
          sectorLabel: sectorLabel(place?.sectorId ?? null),
          eventId: e.eventId,
          eventTitle: eventTitle(e.eventId),
          reason: e.reason,
        };
      }),
      roleChanges: table.roleChanges.map((c) => ({
        roleId: c.roleId,
        roleName: roleName(c.roleId) ?? c.roleId,
        eventId: c.eventId,
        eventTitle: eventTitle(c.eventId),
        reason: c.reason,
        changes: ROLE_TEXT_FIELDS.flatMap((field) => {
          const after = c.after[field];
          return after === undefined ? [] : [{ field, before: c.before[field] ?? null, after }];
        }),
      })),
      links: table.links.map((l) => ({ id: l.id, from: l.from, to: l.to, fromLabel: labelOf(l.from), toLabel: labelOf(l.to) })),
      insights: state.insights
        .filter((i) => i.tableId === tableId && !i.hidden)
        .map((i) => ({
          id: i.id,
          text: i.text,
          roleName: roleName(insightRole.get(i.id) ?? seatRole.get(i.seatId)),
          prompt: i.prompt,
          promptText: i.prompt ? (promptText(state, i.prompt) ?? null) : null,
          revealed: i.revealed,
          at: i.at,
        })),
      polls: usedPolls.map((def) => tally(state, def, (seatId) => seatTable.get(seatId) === tableId)),
    };
  });

  return {
    generatedAt: opts.generatedAt,
    language,
    session: { sessionId: state.sessionId, code: state.code, createdAt: state.createdAt, lastActionAt: lastAt, version },
    scenario: {
      id: state.scenario.id,
      title: state.scenario.meta.title,
      description: state.scenario.meta.description,
      persona: { name: state.scenario.persona.name, age: state.scenario.persona.age, situation: state.scenario.persona.situation },
      wheelLabels: wheelLabels(state),
    },
    sectors: state.scenario.board.sectors.map((s) => ({ id: s.id, label: s.label })),
    supportTypes: SUPPORT_TYPES.map((id) => ({ id, label: supportTypeLabel(state, id, language) })),
    roles: state.scenario.roles.map((r) => ({ id: r.id, name: r.name, kind: r.kind })),
    events: state.events.map((e) => {
      const def = state.scenario.events.find((d) => d.id === e.eventId);
      return { eventId: e.eventId, title: def?.title ?? e.eventId, narrative: def?.narrative ?? '', tableIds: [...e.tableIds], version: e.version, at: e.at };
    }),
    tables,
    polls: usedPolls.map((def) => {
      const { counts, total } = tally(state, def, () => true);
      return { pollId: def.id, kind: def.kind, question: def.question, options: reportPollOptions(def, language), counts, total };
    }),
  };
}

/**
 * The boards a report shows, in order: a "before" board identical to the board just before it
 * adds nothing and is left out. The PDF and the printable page both list these.
 */
export function shownBoards(boards: readonly ReportBoard[]): ReportBoard[] {
  return boards.filter((b, i) => {
    const c = b.changes;
    const unchanged = c && c.added.length + c.removed.length + c.moved.length + c.paused.length + c.resumed.length + c.roles.length + c.linksAdded.length + c.linksRemoved.length === 0;
    return !(i > 0 && b.kind === 'before' && unchanged);
  });
}

function wheelLabels(state: SessionState): Record<string, string> {
  const labels: Record<string, string> = {};
  const defs = [...state.scenario.cards, ...state.scenario.events.flatMap((e) => e.effects.flatMap((f) => (f.kind === 'add' ? [f.card] : [])))];
  for (const def of defs) if (def.short) labels[def.id] = def.short;
  return labels;
}

function tally(state: SessionState, def: ScenarioPoll, counts: (seatId: string) => boolean): ReportPollTally {
  const result = new Array<number>(pollOptionCount(def)).fill(0);
  for (const [seatId, option] of Object.entries(own(state.polls, def.id)?.answers ?? {})) {
    if (counts(seatId) && option < result.length) result[option]!++;
  }
  return { pollId: def.id, counts: result, total: result.reduce((a, b) => a + b, 0) };
}

function originOf(card: CardOnBoard): CardOrigin {
  if (card.placedBy === 'scenario') return 'start';
  if (card.placedBy.startsWith('event:')) return 'event';
  if (card.placedBy === 'host' || card.placedBy === 'system') return 'facilitator';
  return 'player';
}

/** Innermost ring first, then clockwise by domain, so the table reads like the wheel. */
function sortCards(cards: ReportCard[], sectorIds: string[]): ReportCard[] {
  const ring = (c: ReportCard) => (c.supportType ? SUPPORT_TYPES.indexOf(c.supportType) : SUPPORT_TYPES.length);
  const sector = (c: ReportCard) => (c.sectorId ? sectorIds.indexOf(c.sectorId) : sectorIds.length);
  return cards.sort((a, b) => ring(a) - ring(b) || sector(a) - sector(b) || a.label.localeCompare(b.label));
}

function withoutStaged(table: TableState): TableState {
  if (!Object.values(table.cards).some((c) => c.staged)) return table;
  const cards: Record<string, CardOnBoard> = {};
  for (const [id, card] of Object.entries(table.cards)) if (!card.staged) cards[id] = card;
  return { ...table, cards };
}
