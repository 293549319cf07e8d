import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { MAX_MESSAGE_BYTES } from '@samenspel/game-core';
import { createHttpApp } from './http/routes';
import { consoleLogger, systemClock, type Clock, type Logger } from './logger';
import { DEFAULT_LIMITS, attachRealtime, type IoServer, type RealtimeLimits } from './realtime/handlers';
import type { DragRelay } from './realtime/dragRelay';
import { RoomRegistry } from './rooms/registry';
import { publicOrigin } from './http/security';
import { newSecret } from './tokens';
import type { ScenarioCatalog } from './scenarios/catalog';
import type { Cluster, Dependencies } from './hosted/cluster';
import type { Storage } from './storage/storage';

export interface AppDeps {
  storage: Storage;
  scenarios: ScenarioCatalog;
  clock?: Clock;
  logger?: Logger;
  /** The built client to serve, or null for an API-only server. */
  clientDir?: string | null;
  /** The address printed in join links and QR codes; found from the network when absent. */
  publicUrl?: string | null;
  /** Lets the browser editor save scenario files (off unless asked for). */
  scenariosWritable?: boolean;
  /** What a trainer sends to save a scenario file; one is made up when saving is on and none is given. */
  trainerSecret?: string | null;
  limits?: Partial<RealtimeLimits> & { sessionsPerMinute?: number };
  /** Sessions are deleted this many days after their last action (default 30). */
  retentionDays?: number;
  /** A session with no connection and no write for this long is unloaded from memory (default 10 minutes). */
  roomIdleMs?: number;
  /**
   * Several processes share PostgreSQL (`storage`) and Redis: the coordination, and a probe of
   * the database for /healthz and for refusing actions while it is away.
   */
  hosted?: { cluster: Cluster; pingDatabase: () => Promise<boolean> } | null;
}

export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60_000;
/** How often idle sessions are looked for while the server runs. */
const PURGE_EVERY_MS = 60 * 60_000;
export const DEFAULT_ROOM_IDLE_MS = 10 * 60_000;

export interface App {
  http: HttpServer;
  io: IoServer;
  registry: RoomRegistry;
  relay: DragRelay;
  /** The secret needed to save scenario files, or null when saving is off. */
  trainerSecret: string | null;
  /** Purges sessions past retention, restores the rest, then listens. Resolves with the port (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  /** Deletes every session idle for longer than the retention period; returns how many. */
  purgeExpired(): Promise<number>;
  /** Hosted mode: which dependency is up; null with one process. */
  dependencies(): Dependencies | null;
  close(): Promise<void>;
}

