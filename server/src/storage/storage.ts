import type { CommittedAction, Rewrite, SessionState } from '@samenspel/game-core';

export interface SessionRecord {
  sessionId: string;
  code: string;
  hostTokenHash: string;
  scenarioId: string;
  createdAt: number;
}

export interface StoredSession {
  record: SessionRecord;
  snapshot: { version: number; state: SessionState };
  /** Actions after the snapshot, in version order. */
  tail: CommittedAction[];
}

/** A seat token minted together with the action that created or re-issued the seat. */
export interface SeatTokenGrant {
  tokenHash: string;
  seatId: string;
}

export interface AppendExtra {
  seatToken?: SeatTokenGrant;
  snapshot?: SessionState;
  /**
   * Earlier actions' payloads to rewrite (removed words): every snapshot but the first is
   * replaced by `snapshot`, and the storage keeps no trace of the old bytes it can reach.
   */
  erase?: Rewrite[];
}

/**
 * A value now (the embedded SQLite storage answers synchronously) or later (PostgreSQL). Callers
 * await it either way.
 */
export type Awaitable<T> = T | Promise<T>;

/** What one action's write sees and may do while it holds its session's single order. */
export interface OrderedWrite {
  /**
   * Actions other processes committed after the version this process knew, in version order.
   * Always empty with one process; the room applies them before it judges its own action.
   */
  missed: CommittedAction[];
  /** The action already stored under this write's actionId (a retry), or null. */
  previous: CommittedAction | null;
  /** Writes one accepted action; it is durable once `ordered` has resolved. */
  append(action: CommittedAction, extra?: AppendExtra): void;
}

export type AppendNextResult =
  | { written: true }
  | { written: false; missed: CommittedAction[]; previous: CommittedAction | null };

/**
 * Durable storage for sessions. An action is durable when `ordered` resolves, which is what lets
 * the server acknowledge only what is stored. The embedded SQLite storage answers synchronously;
 * the hosted PostgreSQL storage is shared by several processes and answers with promises.
 */
export interface Storage {
  /** True when several processes share this storage, so a session may change elsewhere. */
  readonly shared: boolean;
  createSession(record: SessionRecord, initial: SessionState): Awaitable<void>;
  /**
   * Runs one write of a session in the session's single order: nothing else writes to the
   * session until `work` has finished and its append is committed (or rolled back on a throw).
   */
  ordered<T>(sessionId: string, knownVersion: number, actionId: string, work: (write: OrderedWrite) => T | Promise<T>): Promise<T>;
  /**
   * Shared storage only: stores an action judged on this process's replica as the session's
   * next version (`action.version`, the replica being at the one before), in one round trip,
   * under the session's single order. Nothing is stored when the log already holds a later
   * version or the actionId (the replica was behind, or the action is a retry); the answer then
   * carries what the replica missed and the action stored under the actionId, as `ordered`
   * would. Never for an erasing action.
   */
  appendNext?(sessionId: string, action: CommittedAction, extra?: Omit<AppendExtra, 'erase'>): Promise<AppendNextResult>;
  addSeatToken(sessionId: string, grant: SeatTokenGrant): Awaitable<void>;
  findSeatByToken(sessionId: string, tokenHash: string): Awaitable<string | null>;
  findAction(sessionId: string, actionId: string): Awaitable<CommittedAction | null>;
  actionsSince(sessionId: string, sinceVersion: number, limit: number): Awaitable<CommittedAction[]>;
  /**
   * Every stored session that can be read. One that can't (a row with broken JSON, a damaged
   * page) is left out and handed to `onDamaged`, so the others still come back.
   */
  loadSessions(onDamaged?: (sessionId: string, reason: string) => void): Awaitable<StoredSession[]>;
  /** One session by id or join code, as `loadSessions` would return it; null when there is none. */
  loadSession(by: { sessionId: string } | { code: string }): Awaitable<StoredSession | null>;
  /** The oldest snapshot kept: version 0, the state the session was created with. */
  firstSnapshot(sessionId: string): Awaitable<{ version: number; state: SessionState } | null>;
  /** A co-facilitator token (hashed): the same rights as the host token the session was made with. */
  addHostToken(sessionId: string, tokenHash: string, createdAt: number): Awaitable<void>;
  isHostToken(sessionId: string, tokenHash: string): Awaitable<boolean>;
  /** Sessions whose last action (or creation, when none) is older than `before` (ms since epoch). */
  sessionsIdleSince(before: number): Awaitable<string[]>;
  /** Deletes a session with its log, snapshots and tokens, leaving no trace of them the storage can reach. */
  deleteSession(sessionId: string): Awaitable<void>;
  /** A quick check of the file's structure at boot: an empty list when it is sound. */
  checkIntegrity?(): string[];
  /** Whether writes can succeed right now: false with a reason when the disk is full or not writable. */
  health?(): { ok: true } | { ok: false; reason: string };
  close(): Awaitable<void>;
}

/** An action as both stores keep it: one row, payload and actor as JSON text. */
export interface ActionRow {
  version: number;
  action_id: string;
  type: string;
  payload: string;
  actor: string;
  /** Milliseconds; PostgreSQL's BIGINT arrives as a string. */
  at: number | string;
}

export function rowToAction(row: ActionRow): CommittedAction {
  return {
    version: row.version,
    actionId: row.action_id,
    type: row.type as CommittedAction['type'],
    payload: JSON.parse(row.payload) as CommittedAction['payload'],
    actor: JSON.parse(row.actor) as CommittedAction['actor'],
    at: Number(row.at),
  };
}
