import type { CommittedAction, Viewer } from '../protocol/index';
import type { CardOnBoard, Insight, PollState, Seat, SessionState, TableState } from '../state/types';
import { isCardVisible, isInsightVisible } from './views';

/*
 * What each viewer may see, decided in one place. The server runs every state it sends through
 * `playerView` and every action it broadcasts through `projectAction`, so what a viewer may not
 * see never leaves the server:
 * - the host sees everything;
 * - a seat sees its own table's board, its own private cards, its own poll answer (and, once the
 *   result is shown, the others' answers without the seats behind them), its own insights and
 *   revealed ones, and the names of the players at its table;
 * - the screen sees every table's board without private cards, revealed insights, and counts
 *   of revealed polls; no names (the wheel shows roles, not people);
 * - a guest sees the scenario, the tables and who holds which role (to pick a free one), and
 *   nothing else.
 * Starting cards the facilitator has not brought onto the wheel yet (`staged`) reach the host
 * only, like private cards: a screen draws everything it is sent.
 *
 * A replica applies the projected actions with the same reducer and ends on exactly
 * `playerView(state, viewer)`; `projection.test.ts` checks that on a whole workshop.
 */

/** A key per distinct view, so a broadcast is projected once per view, not once per connection. */
export function viewerKey(viewer: Viewer): string {
  return viewer.kind === 'seat' ? `seat:${viewer.seatId}` : viewer.kind;
}

/** Whether a viewer sees the cards, tokens and links of a table. */
export function seesBoard(state: SessionState, viewer: Viewer, tableId: string): boolean {
  if (viewer.kind === 'host' || viewer.kind === 'screen') return true;
  if (viewer.kind === 'guest') return false;
  return Object.hasOwn(state.seats, viewer.seatId) && state.seats[viewer.seatId]!.tableId === tableId;
}

/**
 * Whether a card is sent to a viewer who sees its table: staged start cards only to the host,
 * private cards to their placer and the host (`isCardVisible`, the rule the board draws by).
 */
export function carriesCard(card: CardOnBoard, viewer: Viewer): boolean {
  return isCardVisible(card, viewer);
}

/** Whether a viewer may read a player's name: the host all, a player those at their own table. */
export function seesName(state: SessionState, viewer: Viewer, seat: Seat): boolean {
  if (viewer.kind === 'host') return true;
  if (viewer.kind !== 'seat') return false;
  return seat.id === viewer.seatId || seesBoard(state, viewer, seat.tableId);
}

/** The state as one viewer may see it. The host gets the state itself. */
export function playerView(state: SessionState, viewer: Viewer): SessionState {
  if (viewer.kind === 'host') return state;
  const tables: Record<string, TableState> = {};
  for (const [id, table] of Object.entries(state.tables)) tables[id] = projectTable(state, table, viewer);
  const seats: Record<string, Seat> = {};
  for (const [id, seat] of Object.entries(state.seats)) seats[id] = seesName(state, viewer, seat) ? seat : { ...seat, name: '' };
  return { ...state, tables, seats, polls: projectPolls(state, viewer), insights: projectInsights(state, viewer) };
}

function projectInsights(state: SessionState, viewer: Viewer): Insight[] {
  return viewer.kind === 'guest' ? [] : state.insights.filter((i) => isInsightVisible(i, viewer));
}

function projectTable(state: SessionState, table: TableState, viewer: Viewer): TableState {
  if (!seesBoard(state, viewer, table.id)) return { ...table, cards: {}, deck: [], tokens: {}, ended: [], links: [] };
  const cards: Record<string, CardOnBoard> = {};
  const withheldDefs: string[] = [];
  for (const [id, card] of Object.entries(table.cards)) {
    if (carriesCard(card, viewer)) cards[id] = card;
    else if (card.hidden && !card.staged && card.defId !== null && !table.deck.includes(card.defId)) withheldDefs.push(card.defId);
  }
  // A deck card placed privately stays in the others' deck: its absence would give it away.
  const deck = withheldDefs.length > 0 ? [...table.deck, ...withheldDefs] : table.deck;
  const links = table.links.filter((l) => Object.hasOwn(cards, l.from) && Object.hasOwn(cards, l.to));
  const ended = table.ended.filter((e) => carriesCard(e.card, viewer));
  return { ...table, cards, deck, links: links.length === table.links.length ? table.links : links, ended };
}

