import { locate, type SupportType } from '../board/geometry';
import type { Viewer } from '../protocol/index';
import type { CardOnBoard, Insight, RoleChange, SessionState, TableState } from '../state/types';

/*
 * Read-only views of the state that screens, the timeline and the report share, so a card is
 * "hidden", "moved" or "in ring 3" by one definition everywhere.
 */

/** Whether a viewer may see a card: staged cards only the facilitator, private cards their placer too. */
export function isCardVisible(card: CardOnBoard, viewer: Viewer | null): boolean {
  if (viewer?.kind === 'host') return true;
  if (card.staged) return false;
  if (!card.hidden) return true;
  return viewer?.kind === 'seat' && card.placedBy === viewer.seatId;
}

/** Whether a viewer may read an insight: the facilitator all, a player their own and revealed ones. */
export function isInsightVisible(insight: Insight, viewer: Viewer | null): boolean {
  if (viewer?.kind === 'host') return true;
  if (insight.hidden) return false;
  if (viewer?.kind === 'seat' && insight.seatId === viewer.seatId) return true;
  return insight.revealed;
}

/** Where a card lies, in the words of the game: its support type and life domain. */
export function cardPlaceOf(state: SessionState, card: CardOnBoard): { supportType: SupportType; sectorId: string } | null {
  const cell = locate(card, state.scenario.board.sectors.length);
  if (cell.kind !== 'ring') return null;
  return { supportType: cell.supportType, sectorId: state.scenario.board.sectors[cell.sector]?.id ?? '' };
}

export interface TableDiff {
  /** On the board after, not before. */
  added: string[];
  /** On the board before, gone after (ended by an event, or taken off). */
  removed: CardOnBoard[];
  /** On both, in another ring or sector after. */
  moved: string[];
  /** On both, working before and paused after. */
  paused: string[];
  /** On both, paused before and working again after. */
  resumed: string[];
  /** Role texts rewritten in between, oldest first. */
  roles: RoleChange[];
  linksAdded: string[];
  linksRemoved: string[];
}

/** What changed on a table between two moments: "Tess at 17 and at 18". Staged cards do not count. */
export function diffTables(state: SessionState, before: TableState, after: TableState): TableDiff {
  const onBoard = (t: TableState) => new Map(Object.values(t.cards).filter((c) => !c.staged).map((c) => [c.id, c]));
  const a = onBoard(before);
  const b = onBoard(after);
  const diff: TableDiff = { added: [], removed: [], moved: [], paused: [], resumed: [], roles: [], linksAdded: [], linksRemoved: [] };
  for (const [id, card] of b) {
    const old = a.get(id);
    if (!old) diff.added.push(id);
    else {
      const p = cardPlaceOf(state, old);
      const q = cardPlaceOf(state, card);
      if (p?.supportType !== q?.supportType || p?.sectorId !== q?.sectorId) diff.moved.push(id);
      if (!old.paused && card.paused) diff.paused.push(id);
      if (old.paused && !card.paused) diff.resumed.push(id);
    }
  }
  for (const [id, card] of a) if (!b.has(id)) diff.removed.push(card);
  const linkIds = (t: TableState) => new Set(t.links.map((l) => l.id));
  const la = linkIds(before);
  const lb = linkIds(after);
  diff.linksAdded = [...lb].filter((id) => !la.has(id));
  diff.linksRemoved = [...la].filter((id) => !lb.has(id));
  diff.roles = after.roleChanges.slice(before.roleChanges.length);
  return diff;
}
