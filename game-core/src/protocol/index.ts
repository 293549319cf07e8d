/*
 * The wire protocol between Samenspel clients and the server. Types and constants only, no
 * library imports, so any client (and docs/protocol.md) can be written from this file alone.
 * Requests are `entity:verb` with a typed ack; broadcasts are the past tense of the request.
 */
import type { Actor, PromptRef, Seat, SessionState, Step } from '../state/types';

/** Bumped whenever a message changes shape; checked on every attach. */
export const PROTOCOL_VERSION = 4;

/** Drag frames a client may send per second; the server drops frames above this. */
export const DRAG_HZ = 30;
/** How long a piece stays held by its dragger after the last frame. */
export const DRAG_HOLD_MS = 1500;
/** The longest one drag may hold a piece, however often it sends frames; the drop must follow. */
export const DRAG_MAX_HOLD_MS = 5000;
/** Longest note on a card, in characters: a remark, not a report. */
export const MAX_NOTE = 140;
/** Longest insight (post-it), in characters. */
export const MAX_INSIGHT = 280;
/** Longest display name (of a player or a table), in characters. */
export const MAX_NAME = 40;
/** Longest label on a blank card, in characters: a card holds four short lines. */
export const MAX_LABEL = 80;
/** Largest message the server reads, in bytes. */
/** Most wheels the big screen shows at once: a grid of 3 × 2 still reads from the back of a room. */
export const MAX_SCREEN_TABLES = 6;
export const MAX_MESSAGE_BYTES = 16 * 1024;

export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNKNOWN_EVENT',
  'PROTOCOL_MISMATCH',
  'SESSION_NOT_FOUND',
  'BAD_SEAT_TOKEN',
  'BAD_HOST_TOKEN',
  'NOT_ATTACHED',
  'FORBIDDEN',
  'NOT_SEATED',
  'ROLE_TAKEN',
  'ALREADY_SEATED',
  'NOT_FOUND',
  'OUT_OF_BOUNDS',
  'CONFLICT',
  'HELD_BY_OTHER',
  'VERSION_AHEAD',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'LOCKED',
  'POLL_CLOSED',
  'LIMIT_REACHED',
  'INVALID_TEXT',
  'INTERNAL',
  /** A service the server depends on (its database or its message bus) is down for a while; retry later. */
  'UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorAck {
  ok: false;
  code: ErrorCode;
  /** English, for logs and developers; clients show their own words for `code`. */
  message: string;
}

/** What each action carries. The server adds who did it and when. */
export interface ActionPayloads {
  'seat:claim': { tableId: string; roleId: string; name: string };
  'seat:release': { seatId: string };
  'card:place': { tableId: string; defId?: string | undefined; label?: string | undefined; x: number; y: number };
  'card:move': { tableId: string; cardId: string; x: number; y: number; rev: number };
  'card:remove': { tableId: string; cardId: string };
  'token:move': { tableId: string; roleId: string; x: number; y: number; rev: number };
  /** Writes, changes or (with an empty string) clears the note on a card. */
  'card:note': { tableId: string; cardId: string; note: string };
  /**
   * The facilitator erases a player's words from a card as personal data: a blank card's
   * label becomes `ERASED_TEXT` and the note is cleared, here and in the stored log.
   */
  'card:redact': { tableId: string; cardId: string };
  /** The facilitator pauses a card (it stays on the wheel, greyed) or lets it work again. */
  'card:pause': { tableId: string; cardId: string; paused: boolean };
  'link:add': { tableId: string; from: string; to: string };
  'link:remove': { tableId: string; linkId: string };
  /** Moves a seat to another role and/or table; its player keeps their device and token. */
  'seat:reassign': { seatId: string; tableId: string; roleId: string };
  'table:add': { name: string };
  /*
   * Facilitator controls. Without tableIds they apply to every table; with them, to those
   * tables only, so one group can be led on while another finishes.
   */
  /**
   * Moving a table into play (step 3 or 4) is refused with CONFLICT while a role the scenario
   * marks `required` is free there; `force: true` starts anyway.
   */
  'step:set': { step: Step; tableIds?: string[] | undefined; force?: boolean | undefined };
  /** "Bring everyone here": tablets that show something else jump to the current step. */
  'step:summon': { tableIds?: string[] | undefined };
  'event:fire': { eventId: string; tableIds?: string[] | undefined };
  /** Starts or resumes; with durationMs the timer starts afresh at that length. */
  'timer:start': { durationMs?: number | undefined; tableIds?: string[] | undefined };
  'timer:pause': { tableIds?: string[] | undefined };
  'timer:extend': { ms: number; tableIds?: string[] | undefined };
  'timer:reset': { tableIds?: string[] | undefined };
  'board:lock': { locked: boolean; tableIds?: string[] | undefined };
  'interview:reveal': { count: number; tableIds?: string[] | undefined };
  'prompt:show': { prompt: PromptRef | null; tableIds?: string[] | undefined };
  /** Brings the next starting card onto the wheel, or with `all` every one that is left. */
  'situation:reveal': { all: boolean; tableIds?: string[] | undefined };
  'privacy:set': { private: boolean; tableIds?: string[] | undefined };
  /** Shows every card placed in private mode to everyone. */
  'cards:reveal': { tableIds?: string[] | undefined };
  /** Opens a warm-up poll from the scenario (closing any other) and shows it on every screen. */
  'poll:open': { pollId: string };
  /** A player's answer; answering again changes it while the poll is open. */
  'poll:answer': { pollId: string; option: number };
  'poll:close': { pollId: string };
  /** Shows (or hides) the counts on the big screen and the tablets. */
  'poll:reveal': { pollId: string; revealed: boolean };
  /** Takes the poll off the screens; its answers stay for the report. */
  'poll:dismiss': Record<string, never>;
  'insight:add': { text: string };
  /** The facilitator hides an insight from view (or shows it again), or reveals it on the big screen. */
  'insight:set': { insightId: string; hidden?: boolean | undefined; revealed?: boolean | undefined };
  'insight:remove': { insightId: string };
  /** Reveals every insight that is not hidden, at the named tables or everywhere. */
  'insights:reveal': { tableIds?: string[] | undefined };
  /**
   * What the big screen shows when it follows the facilitator: one table, two side by side, or
   * a grid of up to `MAX_SCREEN_TABLES` wheels, in the order given.
   */
  'screen:show': { tableIds: string[] };
}
export type ActionType = keyof ActionPayloads;

