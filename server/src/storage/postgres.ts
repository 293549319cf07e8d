import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { CommittedAction, SessionState } from '@samenspel/game-core';
import type { Logger } from '../logger';
import { StorageUnavailableError } from './unavailable';
import { rowToAction, type ActionRow, type AppendExtra, type SessionRecord, type Storage, type StoredSession } from './storage';

const MIGRATIONS_DIR = join(fileURLToPath(new URL('.', import.meta.url)), 'migrations');
/** Held while migrating, so processes that start together migrate one after another. */
const MIGRATION_LOCK = 7_331_001;

/** Connection failures, shutdowns and timeouts; not constraint or syntax errors, which are bugs. */
function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return true;
  return /^(08|53|57)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code);
}

function wrap(error: unknown): unknown {
  return isUnavailable(error) ? new StorageUnavailableError(error) : error;
}

interface SessionRow {
  session_id: string;
  code: string;
  host_token_hash: string;
  scenario_id: string;
  created_at: string;
}

const ACTION_COLUMNS = 'version, action_id, type, payload, actor, at';
const SESSION_COLUMNS = 'session_id, code, host_token_hash, scenario_id, created_at';

/** Applies every numbered SQL file not applied yet, all in one transaction. Returns the versions applied. */
export async function migrate(pool: pg.Pool, logger: Logger): Promise<number[]> {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .map((f) => ({ version: Number(f.split('_')[0]), file: f }))
    .sort((a, b) => a.version - b.version);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const { version, file } of files) {
      if (done.has(version)) continue;
      await client.query(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, file]);
      applied.push(version);
    }
    await client.query('COMMIT');
    if (applied.length) logger.info('database migrated', { applied });
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function literal(client: pg.PoolClient, value: string): string {
  return client.escapeLiteral(value);
}

function int(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return String(value);
}

/** An action row's values, in the order of the actions table's columns. */
function actionValues(client: pg.PoolClient, sessionId: string, action: CommittedAction): string {
  const lit = (value: string) => literal(client, value);
  return `${lit(sessionId)}, ${int(action.version)}, ${lit(action.actionId)}, ${lit(action.type)}, ${lit(JSON.stringify(action.payload))}, ${lit(JSON.stringify(action.actor))}, ${int(action.at)}`;
}

/** The statements that store one accepted action with what comes with it. */
function appendStatements(client: pg.PoolClient, sessionId: string, action: CommittedAction, extra?: AppendExtra): string[] {
  const lit = (value: string) => literal(client, value);
  const statements: string[] = [];
  // Removed words: earlier payloads rewritten, and every snapshot but the first dropped (the one
  // written below, of the state after this action, replaces them).
  for (const r of extra?.erase ?? []) {
    statements.push(`UPDATE actions SET payload = ${lit(JSON.stringify(r.payload))} WHERE session_id = ${lit(sessionId)} AND version = ${int(r.version)}`);
  }
  if (extra?.erase) statements.push(`DELETE FROM snapshots WHERE session_id = ${lit(sessionId)} AND version > 0`);
  statements.push(`INSERT INTO actions (session_id, version, action_id, type, payload, actor, at) VALUES (${actionValues(client, sessionId, action)})`);
  if (extra?.seatToken) {
    statements.push(`INSERT INTO seat_tokens (token_hash, session_id, seat_id) VALUES (${lit(extra.seatToken.tokenHash)}, ${lit(sessionId)}, ${lit(extra.seatToken.seatId)})`);
  }
  if (extra?.snapshot) {
    statements.push(
      `INSERT INTO snapshots (session_id, version, state) VALUES (${lit(sessionId)}, ${int(action.version)}, ${lit(JSON.stringify(extra.snapshot))}) ON CONFLICT (session_id, version) DO UPDATE SET state = EXCLUDED.state`,
      // Version 0 stays: the timeline and the report replay the whole log from it.
      `DELETE FROM snapshots WHERE session_id = ${lit(sessionId)} AND version > 0 AND version < ${int(action.version)}`,
    );
  }
  return statements;
}

export interface PostgresStorage extends Storage {
  readonly pool: pg.Pool;
  /** Whether PostgreSQL answered the last probe. */
  ping(): Promise<boolean>;
}

/**
 * The hosted storage: one PostgreSQL database shared by every process. A session's writes take
 * a transaction-scoped advisory lock on the session, so they happen one at a time whichever
 * process makes them; the (session_id, version) key refuses a second version n even so.
 */
