import { applyAction, type CommittedAction, type SessionState, type Snapshot } from '@samenspel/game-core';

/*
 * The session's history, replayed once in the browser with the same reducer the server uses.
 * Each state shares everything that did not change with the one before, so keeping one per
 * version costs little and the scrubber can jump anywhere without replaying again.
 */

export interface Timeline {
  initial: Snapshot;
  actions: readonly CommittedAction[];
  /** states[i] is the state right after actions[i]. */
  states: readonly SessionState[];
}

/** One moment a table changed: the action and the states around it. */
export interface TableMoment {
  action: CommittedAction;
  before: SessionState;
  after: SessionState;
}

export type MarkerKind = 'event' | 'step';

export interface Marker {
  /** Position on the table's scrubber (1 = after its first change). */
  position: number;
  kind: MarkerKind;
  action: CommittedAction;
}

/** Replays a log; an action the reducer refuses stops the replay there rather than inventing a state. */
export function buildTimeline(initial: Snapshot, actions: readonly CommittedAction[]): Timeline {
  const states: SessionState[] = [];
  const kept: CommittedAction[] = [];
  let state = initial.state;
  for (const action of actions) {
    if (action.version <= initial.version) continue;
    const result = applyAction(state, action);
    if (!result.ok) break;
    state = result.state;
    states.push(state);
    kept.push(action);
  }
  return { initial, actions: kept, states };
}

/** The latest state of the timeline. */
export function latestState(timeline: Timeline): SessionState {
  return timeline.states.at(-1) ?? timeline.initial.state;
}

/** The state once every action up to and including `version` has happened. */
export function stateAtVersion(timeline: Timeline, version: number): SessionState {
  let n = 0;
  while (n < timeline.actions.length && timeline.actions[n]!.version <= version) n++;
  return n === 0 ? timeline.initial.state : timeline.states[n - 1]!;
}

/**
 * The actions that changed what a table shows: its board, flow, seats or insights. Rules return the same
 * table object when they leave a table alone, so identity tells exactly which tables changed.
 */
export function tableMoments(timeline: Timeline, tableId: string): TableMoment[] {
  const moments: TableMoment[] = [];
  let before = timeline.initial.state;
  timeline.actions.forEach((action, i) => {
    const after = timeline.states[i]!;
    const changed = before.tables[tableId] !== after.tables[tableId] || seatsChangedAt(before, after, tableId) || insightsChangedAt(before, after, tableId);
    if (changed) moments.push({ action, before, after });
    before = after;
  });
  return moments;
}

function seatsChangedAt(before: SessionState, after: SessionState, tableId: string): boolean {
  if (before.seats === after.seats) return false;
  const ids = new Set([...Object.keys(before.seats), ...Object.keys(after.seats)]);
  for (const id of ids) {
    const a = before.seats[id];
    const b = after.seats[id];
    if (a !== b && (a?.tableId === tableId || b?.tableId === tableId)) return true;
  }
  return false;
}

function insightsChangedAt(before: SessionState, after: SessionState, tableId: string): boolean {
  if (before.insights === after.insights) return false;
  const was = new Map(before.insights.map((i) => [i.id, i]));
  const now = new Map(after.insights.map((i) => [i.id, i]));
  for (const i of after.insights) if (i.tableId === tableId && was.get(i.id) !== i) return true;
  for (const i of before.insights) if (i.tableId === tableId && !now.has(i.id)) return true;
  return false;
}

/** Fired events and step changes, placed on the table's scrubber. */
export function markers(moments: readonly TableMoment[], tableId: string): Marker[] {
  const out: Marker[] = [];
  moments.forEach((m, i) => {
    if (m.action.type === 'event:fire') out.push({ position: i + 1, kind: 'event', action: m.action });
    else if (m.action.type === 'step:set' && m.before.tables[tableId]?.step !== m.after.tables[tableId]?.step)
      out.push({ position: i + 1, kind: 'step', action: m.action });
  });
  return out;
}

export interface FiredAt {
  eventId: string;
  version: number;
}

/** The events that happened at a table, in the order they were fired. */
export function firedEventsAt(state: SessionState, tableId: string): FiredAt[] {
  return state.events.filter((e) => e.tableIds.includes(tableId)).map((e) => ({ eventId: e.eventId, version: e.version }));
}
