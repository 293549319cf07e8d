/*
 * The wire protocol between Samenspel clients and the server. Types and constants only, no
 * library imports, so any client (and docs/protocol.md) can be written from this file alone.
 * Requests are `entity:verb` with a typed ack; broadcasts are the past tense of the request.
 */
import type { Actor, PromptRef, Seat, SessionState, Step } from '../state/types';

/** Bumped whenever a message changes shape; checked on every attach. */
export const PROTOCOL_VERSION = 1;

/** Drag frames a client may send per second; the server drops frames above this. */
export const DRAG_HZ = 30;
/** How long a piece stays held by its dragger after the last frame. */
export const DRAG_HOLD_MS = 1500;
/** Largest message the server reads, in bytes. */
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
  'INTERNAL',
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
  'step:set': { step: Step };
  'table:add': { name: string };
  /** Without tableIds the event happens at every table. */
  'event:fire': { eventId: string; tableIds?: string[] | undefined };
  /** Starts or resumes; with durationMs the timer starts afresh at that length. */
  'timer:start': { durationMs?: number | undefined };
  'timer:pause': Record<string, never>;
  'timer:extend': { ms: number };
  'timer:reset': Record<string, never>;
  'board:lock': { locked: boolean };
  'interview:reveal': { count: number };
  'prompt:show': { prompt: PromptRef | null };
}
export type ActionType = keyof ActionPayloads;

export const ACTION_TYPES = [
  'seat:claim',
  'seat:release',
  'card:place',
  'card:move',
  'card:remove',
  'token:move',
  'step:set',
  'table:add',
  'event:fire',
  'timer:start',
  'timer:pause',
  'timer:extend',
  'timer:reset',
  'board:lock',
  'interview:reveal',
  'prompt:show',
] as const satisfies readonly ActionType[];

/** Broadcast name for each action: the past tense of the request. */
export const BROADCAST_OF = {
  'seat:claim': 'seat:claimed',
  'seat:release': 'seat:released',
  'card:place': 'card:placed',
  'card:move': 'card:moved',
  'card:remove': 'card:removed',
  'token:move': 'token:moved',
  'step:set': 'step:changed',
  'table:add': 'table:added',
  'event:fire': 'event:fired',
  'timer:start': 'timer:started',
  'timer:pause': 'timer:paused',
  'timer:extend': 'timer:extended',
  'timer:reset': 'timer:reset',
  'board:lock': 'board:locked',
  'interview:reveal': 'interview:revealed',
  'prompt:show': 'prompt:shown',
} as const satisfies Record<ActionType, string>;
export type BroadcastName = (typeof BROADCAST_OF)[ActionType];

/** Actions only the facilitator may send. */
export const HOST_ONLY: ReadonlySet<ActionType> = new Set<ActionType>([
  'step:set',
  'table:add',
  'seat:release',
  'event:fire',
  'timer:start',
  'timer:pause',
  'timer:extend',
  'timer:reset',
  'board:lock',
  'interview:reveal',
  'prompt:show',
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

export interface ClientToServerEvents {
  'session:join': (req: { protocolVersion: number; code: string; seatToken?: string | undefined }, ack: Ack<AttachAck>) => void;
  'host:attach': (req: { protocolVersion: number; sessionId: string; hostToken: string }, ack: Ack<AttachAck>) => void;
  'screen:attach': (req: { protocolVersion: number; code: string }, ack: Ack<AttachAck>) => void;
  'session:sync': (req: { sinceVersion: number }, ack: Ack<SyncAck>) => void;
  'seat:claim': (req: ActionRequest<'seat:claim'>, ack: Ack<SeatClaimAck>) => void;
  'seat:release': (req: ActionRequest<'seat:release'>, ack: Ack<ActionAck>) => void;
  'card:place': (req: ActionRequest<'card:place'>, ack: Ack<ActionAck>) => void;
  'card:move': (req: ActionRequest<'card:move'>, ack: Ack<ActionAck>) => void;
  'card:remove': (req: ActionRequest<'card:remove'>, ack: Ack<ActionAck>) => void;
  'token:move': (req: ActionRequest<'token:move'>, ack: Ack<ActionAck>) => void;
  'step:set': (req: ActionRequest<'step:set'>, ack: Ack<ActionAck>) => void;
  'table:add': (req: ActionRequest<'table:add'>, ack: Ack<ActionAck>) => void;
  'event:fire': (req: ActionRequest<'event:fire'>, ack: Ack<ActionAck>) => void;
  'timer:start': (req: ActionRequest<'timer:start'>, ack: Ack<ActionAck>) => void;
  'timer:pause': (req: ActionRequest<'timer:pause'>, ack: Ack<ActionAck>) => void;
  'timer:extend': (req: ActionRequest<'timer:extend'>, ack: Ack<ActionAck>) => void;
  'timer:reset': (req: ActionRequest<'timer:reset'>, ack: Ack<ActionAck>) => void;
  'board:lock': (req: ActionRequest<'board:lock'>, ack: Ack<ActionAck>) => void;
  'interview:reveal': (req: ActionRequest<'interview:reveal'>, ack: Ack<ActionAck>) => void;
  'prompt:show': (req: ActionRequest<'prompt:show'>, ack: Ack<ActionAck>) => void;
  /** Volatile: the latest position of a piece being dragged. Not stored, no ack. */
  'piece:drag': (frame: DragFrame) => void;
}

export type ServerToClientEvents = {
  [K in ActionType as (typeof BROADCAST_OF)[K]]: (action: CommittedAction<K>) => void;
} & {
  'pieces:dragged': (batch: DragBatch) => void;
  'drag:refused': (info: DragRefused) => void;
  'presence:changed': (presence: Presence) => void;
  /** The server could not read or accept a message that asked for no ack. */
  'error:reported': (err: ErrorAck & { event: string }) => void;
};
