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
  erase?: Rewrite[];
}

/**
 * Durable storage for sessions. Calls are synchronous: an action is durable when `append`
 * returns, which is what lets the server acknowledge only what is on disk.
 */
export interface Storage {
  createSession(record: SessionRecord, initial: SessionState): void;
  /**
   * Writes one accepted action (and an optional snapshot of the state after it) atomically.
   * With `erase`, the payloads of earlier actions are rewritten, every snapshot but the first
   * is replaced by `snapshot`, and no trace of the old bytes stays in the file or its journal.
   */
  append(sessionId: string, action: CommittedAction, extra?: AppendExtra): void;
  addSeatToken(sessionId: string, grant: SeatTokenGrant): void;
  findSeatByToken(sessionId: string, tokenHash: string): string | null;
  findAction(sessionId: string, actionId: string): CommittedAction | null;
  actionsSince(sessionId: string, sinceVersion: number, limit: number): CommittedAction[];
  /**
   * Every stored session that can be read. One that can't (a row with broken JSON, a damaged
   * page) is left out and handed to `onDamaged`, so the others still come back.
   */
  loadSessions(onDamaged?: (sessionId: string, reason: string) => void): StoredSession[];
  /** The oldest snapshot kept: version 0, the state the session was created with. */
  firstSnapshot(sessionId: string): { version: number; state: SessionState } | null;
  /** A co-facilitator token (hashed): the same rights as the host token the session was made with. */
  addHostToken(sessionId: string, tokenHash: string, createdAt: number): void;
  isHostToken(sessionId: string, tokenHash: string): boolean;
  /** Sessions whose last action (or creation, when none) is older than `before` (ms since epoch). */
  sessionsIdleSince(before: number): string[];
  /** Deletes a session with its log, snapshots and tokens, leaving no trace of them in the file or its journal. */
  deleteSession(sessionId: string): void;
  /** A quick check of the file's structure at boot: an empty list when it is sound. */
  checkIntegrity?(): string[];
  /** Whether writes can succeed right now: false with a reason when the disk is full or not writable. */
  health?(): { ok: true } | { ok: false; reason: string };
  close(): void;
}
