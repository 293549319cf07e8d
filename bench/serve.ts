/**
 * The Samenspel server under test, in its own process. It is the real `createApp` with SQLite
 * in DATA_DIR and the scenarios in SCENARIOS_DIR; only the per-socket flood limits are raised
 * (a load generator sends from one address at rates no tablet would). Measurements travel over
 * the IPC channel, so the server's port carries only the protocol.
 */
import { resolve } from 'node:path';
import { createApp } from '../server/src/createApp';
import type { Logger } from '../server/src/logger';
import { loadScenarioCatalog } from '../server/src/scenarios/catalog';
import { Cluster } from '../server/src/hosted/cluster';
import { openPostgresStorage } from '../server/src/storage/postgres';
import { openSqliteStorage } from '../server/src/storage/sqlite';
import { serveIpc } from './lib/child';
import { createProbe } from './lib/probe';

/** Milliseconds since this process started: when the imports (tsx compiling TypeScript) were done. */
const importedAt = performance.now();
const dataDir = process.env.DATA_DIR;
const scenariosDir = process.env.SCENARIOS_DIR;
if (!dataDir || !scenariosDir) throw new Error('bench/serve.ts needs DATA_DIR and SCENARIOS_DIR');

/** Counts log lines instead of printing them: a refused-request line per frame would swamp the run. */
const counts = new Map<string, number>();
const samples: string[] = [];
let restored: { rooms: number; actions: number; ms: number } | undefined;
const count = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
  if (msg === 'sessions restored') restored = fields as typeof restored;
  const key = `${level} ${msg}${fields?.code ? ` ${String(fields.code)}` : ''}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  if (level !== 'info' && samples.length < 10) samples.push(`${key} ${JSON.stringify(fields ?? {}).slice(0, 300)}`);
};
const logger: Logger = { info: count('info'), warn: count('warn'), error: count('error') };

// With DATABASE_URL and REDIS_URL (bench/hosted.ts), the hosted mode: PostgreSQL and Redis.
const hosted = process.env.DATABASE_URL
  ? await (async () => {
      const postgres = await openPostgresStorage(process.env.DATABASE_URL!, logger);
      const cluster = new Cluster(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', process.env.REDIS_PREFIX ?? 'samenspel-bench', logger);
      await cluster.start();
      return { postgres, cluster };
    })()
  : null;

const app = createApp({
  storage: hosted ? hosted.postgres : openSqliteStorage(resolve(dataDir)),
  hosted: hosted ? { cluster: hosted.cluster, pingDatabase: () => hosted.postgres.ping() } : null,
  scenarios: loadScenarioCatalog(resolve(scenariosDir), logger),
  logger,
  // CLIENT_DIR serves a built client, for the browser bench; the server bench needs none.
  clientDir: process.env.CLIENT_DIR ? resolve(process.env.CLIENT_DIR) : null,
  publicUrl: 'http://127.0.0.1',
  limits: {
    eventsPerSecond: 1000,
    actionsPerSecond: 500,
    sessionsPerMinute: 100_000,
    attachFailuresPerMinute: 100_000,
  },
});

const probe = createProbe(() => app.io);
serveIpc({
  memory: (arg) => probe.memory(arg),
  resetLoad: () => {
    app.relay.stats.frames = 0;
    app.relay.stats.coalesced = 0;
    app.relay.stats.batches = 0;
    return probe.resetLoad();
  },
  load: () => ({ ...probe.load(), relay: { ...app.relay.stats } }),
  queues: () => probe.queues(),
  log: () => ({ counts: Object.fromEntries(counts), samples }),
  counts: () => {
    let seats = 0;
    for (const room of app.registry.rooms()) seats += Object.keys(room.state.seats).length;
    return { rooms: app.registry.size, seats, sockets: app.io.of('/').sockets.size };
  },
});

const port = await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.send?.({ type: 'ready', port, ...(restored ? { restored } : {}), timeline: { importedAt, readyAt: performance.now() } });

let closing = false;
process.on('SIGTERM', () => {
  if (closing) return;
  closing = true;
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
