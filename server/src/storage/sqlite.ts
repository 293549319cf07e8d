import Database from 'better-sqlite3';
import { accessSync, constants, mkdirSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import type { CommittedAction, SessionState } from '@samenspel/game-core';
import { rowToAction, type ActionRow, type AppendExtra, type SessionRecord, type Storage, type StoredSession } from './storage';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  session_id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  host_token_hash TEXT NOT NULL,
  scenario_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS actions (
  session_id TEXT NOT NULL REFERENCES sessions(session_id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  action_id TEXT NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (session_id, version),
  UNIQUE (session_id, action_id)
);
CREATE TABLE IF NOT EXISTS snapshots (
  session_id TEXT NOT NULL REFERENCES sessions(session_id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  PRIMARY KEY (session_id, version)
);
CREATE TABLE IF NOT EXISTS host_tokens (
  token_hash TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(session_id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS seat_tokens (
  token_hash TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(session_id) ON DELETE CASCADE,
  seat_id TEXT NOT NULL
);
`;

interface SessionRow {
  session_id: string;
  code: string;
  host_token_hash: string;
  scenario_id: string;
  created_at: number;
}

/**
 * A problem the operator has to fix (a data dir that can't be written, a file that is not a
 * database): main prints its one-line message instead of a stack trace.
 */
export class StorageError extends Error {
  override readonly name = 'StorageError';
}

/** Below this much free space the disk counts as full: SQLite needs room for the WAL. */
const MIN_FREE_BYTES = 8 * 1024 * 1024;

export interface SqliteOptions {
  /** Caps the database file (DATA_MAX_MB); past it, actions are refused as on a full disk. */
  maxBytes?: number;
}

/** The embedded default: one SQLite file in the data dir, in WAL mode. */
export function openSqliteStorage(dataDir: string, options: SqliteOptions = {}): Storage {
  const file = join(dataDir, 'samenspel.sqlite');
  let db: Database.Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a process kill (SIGKILL) without losing committed
    // transactions; only a power cut can lose the last few, and FULL costs a sync per action.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Deleted and overwritten rows are zeroed on their page, so removed words do not linger in
    // free space; together with a WAL checkpoint after an erasure, they are gone from the disk.
    db.pragma('secure_delete = ON');
    db.exec(SCHEMA);
    if (options.maxBytes !== undefined) {
      const pageSize = Number(db.pragma('page_size', { simple: true }));
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxBytes / pageSize))}`);
    }
  } catch (error) {
    throw new StorageError(describeOpenError(error, dataDir, file));
  }

  /** The last write that failed, until one succeeds again: /healthz reports it. */
  let writeFailure: string | null = null;
  const writing = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => {
    try {
      const result = fn(...args);
      writeFailure = null;
      return result;
    } catch (error) {
      // Only the disk's own failures; a refused row (a constraint) says nothing about the disk.
      writeFailure = describeWriteError(error) ?? writeFailure;
      throw error;
    }
  };

  const insertSession = db.prepare(
    'INSERT INTO sessions (session_id, code, host_token_hash, scenario_id, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertSnapshot = db.prepare('INSERT OR REPLACE INTO snapshots (session_id, version, state) VALUES (?, ?, ?)');
  // Version 0 stays: the timeline and the report replay the whole log from it.
  const pruneSnapshots = db.prepare('DELETE FROM snapshots WHERE session_id = ? AND version > 0 AND version < ?');
  const insertAction = db.prepare(
    'INSERT INTO actions (session_id, version, action_id, type, payload, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertSeatToken = db.prepare('INSERT INTO seat_tokens (token_hash, session_id, seat_id) VALUES (?, ?, ?)');
  const selectSeat = db.prepare<[string, string], { seat_id: string }>(
    'SELECT seat_id FROM seat_tokens WHERE session_id = ? AND token_hash = ?',
  );
  const selectActionById = db.prepare<[string, string], ActionRow>(
    'SELECT version, action_id, type, payload, actor, at FROM actions WHERE session_id = ? AND action_id = ?',
  );
  const selectActionsSince = db.prepare<[string, number, number], ActionRow>(
    'SELECT version, action_id, type, payload, actor, at FROM actions WHERE session_id = ? AND version > ? ORDER BY version LIMIT ?',
  );
  const selectSessions = db.prepare<[], SessionRow>(
    'SELECT session_id, code, host_token_hash, scenario_id, created_at FROM sessions ORDER BY created_at',
  );
  const selectSessionById = db.prepare<[string], SessionRow>(
    'SELECT session_id, code, host_token_hash, scenario_id, created_at FROM sessions WHERE session_id = ?',
  );
  const selectSessionByCode = db.prepare<[string], SessionRow>(
    'SELECT session_id, code, host_token_hash, scenario_id, created_at FROM sessions WHERE code = ?',
  );
  const selectLatestSnapshot = db.prepare<[string], { version: number; state: string }>(
    'SELECT version, state FROM snapshots WHERE session_id = ? ORDER BY version DESC LIMIT 1',
  );
  const selectFirstSnapshot = db.prepare<[string], { version: number; state: string }>(
    'SELECT version, state FROM snapshots WHERE session_id = ? ORDER BY version LIMIT 1',
  );
  const insertHostToken = db.prepare('INSERT INTO host_tokens (token_hash, session_id, created_at) VALUES (?, ?, ?)');
  const selectHostToken = db.prepare<[string, string], { token_hash: string }>(
    'SELECT token_hash FROM host_tokens WHERE session_id = ? AND token_hash = ?',
  );
  // A session's last activity is its newest action, or its creation when nobody did anything.
  const selectIdleSince = db.prepare<[number], { session_id: string }>(
    `SELECT s.session_id FROM sessions s
     WHERE COALESCE((SELECT a.at FROM actions a WHERE a.session_id = s.session_id ORDER BY a.version DESC LIMIT 1), s.created_at) < ?`,
  );
  const deleteSessionStmt = db.prepare('DELETE FROM sessions WHERE session_id = ?');
  const updatePayload = db.prepare('UPDATE actions SET payload = ? WHERE session_id = ? AND version = ?');
  const dropSnapshots = db.prepare('DELETE FROM snapshots WHERE session_id = ? AND version > 0');
  // The WAL holds earlier images of every page it wrote; copy them home and empty it.
  const forgetJournal = () => db.pragma('wal_checkpoint(TRUNCATE)');

  const appendTx = db.transaction(
    (sessionId: string, action: CommittedAction, extra?: AppendExtra) => {
      if (extra?.erase) {
        for (const r of extra.erase) updatePayload.run(JSON.stringify(r.payload), sessionId, r.version);
        dropSnapshots.run(sessionId);
      }
      insertAction.run(
        sessionId,
        action.version,
        action.actionId,
        action.type,
        JSON.stringify(action.payload),
        JSON.stringify(action.actor),
        action.at,
      );
      if (extra?.seatToken) insertSeatToken.run(extra.seatToken.tokenHash, sessionId, extra.seatToken.seatId);
      if (extra?.snapshot) {
        insertSnapshot.run(sessionId, action.version, JSON.stringify(extra.snapshot));
        pruneSnapshots.run(sessionId, action.version);
      }
    },
  );

  const createTx = db.transaction((record: SessionRecord, initial: SessionState) => {
    insertSession.run(record.sessionId, record.code, record.hostTokenHash, record.scenarioId, record.createdAt);
    insertSnapshot.run(record.sessionId, 0, JSON.stringify(initial));
  });

  const stored = (s: SessionRow): StoredSession => {
    const snap = selectLatestSnapshot.get(s.session_id);
    if (!snap) throw new Error('it has no snapshot');
    const tail = selectActionsSince.all(s.session_id, snap.version, Number.MAX_SAFE_INTEGER).map(rowToAction);
    return {
      record: {
        sessionId: s.session_id,
        code: s.code,
        hostTokenHash: s.host_token_hash,
        scenarioId: s.scenario_id,
        createdAt: s.created_at,
      },
      snapshot: { version: snap.version, state: JSON.parse(snap.state) as SessionState },
      tail,
    };
  };

  return {
    // One process owns the file: nobody else writes to a session, so no order needs taking.
    shared: false,
    ordered: async (sessionId, _knownVersion, actionId, work) => {
      const row = selectActionById.get(sessionId, actionId);
      return work({
        missed: [],
        previous: row ? rowToAction(row) : null,
        // Its own transaction: the action is on disk when this returns.
        append: writing((action: CommittedAction, extra?: AppendExtra) => {
          appendTx(sessionId, action, extra);
          if (extra?.erase) forgetJournal();
        }),
      });
    },
    createSession: writing((record, initial) => createTx(record, initial)),
    addSeatToken: writing((sessionId, grant) => void insertSeatToken.run(grant.tokenHash, sessionId, grant.seatId)),
    findSeatByToken: (sessionId, tokenHash) => selectSeat.get(sessionId, tokenHash)?.seat_id ?? null,
    findAction: (sessionId, actionId) => {
      const row = selectActionById.get(sessionId, actionId);
      return row ? rowToAction(row) : null;
    },
    actionsSince: (sessionId, sinceVersion, limit) => selectActionsSince.all(sessionId, sinceVersion, limit).map(rowToAction),
    loadSessions: (onDamaged) => {
      const sessions: StoredSession[] = [];
      for (const s of selectSessions.all()) {
        try {
          sessions.push(stored(s));
        } catch (error) {
          // A broken row or page in one session leaves the others to be restored.
          onDamaged?.(s.session_id, error instanceof Error ? error.message : String(error));
        }
      }
      return sessions;
    },
    loadSession: (by) => {
      const row = 'code' in by ? selectSessionByCode.get(by.code) : selectSessionById.get(by.sessionId);
      return row ? stored(row) : null;
    },
    firstSnapshot: (sessionId) => {
      const snap = selectFirstSnapshot.get(sessionId);
      return snap ? { version: snap.version, state: JSON.parse(snap.state) as SessionState } : null;
    },
    addHostToken: writing((sessionId, tokenHash, createdAt) => void insertHostToken.run(tokenHash, sessionId, createdAt)),
    isHostToken: (sessionId, tokenHash) => selectHostToken.get(sessionId, tokenHash) !== undefined,
    sessionsIdleSince: (before) => selectIdleSince.all(before).map((r) => r.session_id),
    deleteSession: writing((sessionId) => {
      deleteSessionStmt.run(sessionId);
      forgetJournal();
    }),
    checkIntegrity: () => {
      const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
      const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
      return problems;
    },
    health: () => {
      if (writeFailure) return { ok: false, reason: writeFailure };
      try {
        accessSync(dataDir, constants.W_OK);
      } catch {
        return { ok: false, reason: 'the data folder is not writable' };
      }
      try {
        const fs = statfsSync(dataDir);
        if (fs.bavail * fs.bsize < MIN_FREE_BYTES) return { ok: false, reason: 'the disk of the data folder is full' };
      } catch {
        // statfs is missing on some platforms; a failed write still shows up above.
      }
      return { ok: true };
    },
    close: () => void db.close(),
  };
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

/** One line an operator can act on, for the errors that are theirs to fix. */
function describeOpenError(error: unknown, dataDir: string, file: string): string {
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_IOERR'].some((c) => code.startsWith(c)))
    return `DATA_DIR ${dataDir} cannot be written (${detail}); give the server a folder it may write, e.g. DATA_DIR=./data`;
  if (code === 'ENOTDIR' || code === 'EEXIST') return `DATA_DIR ${dataDir} is not a folder; point DATA_DIR at a folder`;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return `the disk of DATA_DIR ${dataDir} is full; free some space and start again`;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return `${file} is not a readable Samenspel database (${detail}); move it aside to start with an empty one, or restore a backup`;
  return `the data in ${dataDir} cannot be opened: ${detail}`;
}

function describeWriteError(error: unknown): string | null {
  const code = errorCode(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'the disk of the data folder is full (or DATA_MAX_MB is reached)';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EROFS' || code === 'EACCES')
    return 'the data folder is not writable';
  if (code.startsWith('SQLITE_IOERR')) return 'the data disk reports an input/output error';
  return null;
}