/** Builds the whole server from its dependencies; nothing listens until `listen`. */
export function createApp(deps: AppDeps): App {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? consoleLogger();
  const limits: RealtimeLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const registry = new RoomRegistry(deps.storage, clock, logger);
  const retentionDays = deps.retentionDays ?? DEFAULT_RETENTION_DAYS;
  let ready = false;
  const trainerSecret = deps.scenariosWritable ? (deps.trainerSecret ?? newSecret()) : null;
  let purger: NodeJS.Timeout | null = null;
  let unloader: NodeJS.Timeout | null = null;
  const roomIdleMs = deps.roomIdleMs ?? DEFAULT_ROOM_IDLE_MS;
  const hosted = deps.hosted ?? null;
  const purgeOnce = async () => {
    const deleted = (await registry.purgeIdle(retentionDays * DAY_MS)).length;
    if (deleted > 0) logger.info('sessions past retention deleted', { deleted, retentionDays });
    return deleted;
  };
  // Hosted: one process at a time purges; another that comes due meanwhile skips this round.
  const purgeExpired = async () => (hosted ? ((await hosted.cluster.exclusively('purge', 10 * 60_000, purgeOnce)) ?? 0) : purgeOnce());
  let databaseUp = true;
  let prober: NodeJS.Timeout | null = null;
  const dependencies = (): Dependencies | null =>
    hosted ? { postgres: databaseUp ? 'up' : 'down', redis: hosted.cluster.redisUp() ? 'up' : 'down' } : null;
  const unavailable = () => {
    const d = dependencies();
    if (!d) return null;
    if (d.postgres === 'down') return 'PostgreSQL';
    if (d.redis === 'down') return 'Redis';
    return null;
  };

  const httpApp = createHttpApp({
    registry,
    storage: deps.storage,
    retentionDays,
    scenarios: deps.scenarios,
    clock,
    logger,
    clientDir: deps.clientDir ?? null,
    publicUrl: deps.publicUrl ?? null,
    scenariosWritable: deps.scenariosWritable ?? false,
    trainerSecret,
    damaged: () => registry.damaged.size,
    storageHealth: () => deps.storage.health?.() ?? { ok: true },
    sessionsPerMinute: deps.limits?.sessionsPerMinute ?? 30,
    ready: () => ready,
    dependencies,
    processId: hosted?.cluster.processId ?? null,
  });
  const http = createServer(httpApp);
  const io: IoServer = new Server(http, {
    // The engine refuses anything far beyond what the protocol allows; the handlers refuse
    // the rest with a typed ack (PAYLOAD_TOO_LARGE) instead of dropping the connection.
    maxHttpBufferSize: MAX_MESSAGE_BYTES * 4,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    serveClient: false,
    // A page on another site must not play in a workshop with the visitor's browser.
    allowRequest: (req, callback) => callback(null, sameOriginOrPublic(req.headers.origin, req.headers.host, deps.publicUrl ?? null)),
  });
  io.engine.on('connection_error', (error: { code: number; message: string }) => {
    logger.warn('connection refused', { code: error.code, message: error.message });
  });
  if (hosted) io.adapter(hosted.cluster.adapter);
  const realtime = attachRealtime({ io, registry, storage: deps.storage, clock, logger, limits, cluster: hosted?.cluster ?? null, unavailable });

  const { relay } = realtime;

  return {
    http,
    io,
    registry,
    relay,
    trainerSecret,
    purgeExpired,
    dependencies,
    listen: async (port, host) => {
      // Purged before the restore, so a workshop from months ago is not even loaded.
      const problems = deps.storage.checkIntegrity?.() ?? [];
      if (problems.length > 0)
        logger.error(
          `data file check found damage (${problems.join(' ').replace(/\s+/g, ' ').slice(0, 200)}); sessions that can be read are served, the rest are listed as damaged in /healthz`,
        );
      else if (deps.storage.checkIntegrity) logger.info('data file check: ok');
      try {
        await purgeExpired();
      } catch (error) {
        // A damaged page in the log must not keep the readable sessions from coming back.
        logger.error(`retention purge failed at boot (${error instanceof Error ? error.message : String(error)}); it is tried again every hour`);
      }
      const restored = await registry.restore();
      purger = setInterval(() => {
        purgeExpired().catch((error: unknown) => logger.error('retention purge failed', { error: String(error) }));
      }, PURGE_EVERY_MS);
      purger.unref();
      // Looked for a few times per idle period, so a room goes within a quarter of it after.
      unloader = setInterval(() => registry.unloadIdle(roomIdleMs), Math.min(60_000, Math.max(50, roomIdleMs / 4)));
      unloader.unref();
      logger.info('sessions restored', restored);
      if (hosted) {
        prober = setInterval(() => {
          void hosted.pingDatabase().then((up) => {
            if (up !== databaseUp) logger[up ? 'info' : 'warn'](up ? 'postgres is back' : 'postgres is unreachable');
            databaseUp = up;
          });
        }, 1_000);
        prober.unref();
      }
      return new Promise((resolvePort, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          ready = true;
          resolvePort((http.address() as AddressInfo).port);
        });
      });
    },
    close: async () => {
      ready = false;
      if (purger) clearInterval(purger);
      if (prober) clearInterval(prober);
      if (unloader) clearInterval(unloader);
      purger = null;
      unloader = null;
      relay.close();
      realtime.stop();
      // io.close also closes the HTTP server, whose callback waits for every keep-alive
      // connection: a client polling /healthz would hold the shutdown open for ever.
      const ioClosed = new Promise<void>((done) => {
        io.close(() => done());
      });
      http.closeAllConnections();
      await ioClosed;
      if (http.listening) {
        const closed = new Promise<void>((done) => http.close(() => done()));
        // Long-lived responses (the scenario event stream) would otherwise hold the close open.
        http.closeAllConnections();
        await closed;
      }
      await deps.storage.close();
      await hosted?.cluster.close();
    },
  };
}

/**
 * Whether a WebSocket (or polling) request may open a connection: no Origin (not a browser, or
 * a same-origin request that sent none), the page's own origin (a tablet on the LAN address,
 * the laptop on localhost: the Origin matches the Host it asked), or PUBLIC_URL.
 */
export function sameOriginOrPublic(origin: string | undefined, host: string | undefined, publicUrl: string | null): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (host !== undefined && url.host === host.toLowerCase()) return true;
  return url.origin === publicOrigin(publicUrl);
}