export const ACTION_TYPES = [
  'seat:claim',
  'seat:release',
  'card:place',
  'card:move',
  'card:remove',
  'token:move',
  'card:note',
  'card:redact',
  'card:pause',
  'link:add',
  'link:remove',
  'seat:reassign',
  'table:add',
  'step:set',
  'step:summon',
  'event:fire',
  'timer:start',
  'timer:pause',
  'timer:extend',
  'timer:reset',
  'board:lock',
  'interview:reveal',
  'prompt:show',
  'situation:reveal',
  'privacy:set',
  'cards:reveal',
  'poll:open',
  'poll:answer',
  'poll:close',
  'poll:reveal',
  'poll:dismiss',
  'insight:add',
  'insight:set',
  'insight:remove',
  'insights:reveal',
  'screen:show',
] as const satisfies readonly ActionType[];

/** Broadcast name for each action: the past tense of the request. */
export const BROADCAST_OF = {
  'seat:claim': 'seat:claimed',
  'seat:release': 'seat:released',
  'card:place': 'card:placed',
  'card:move': 'card:moved',
  'card:remove': 'card:removed',
  'token:move': 'token:moved',
  'card:note': 'card:noted',
  'card:redact': 'card:redacted',
  'card:pause': 'card:paused',
  'link:add': 'link:added',
  'link:remove': 'link:removed',
  'seat:reassign': 'seat:reassigned',
  'table:add': 'table:added',
  'step:set': 'step:changed',
  'step:summon': 'step:summoned',
  'event:fire': 'event:fired',
  'timer:start': 'timer:started',
  'timer:pause': 'timer:paused',
  'timer:extend': 'timer:extended',
  'timer:reset': 'timer:reset',
  'board:lock': 'board:locked',
  'interview:reveal': 'interview:revealed',
  'prompt:show': 'prompt:shown',
  'situation:reveal': 'situation:revealed',
  'privacy:set': 'privacy:changed',
  'cards:reveal': 'cards:revealed',
  'poll:open': 'poll:opened',
  'poll:answer': 'poll:answered',
  'poll:close': 'poll:closed',
  'poll:reveal': 'poll:revealed',
  'poll:dismiss': 'poll:dismissed',
  'insight:add': 'insight:added',
  'insight:set': 'insight:changed',
  'insight:remove': 'insight:removed',
  'insights:reveal': 'insights:revealed',
  'screen:show': 'screen:shown',
} as const satisfies Record<ActionType, string>;
export type BroadcastName = (typeof BROADCAST_OF)[ActionType];

/** Actions only the facilitator may send. */
export const HOST_ONLY: ReadonlySet<ActionType> = new Set<ActionType>([
  'card:redact',
  'card:pause',
  'seat:release',
  'seat:reassign',
  'table:add',
  'step:set',
  'step:summon',
  'event:fire',
  'timer:start',
  'timer:pause',
  'timer:extend',
  'timer:reset',
  'board:lock',
  'interview:reveal',
  'prompt:show',
  'situation:reveal',
  'privacy:set',
  'cards:reveal',
  'poll:open',
  'poll:close',
  'poll:reveal',
  'poll:dismiss',
  'insight:set',
  'insight:remove',
  'insights:reveal',
  'screen:show',
]);