export async function openPostgresStorage(url: string, logger: Logger): Promise<PostgresStorage> {
  const pool = new pg.Pool({
    connectionString: url,
    // One connection per session writing at the same moment: a write holds its connection for
    // one round trip (two when its replica was behind). Fewer would queue sessions behind each
    // other on a busy machine.
    max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
    connectionTimeoutMillis: 2_000,
    // A process that hangs (not dies: a dead one's connection closes and its locks go at once)
    // holds a session's lock for 5 s at most before PostgreSQL ends its transaction.
    options: '-c idle_in_transaction_session_timeout=5000 -c statement_timeout=5000 -c lock_timeout=5000',
  });
  // An idle client whose server went away emits here; without a listener it would crash the process.
  pool.on('error', (error) => logger.warn('postgres connection lost', { error: error.message }));
  await migrate(pool, logger);

  /** A connection from the pool; failing to get one always means PostgreSQL is unreachable. */
  const connect = async (): Promise<pg.PoolClient> => {
    try {
      return await pool.connect();
    } catch (error) {
      throw new StorageUnavailableError(error);
    }
  };

  /**
   * Runs `work` on a client from the pool. A failure becomes the storage's error (UNAVAILABLE
   * when PostgreSQL is away); with `rollback`, whatever transaction `work` began is rolled back;
   * a client whose connection failed is not given back to the pool.
   */
  const onClient = async <T>(work: (client: pg.PoolClient) => Promise<T>, rollback = false): Promise<T> => {
    const client = await connect();
    let broken = false;
    try {
      return await work(client);
    } catch (error) {
      broken = isUnavailable(error);
      if (rollback) await client.query('ROLLBACK').catch(() => undefined);
      throw wrap(error);
    } finally {
      client.release(broken);
    }
  };

  const q = <R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> =>
    onClient(async (client) => (await client.query<R>(text, values)).rows);

  const tx = <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
    onClient(async (client) => {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    }, true);

  const stored = async (s: SessionRow): Promise<StoredSession> => {
    const [snap] = (await q('SELECT version, state FROM snapshots WHERE session_id = $1 ORDER BY version DESC LIMIT 1', [s.session_id])) as {
      version: number;
      state: string;
    }[];
    if (!snap) throw new Error(`session ${s.session_id} has no snapshot`);
    const tail = ((await q(`SELECT ${ACTION_COLUMNS} FROM actions WHERE session_id = $1 AND version > $2 ORDER BY version`, [
      s.session_id,
      snap.version,
    ])) as ActionRow[]).map(rowToAction);
    return {
      record: { sessionId: s.session_id, code: s.code, hostTokenHash: s.host_token_hash, scenarioId: s.scenario_id, createdAt: Number(s.created_at) },
      snapshot: { version: snap.version, state: JSON.parse(snap.state) as SessionState },
      tail,
    };
  };

  return {
    shared: true,
    pool,
    ping: async () => {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    createSession: (record: SessionRecord, initial: SessionState) =>
      tx(async (client) => {
        await client.query(`INSERT INTO sessions (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5)`, [
          record.sessionId,
          record.code,
          record.hostTokenHash,
          record.scenarioId,
          record.createdAt,
        ]);
        await client.query('INSERT INTO snapshots (session_id, version, state) VALUES ($1, 0, $2)', [record.sessionId, JSON.stringify(initial)]);
      }),
    /*
     * The locked way, for a write whose replica may be behind, a retry, or an erasure: two
     * round trips whatever the contention. BEGIN, the session's lock and the read in one, the
     * insert and COMMIT in the other (several statements per round trip need the simple query
     * protocol, so values go in as escaped literals).
     */
    ordered: (sessionId, knownVersion, actionId, work) =>
      onClient(async (client) => {
        const results = (await client.query(
          `BEGIN; SELECT pg_advisory_xact_lock(hashtextextended(${literal(client, sessionId)}, 0)); ` +
            `SELECT ${ACTION_COLUMNS} FROM actions WHERE session_id = ${literal(client, sessionId)} AND (version > ${int(knownVersion)} OR action_id = ${literal(client, actionId)}) ORDER BY version`,
        )) as unknown as pg.QueryResult<ActionRow>[];
        const rows = results[2]!.rows.map(rowToAction);
        const statements: string[] = [];
        const result = await work({
          missed: rows.filter((a) => a.version > knownVersion),
          previous: rows.find((a) => a.actionId === actionId) ?? null,
          append: (action, extra) => statements.push(...appendStatements(client, sessionId, action, extra)),
        });
        statements.push('COMMIT');
        await client.query(statements.join('; '));
        return result;
      }, true),
    /*
     * The usual way: one round trip, one implicit transaction (a query string of several
     * statements commits or rolls back as a whole). Under the session's lock, one statement
     * reads what was stored after the replica's version or under the actionId and, only if
     * nothing was, inserts the action with its seat token and snapshot. What it read comes back
     * either way, so a replica that was behind catches up without another round trip.
     */
    appendNext: (sessionId, action, extra) =>
      onClient(async (client) => {
        const s = literal(client, sessionId);
        const known = int(action.version - 1);
        const ctes = [
          `before AS (SELECT ${ACTION_COLUMNS} FROM actions WHERE session_id = ${s} AND (version > ${known} OR action_id = ${literal(client, action.actionId)}))`,
          `written AS (INSERT INTO actions (session_id, version, action_id, type, payload, actor, at) SELECT ${actionValues(client, sessionId, action)} WHERE NOT EXISTS (SELECT 1 FROM before) RETURNING version)`,
        ];
        if (extra?.seatToken) {
          ctes.push(
            `token AS (INSERT INTO seat_tokens (token_hash, session_id, seat_id) SELECT ${literal(client, extra.seatToken.tokenHash)}, ${s}, ${literal(client, extra.seatToken.seatId)} FROM written)`,
          );
        }
        if (extra?.snapshot) {
          ctes.push(
            `snapshot AS (INSERT INTO snapshots (session_id, version, state) SELECT ${s}, version, ${literal(client, JSON.stringify(extra.snapshot))} FROM written ON CONFLICT (session_id, version) DO UPDATE SET state = EXCLUDED.state)`,
            // Version 0 stays: the timeline and the report replay the whole log from it.
            `older AS (DELETE FROM snapshots WHERE session_id = ${s} AND version > 0 AND version < ${int(action.version)} AND EXISTS (SELECT 1 FROM written))`,
          );
        }
        const results = (await client.query(
          `SELECT pg_advisory_xact_lock(hashtextextended(${s}, 0)); WITH ${ctes.join(', ')} SELECT ${ACTION_COLUMNS} FROM before ORDER BY version`,
        )) as unknown as pg.QueryResult<ActionRow>[];
        const rows = results[1]!.rows.map(rowToAction);
        if (rows.length === 0) return { written: true as const };
        return { written: false as const, missed: rows.filter((a) => a.version >= action.version), previous: rows.find((a) => a.actionId === action.actionId) ?? null };
      }),
    addSeatToken: async (sessionId, grant) => {
      await q('INSERT INTO seat_tokens (token_hash, session_id, seat_id) VALUES ($1, $2, $3)', [grant.tokenHash, sessionId, grant.seatId]);
    },
    findSeatByToken: async (sessionId, tokenHash) =>
      (await q<{ seat_id: string }>('SELECT seat_id FROM seat_tokens WHERE session_id = $1 AND token_hash = $2', [sessionId, tokenHash]))[0]?.seat_id ?? null,
    findAction: async (sessionId, actionId) => {
      const row = (await q<ActionRow>(`SELECT ${ACTION_COLUMNS} FROM actions WHERE session_id = $1 AND action_id = $2`, [sessionId, actionId]))[0];
      return row ? rowToAction(row) : null;
    },
    actionsSince: async (sessionId, sinceVersion, limit) =>
      (
        await q<ActionRow>(`SELECT ${ACTION_COLUMNS} FROM actions WHERE session_id = $1 AND version > $2 ORDER BY version LIMIT $3`, [
          sessionId,
          sinceVersion,
          Math.min(limit, 2 ** 31 - 1),
        ])
      ).map(rowToAction),
    loadSessions: async () => {
      const rows = await q<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions ORDER BY created_at`);
      const out: StoredSession[] = [];
      for (const row of rows) out.push(await stored(row));
      return out;
    },
    loadSession: async (by) => {
      const row = (
        await q<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE ${'code' in by ? 'code' : 'session_id'} = $1`, ['code' in by ? by.code : by.sessionId])
      )[0];
      return row ? stored(row) : null;
    },
    firstSnapshot: async (sessionId) => {
      const row = (await q<{ version: number; state: string }>('SELECT version, state FROM snapshots WHERE session_id = $1 ORDER BY version LIMIT 1', [sessionId]))[0];
      return row ? { version: row.version, state: JSON.parse(row.state) as SessionState } : null;
    },
    addHostToken: async (sessionId, tokenHash, createdAt) => {
      await q('INSERT INTO host_tokens (token_hash, session_id, created_at) VALUES ($1, $2, $3)', [tokenHash, sessionId, createdAt]);
    },
    isHostToken: async (sessionId, tokenHash) =>
      (await q('SELECT 1 FROM host_tokens WHERE session_id = $1 AND token_hash = $2', [sessionId, tokenHash])).length > 0,
    sessionsIdleSince: async (before) =>
      (
        await q<{ session_id: string }>(
          `SELECT s.session_id FROM sessions s
           WHERE COALESCE((SELECT a.at FROM actions a WHERE a.session_id = s.session_id ORDER BY a.version DESC LIMIT 1), s.created_at) < $1`,
          [before],
        )
      ).map((r) => r.session_id),
    deleteSession: async (sessionId) => {
      await q('DELETE FROM sessions WHERE session_id = $1', [sessionId]);
    },
    close: () => pool.end(),
  };
}
