import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ActionAck, type AttachAck, type SeatClaimAck } from '@samenspel/game-core';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { freePort, killHard, spawnServer, type ServerProcess } from './process';
import { FIXTURE_SCENARIOS, REPO_ROOT } from './server';

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

export interface Proxy {
  url: string;
  stop(): Promise<void>;
}

/**
 * HAProxy from Debian's package with the committed deploy/haproxy.cfg, in front of the given
 * processes; resolves once the proxy has sent requests to each of them.
 */
export async function startHaproxy(a: { port: number }, b: { port: number }, timeoutMs = 20_000): Promise<Proxy> {
  const port = await freePort();
  const child = spawn('/usr/sbin/haproxy', ['-db', '-f', join(REPO_ROOT, 'deploy/haproxy.cfg')], {
    env: { ...process.env, SAMENSPEL_BIND: `127.0.0.1:${port}`, SAMENSPEL_A: `127.0.0.1:${a.port}`, SAMENSPEL_B: `127.0.0.1:${b.port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const seen = new Set<string>();
  const until = Date.now() + timeoutMs;
  while (seen.size < 2) {
    if (child.exitCode !== null) throw new Error(`haproxy exited:\n${output}`);
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`haproxy did not reach both processes within ${timeoutMs} ms:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) seen.add(((await res.json()) as { process: string }).process);
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A tablet that behaves like the real client after a lost connection: it reconnects (through
 * the proxy), re-attaches with its seat token and sends an unanswered action again with the
 * same actionId, so the server either applies it once or answers it as a duplicate.
 */
export class ResilientPlayer {
  readonly socket: Socket;
  seatToken: string | null = null;
  seatId = '';
  rev = 0;
  disconnects = 0;
  readonly acked: { version: number; actionId: string; at: number }[] = [];
  private attached: Promise<void>;

  constructor(
    url: string,
    private readonly code: string,
    readonly tableId: string,
    readonly roleId: string,
  ) {
    this.socket = io(url, { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500, randomizationFactor: 0, forceNew: true, timeout: 3000 });
    this.attached = new Promise((resolve) => this.socket.once('connect', () => resolve()));
    this.socket.on('disconnect', () => this.disconnects++);
    this.socket.io.on('reconnect', () => {
      this.attached = this.attach();
    });
  }

  async start(): Promise<void> {
    await this.attached;
    this.attached = this.attach();
    await this.attached;
    const claim = (await this.socket.timeout(5000).emitWithAck('seat:claim', {
      actionId: randomUUID(),
      baseVersion: 0,
      payload: { tableId: this.tableId, roleId: this.roleId, name: `tablet ${this.roleId}` },
    })) as SeatClaimAck;
    if (!claim.ok) throw new Error(`${claim.code} ${claim.message}`);
    this.seatToken = claim.seatToken;
    this.seatId = claim.seat.id;
  }

  /** One token move, retried through reconnects until the server answers it. */
  async move(x: number, y: number): Promise<{ version: number; duplicate: boolean }> {
    const req = { actionId: randomUUID(), baseVersion: 0, payload: { tableId: this.tableId, roleId: this.roleId, x, y, rev: this.rev } };
    for (let attempt = 0; attempt < 200; attempt++) {
      try {
        await this.attached;
        const ack = (await this.socket.timeout(2000).emitWithAck('token:move', req)) as ActionAck;
        if (ack.ok) {
          this.rev = req.payload.rev + 1;
          this.acked.push({ version: ack.version, actionId: req.actionId, at: performance.now() });
          return { version: ack.version, duplicate: ack.duplicate === true };
        }
        if (ack.code !== 'NOT_ATTACHED' && ack.code !== 'UNAVAILABLE') throw new Error(`${ack.code} ${ack.message}`);
      } catch (error) {
        if (!(error instanceof Error) || !/timed out|disconnected/.test(error.message)) throw error;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the move was never answered');
  }

  close(): void {
    this.socket.disconnect();
  }

  private async attach(): Promise<void> {
    for (;;) {
      try {
        const ack = (await this.socket.timeout(3000).emitWithAck('session:join', {
          protocolVersion: PROTOCOL_VERSION,
          code: this.code,
          ...(this.seatToken ? { seatToken: this.seatToken } : {}),
        })) as AttachAck;
        if (ack.ok) return;
        if (ack.code !== 'UNAVAILABLE' && ack.code !== 'INTERNAL') throw new Error(`${ack.code} ${ack.message}`);
      } catch (error) {
        if (!(error instanceof Error) || !/timed out|disconnected/.test(error.message)) throw error;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The two server processes a hosted test plays on, and their database and Redis prefix. */
export interface ProcessPair {
  env: HostedEnv;
  a: ServerProcess & { port: number };
  b: ServerProcess & { port: number };
}

/**
 * Before the describe block's tests: a database and Redis prefix of their own and two server
 * processes on them (with `vars` in their environment), handed to `ready`. After them: `close`
 * (the test's own connections), then both processes killed and the database dropped.
 */
export function twoProcesses(ready: (pair: ProcessPair) => void, close: () => void, vars: Record<string, string> = {}): void {
  let pair: Partial<ProcessPair> = {};
  beforeAll(async () => {
    const env = await hostedEnv();
    pair = { env };
    const [a, b] = await Promise.all([env.spawn(vars), env.spawn(vars)]);
    pair = { env, a, b };
    ready(pair as ProcessPair);
  }, 60_000);
  afterAll(async () => {
    close();
    await Promise.all([pair.a && killHard(pair.a), pair.b && killHard(pair.b)]);
    await pair.env?.drop();
  }, 30_000);
}