/** What a client sends for an action. */
export interface ActionRequest<K extends ActionType = ActionType> {
  /** Unique per attempt; a retry with the same id gets the first answer. */
  actionId: string;
  /** The version the client's board was at. */
  baseVersion: number;
  payload: ActionPayloads[K];
}

/** An accepted action, as stored in the log and broadcast to the room. */
export interface CommittedAction<K extends ActionType = ActionType> {
  version: number;
  actionId: string;
  type: K;
  payload: ActionPayloads[K];
  actor: Actor;
  at: number;
}

export type ActionAck = { ok: true; version: number; duplicate?: boolean } | ErrorAck;
export type SeatClaimAck = { ok: true; version: number; seat: Seat; seatToken: string; duplicate?: boolean } | ErrorAck;

/** Who the connection is, as the server sees it. */
export type Viewer = { kind: 'host' } | { kind: 'seat'; seatId: string } | { kind: 'guest' } | { kind: 'screen' };

/**
 * What stands in the stored log, the report and every replica where a removed insight's text
 * or a redacted card's words were: the words themselves are gone for good.
 */
export const ERASED_TEXT = '—';

/** Sent instead of an action the viewer may not see: nothing it sees changed, the version moves on. */
export interface WithheldAction {
  version: number;
}

/** Fields of a view sent whole: the viewer's polls, insights or tables after the action. */
export interface ViewPatchMessage {
  version: number;
  patch: Partial<Pick<SessionState, 'polls' | 'insights' | 'tables' | 'events'>>;
}

export interface Snapshot {
  version: number;
  state: SessionState;
}

export type AttachAck =
  | { ok: true; sessionId: string; viewer: Viewer; seat: Seat | null; snapshot: Snapshot; presence: Presence }
  | ErrorAck;

export type SyncAck =
  | { ok: true; version: number; actions: CommittedAction[] }
  | { ok: true; version: number; snapshot: Snapshot }
  | ErrorAck;

export interface Presence {
  /** Seat ids with at least one open connection. */
  seats: string[];
  hosts: number;
  screens: number;
}

export interface DragFrame {
  tableId: string;
  kind: 'token' | 'card';
  id: string;
  x: number;
  y: number;
}

export interface DragBatch {
  frames: (DragFrame & { by: string })[];
}

export interface DragRefused {
  tableId: string;
  kind: 'token' | 'card';
  id: string;
  heldBy: string;
}

type Ack<T> = (ack: T) => void;

type ActionEvents = {
  [K in Exclude<ActionType, 'seat:claim'>]: (req: ActionRequest<K>, ack: Ack<ActionAck>) => void;
};

export interface ClientToServerEvents extends ActionEvents {
  'session:join': (req: { protocolVersion: number; code: string; seatToken?: string | undefined }, ack: Ack<AttachAck>) => void;
  'host:attach': (req: { protocolVersion: number; sessionId: string; hostToken: string }, ack: Ack<AttachAck>) => void;
  'screen:attach': (req: { protocolVersion: number; code: string }, ack: Ack<AttachAck>) => void;
  'session:sync': (req: { sinceVersion: number }, ack: Ack<SyncAck>) => void;
  'seat:claim': (req: ActionRequest<'seat:claim'>, ack: Ack<SeatClaimAck>) => void;
  /** Volatile: the latest position of a piece being dragged. Not stored, no ack. */
  'piece:drag': (frame: DragFrame) => void;
}

export type ServerToClientEvents = {
  [K in ActionType as (typeof BROADCAST_OF)[K]]: (action: CommittedAction<K>) => void;
} & {
  'pieces:dragged': (batch: DragBatch) => void;
  'drag:refused': (info: DragRefused) => void;
  /** An action this viewer may not see happened; only the version moves on. */
  'action:withheld': (info: WithheldAction) => void;
  /**
   * Part of the viewer's view changed in a way its replica cannot compute from the action
   * (another player's vote counted, insights or cards revealed, an event fired): these top-level
   * fields replace the replica's, and the version moves on by one.
   */
  'view:patched': (patch: ViewPatchMessage) => void;
  /**
   * The viewer's whole view changed (a seat taken, freed or moved, a table added): this is its whole
   * view at `version`.
   */
  'view:replaced': (snapshot: Snapshot) => void;
  'presence:changed': (presence: Presence) => void;
  /** The server could not read or accept a message that asked for no ack. */
  'error:reported': (err: ErrorAck & { event: string }) => void;
  /** The facilitator deleted the session (or its retention ran out); the page should say so. */
  'session:deleted': (info: { sessionId: string }) => void;
};