/** An answer whose option a viewer may not know: it counts as a vote, for no option. */
export const UNKNOWN_ANSWER = -1;

/**
 * A player knows their own answer. The others' answers come without the seats behind them,
 * keyed by their position in option order so the keys say nothing about who answered first;
 * until the result is shown their options are `UNKNOWN_ANSWER` too, so screens can count the
 * votes coming in and nothing more. Guests get no answers.
 */
function projectPoll(poll: PollState, viewer: Viewer): PollState {
  const own = viewer.kind === 'seat' && Object.hasOwn(poll.answers, viewer.seatId) ? viewer.seatId : null;
  const answers: Record<string, number> = {};
  if (own !== null) answers[own] = poll.answers[own]!;
  if (viewer.kind !== 'guest') {
    const others = Object.entries(poll.answers)
      .filter(([seatId]) => seatId !== own)
      .map(([, option]) => (poll.revealed ? option : UNKNOWN_ANSWER))
      .sort((a, b) => a - b);
    others.forEach((option, i) => (answers[`~${i}`] = option));
  }
  return { ...poll, answers };
}

function projectPolls(state: SessionState, viewer: Viewer): Record<string, PollState> {
  const polls: Record<string, PollState> = {};
  for (const [id, poll] of Object.entries(state.polls)) polls[id] = projectPoll(poll, viewer);
  return polls;
}

/**
 * One broadcast as a viewer receives it:
 * - `action`: apply it with the reducer (its payload may be cut down for this viewer);
 * - `withheld`: something the viewer may not see happened; only the version moves on;
 * - `patched`: one part of the view changed in a way the replica cannot compute (someone
 *   else's vote counted, insights, private or start cards revealed, an event fired); the viewer takes these
 *   top-level fields of `playerView(after, viewer)` as they are;
 * - `replaced`: the whole view changed (a seat taken or moved, a table added); the viewer loads
 *   `playerView(after, viewer)`.
 */
export type ProjectedAction =
  | { kind: 'action'; action: CommittedAction }
  | { kind: 'withheld'; version: number }
  | { kind: 'patched'; version: number; patch: ViewPatch }
  | { kind: 'replaced'; version: number; state: SessionState };

/** The parts of a view a `patched` broadcast replaces. */
export type ViewPatch = Partial<Pick<SessionState, 'polls' | 'insights' | 'tables' | 'events'>>;

/** How one committed action reaches one viewer, given the state before and after it. */
export function projectAction(action: CommittedAction, before: SessionState, after: SessionState, viewer: Viewer): ProjectedAction {
  if (viewer.kind === 'host') return { kind: 'action', action };
  const decision = decide(action, before, after, viewer);
  if (decision === 'withheld') return { kind: 'withheld', version: action.version };
  if (decision === 'replaced') return { kind: 'replaced', version: action.version, state: playerView(after, viewer) };
  if (decision === 'polls') return patched(action, { polls: projectPolls(after, viewer) }, { polls: projectPolls(before, viewer) });
  if (decision === 'insights')
    return patched(action, { insights: projectInsights(after, viewer) }, { insights: projectInsights(before, viewer) });
  if (decision === 'tables') return { kind: 'patched', version: action.version, patch: { tables: playerView(after, viewer).tables } };
  if (decision === 'event') return { kind: 'patched', version: action.version, patch: { tables: playerView(after, viewer).tables, events: after.events } };
  return { kind: 'action', action: decision };
}

/** A patch, or only the version when the viewer's part did not change at all. */
function patched(action: CommittedAction, now: ViewPatch, was: ViewPatch): ProjectedAction {
  if (JSON.stringify(now) === JSON.stringify(was)) return { kind: 'withheld', version: action.version };
  return { kind: 'patched', version: action.version, patch: now };
}

type Decision = CommittedAction | 'withheld' | 'replaced' | 'polls' | 'insights' | 'tables' | 'event';

