import { resolve } from 'node:path';
import { createApp, DEFAULT_RETENTION_DAYS, DEFAULT_ROOM_IDLE_MS } from './createApp';
import { consoleLogger } from './logger';
import { loadScenarioCatalog } from './scenarios/catalog';
import { Cluster } from './hosted/cluster';
import { openPostgresStorage } from './storage/postgres';
import { openSqliteStorage, StorageError } from './storage/sqlite';
import type { Storage } from './storage/storage';

const logger = consoleLogger();
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const scenariosDir = resolve(process.env.SCENARIOS_DIR ?? 'scenarios');
const clientDir = resolve(process.env.CLIENT_DIR ?? 'client/dist');
const retentionDays = Number(process.env.RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS);
if (!Number.isFinite(retentionDays) || retentionDays <= 0) {
  logger.error('RETENTION_DAYS must be a number of days above 0', { value: process.env.RETENTION_DAYS });
  process.exit(1);
}
// A session nobody is connected to leaves memory after this long (it stays stored).
const roomIdleSeconds = Number(process.env.ROOM_IDLE_SECONDS ?? DEFAULT_ROOM_IDLE_MS / 1000);
if (!Number.isFinite(roomIdleSeconds) || roomIdleSeconds <= 0) {
  logger.error('ROOM_IDLE_SECONDS must be a number of seconds above 0', { value: process.env.ROOM_IDLE_SECONDS });
  process.exit(1);
}

// Hosted mode: several processes share PostgreSQL (the log) and Redis (fan-out, coordination).
// PostgreSQL without Redis would leave each process blind to the others' actions: refuse.
const databaseUrl = process.env.DATABASE_URL ?? '';
const redisUrl = process.env.REDIS_URL ?? '';
if (databaseUrl && !redisUrl) {
  console.error('DATABASE_URL is set but REDIS_URL is not: several processes need Redis to share sessions; set REDIS_URL or unset DATABASE_URL for one process with SQLite');
  process.exit(1);
}

const maxMb = process.env.DATA_MAX_MB === undefined ? null : Number(process.env.DATA_MAX_MB);
if (maxMb !== null && (!Number.isFinite(maxMb) || maxMb <= 0)) {
  logger.error('DATA_MAX_MB must be a number of megabytes above 0', { value: process.env.DATA_MAX_MB });
  process.exit(1);
}

let storage: Storage;
let hosted: { cluster: Cluster; pingDatabase: () => Promise<boolean> } | null = null;
if (databaseUrl) {
  try {
    const postgres = await openPostgresStorage(databaseUrl, logger);
    const cluster = new Cluster(redisUrl, process.env.REDIS_PREFIX ?? 'samenspel', logger);
    await cluster.start();
    storage = postgres;
    hosted = { cluster, pingDatabase: () => postgres.ping() };
  } catch (error) {
    console.error(`hosted mode could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
} else {
  try {
    storage = openSqliteStorage(dataDir, maxMb === null ? {} : { maxBytes: maxMb * 1024 * 1024 });
  } catch (error) {
    // The operator's to fix: one clear line, no stack trace.
    if (!(error instanceof StorageError)) throw error;
    console.error(`Samenspel cannot start: ${error.message}`);
    process.exit(1);
  }
}

// Trainer pages name files as the operator wrote the folder, not by the server's absolute path.
const scenarios = loadScenarioCatalog(scenariosDir, logger, { shownRoot: process.env.SCENARIOS_DIR ?? 'scenarios' });
if (process.env.SCENARIOS_WATCH === '1') scenarios.watch();

const app = createApp({
  storage,
  hosted,
  scenarios,
  logger,
  clientDir,
  publicUrl: process.env.PUBLIC_URL ?? null,
  scenariosWritable: process.env.SCENARIOS_WRITABLE === '1',
  trainerSecret: process.env.TRAINER_SECRET || null,
  retentionDays,
  roomIdleMs: roomIdleSeconds * 1000,
});

let actualPort: number;
try {
  actualPort = await app.listen(port, host);
} catch (error) {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    console.error(`Samenspel cannot start: ${host}:${port} is not available (${code}); choose another PORT or HOST`);
    process.exit(1);
  }
  throw error;
}
logger.info('Samenspel is ready', {
  url: `http://localhost:${actualPort}`,
  ...(hosted ? { mode: 'hosted', process: hosted.cluster.processId } : { dataDir }),
  scenariosDir,
});
if (app.trainerSecret) {
  // Like a host token: whoever has it may overwrite scenario files. The link carries it after
  // the #, which the browser never sends to a server.
  console.log(`Scenario files can be saved from the browser. Trainer secret: ${app.trainerSecret}`);
  console.log(`Trainer editor: http://localhost:${actualPort}/scenarios#trainer=${app.trainerSecret}`);
}

let closing = false;
const shutdown = (signal: string) => {
  if (closing) return;
  closing = true;
  logger.info('shutting down', { signal });
  // Every acknowledged action is already on disk; closing only says goodbye to the sockets.
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('uncaughtException', (error) => {
  // A bug must not take every workshop in the building down: log it and keep serving.
  logger.error('uncaught exception', { error: error.stack ?? String(error) });
});
process.on('unhandledRejection', (error) => {
  logger.error('unhandled rejection', { error: String(error) });
});
