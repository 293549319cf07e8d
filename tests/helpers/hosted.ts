import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { freePort, spawnServer, type ServerProcess } from './process';
import { FIXTURE_SCENARIOS } from './server';

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Why the hosted tests cannot run here, or null when PostgreSQL and Redis both answer. In CI
 * (CI=true) a missing service is a failure, not a reason to skip.
 */
export async function hostedUnavailable(): Promise<string | null> {
  const problems: string[] = [];
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    problems.push(`PostgreSQL at ${PG_ADMIN_URL}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    problems.push(`Redis at ${REDIS_URL}: ${(error as Error).message}`);
  } finally {
    redis.disconnect();
  }
  if (problems.length === 0) return null;
  const reason = `hosted tests need ${problems.join(' and ')}`;
  if (process.env.CI === 'true') throw new Error(`${reason} (CI=true: PostgreSQL and Redis must be running)`);
  console.warn(`skipping: ${reason}`);
  return reason;
}

export async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database and a Redis key prefix of its own for one test file, removed by `drop`. */
export interface HostedEnv {
  database: string;
  databaseUrl: string;
  prefix: string;
  dataDir: string;
  spawn(extra?: Record<string, string>): Promise<ServerProcess & { port: number }>;
  /** Cuts PostgreSQL off from the test database: ends its connections and refuses new ones. */
  cutDatabase(): Promise<void>;
  restoreDatabase(): Promise<void>;
  drop(): Promise<void>;
}

export async function hostedEnv(): Promise<HostedEnv> {
  const id = randomBytes(5).toString('hex');
  const database = `samenspel_test_${id}`;
  const prefix = `samenspel-test-${id}`;
  await admin((c) => c.query(`CREATE DATABASE ${database}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'samenspel-hosted-'));
  return {
    database,
    databaseUrl: url.toString(),
    prefix,
    dataDir,
    spawn: async (extra = {}) => {
      const port = await freePort();
      const proc = await spawnServer({
        PORT: String(port),
        DATABASE_URL: url.toString(),
        REDIS_URL,
        REDIS_PREFIX: prefix,
        DATA_DIR: dataDir,
        SCENARIOS_DIR: FIXTURE_SCENARIOS,
        CLIENT_DIR: join(dataDir, 'no-client'),
        ...extra,
      });
      return { ...proc, port };
    },
    cutDatabase: () =>
      admin(async (c) => {
        await c.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS false`);
        await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
      }),
    restoreDatabase: () => admin((c) => c.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS true`)).then(() => undefined),
    drop: async () => {
      await admin(async (c) => {
        await c.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS true`);
        await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      });
      const redis = new Redis(REDIS_URL);
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          cursor = next;
          if (keys.length) await redis.del(...keys);
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Rows of the test database (the log as PostgreSQL holds it). */
export function query<R extends pg.QueryResultRow>(env: HostedEnv, text: string, values: unknown[] = []): Promise<R[]> {
  return (async () => {
    const client = new pg.Client({ connectionString: env.databaseUrl });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  })();
}