function decide(action: CommittedAction, before: SessionState, after: SessionState, viewer: Viewer): Decision {
  const p = action.payload as Record<string, unknown>;
  const tableId = typeof p.tableId === 'string' ? p.tableId : null;
  const own = (seatId: string) => viewer.kind === 'seat' && viewer.seatId === seatId;
  const visibleBefore = (cardId: string) => {
    const table = tableId !== null && Object.hasOwn(before.tables, tableId) ? before.tables[tableId]! : null;
    const card = table && Object.hasOwn(table.cards, cardId) ? table.cards[cardId]! : null;
    return card !== null && carriesCard(card, viewer);
  };
  const board = tableId !== null && seesBoard(before, viewer, tableId);

  switch (action.type) {
    case 'seat:claim': {
      const id = `s${action.version}`;
      if (own(id)) return 'replaced';
      const seat = after.seats[id];
      if (!seat || seesName(after, viewer, seat)) return action;
      return { ...action, payload: { ...(action.payload as object), name: '' } } as CommittedAction;
    }
    case 'seat:release':
      return action;
    case 'seat:reassign':
      // Who sits at a player's table, and so whose names they see, may change: start afresh.
      return viewer.kind === 'seat' ? 'replaced' : action;
    case 'table:add':
      // A new table comes with staged start cards, which only the host's replica may hold.
      return 'replaced';
    case 'card:place': {
      if (!board) return 'withheld';
      const card = after.tables[tableId!]?.cards[typeof p.defId === 'string' ? p.defId : `blank-${action.version}`];
      return card && carriesCard(card, viewer) ? action : 'withheld';
    }
    case 'card:move':
    case 'card:remove':
    case 'card:note':
    case 'card:redact':
    case 'card:pause':
      return board && visibleBefore(String(p.cardId)) ? action : 'withheld';
    case 'link:add':
      return board && visibleBefore(String(p.from)) && visibleBefore(String(p.to)) ? action : 'withheld';
    case 'link:remove': {
      if (!board) return 'withheld';
      const link = before.tables[tableId!]?.links.find((l) => l.id === p.linkId);
      return link && visibleBefore(link.from) && visibleBefore(link.to) ? action : 'withheld';
    }
    case 'token:move':
      return board ? action : 'withheld';
    case 'situation:reveal':
      // Start cards come onto the wheel: their data reaches the viewers only now.
      return changedTables(before, after).some((id) => seesBoard(before, viewer, id)) ? 'tables' : 'withheld';
    case 'step:set':
      // From step 3 on, start cards still staged come onto the wheel with the step.
      return after.tableOrder.some((id) => seesBoard(before, viewer, id) && before.tables[id]!.cards !== after.tables[id]!.cards) ? 'tables' : action;
    case 'cards:reveal':
      return changedTables(before, after).some((id) => seesBoard(before, viewer, id)) ? 'tables' : 'withheld';
    case 'event:fire':
      // Cards end, move and arrive, staged ones come in: the tables and the list of events, whole.
      return 'event';
    case 'poll:answer': {
      const voter = action.actor.kind === 'seat' ? action.actor.seatId : null;
      if (voter !== null && own(voter)) return action;
      return viewer.kind === 'guest' ? 'withheld' : 'polls';
    }
    case 'poll:reveal':
      return viewer.kind === 'guest' ? action : 'polls';
    case 'insight:add':
      return action.actor.kind === 'seat' && own(action.actor.seatId) ? action : 'withheld';
    case 'insight:set':
    case 'insight:remove': {
      if (viewer.kind === 'guest') return 'withheld';
      const id = String(p.insightId);
      const was = seesInsight(before.insights.find((i) => i.id === id), viewer);
      const is = seesInsight(after.insights.find((i) => i.id === id), viewer);
      if (!was && !is) return 'withheld';
      return was && (is || action.type === 'insight:remove') ? action : 'insights';
    }
    case 'insights:reveal':
      return viewer.kind === 'guest' ? 'withheld' : 'insights';
    default:
      // Facilitator controls on table and session settings: every viewer sees those.
      return action;
  }
}

function seesInsight(insight: Insight | undefined, viewer: Viewer): boolean {
  return insight !== undefined && isInsightVisible(insight, viewer);
}

/** Tables whose state an action changed (rules keep an unchanged table's object). */
function changedTables(before: SessionState, after: SessionState): string[] {
  return after.tableOrder.filter((id) => before.tables[id] !== after.tables[id]);
}
