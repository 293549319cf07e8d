import compression from 'compression';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import QRCode from 'qrcode';
import type { Clock, Logger } from '../logger';
import { buildReport } from '@samenspel/game-core';
import type { Room } from '../rooms/room';
import type { RoomRegistry } from '../rooms/registry';
import { renderReportPdf } from '../report/pdf';
import type { Dependencies } from '../hosted/cluster';
import type { Storage } from '../storage/storage';
import { StorageUnavailableError } from '../storage/unavailable';
import { SCENARIO_ID, type ScenarioCatalog } from '../scenarios/catalog';
import { WindowCounter } from '../realtime/limits';
import { hashSecret, sameSecret } from '../tokens';
import { securityHeaders } from './security';

export interface HttpDeps {
  registry: RoomRegistry;
  storage: Storage;
  /** Days after its last action that a session is deleted automatically. */
  retentionDays: number;
  scenarios: ScenarioCatalog;
  clock: Clock;
  logger: Logger;
  clientDir: string | null;
  publicUrl: string | null;
  scenariosWritable: boolean;
  /** Needed (as `Authorization: Bearer`) to save a scenario file; printed at start. */
  trainerSecret: string | null;
  /** Sessions that are stored but could not be brought back (damaged); listed in /healthz. */
  damaged: () => number;
  /** Whether actions can be written right now (disk full, data dir unwritable). */
  storageHealth: () => { ok: true } | { ok: false; reason: string };
  /** Sessions one address may start per minute. */
  sessionsPerMinute: number;
  ready: () => boolean;
  /** Hosted mode: which of PostgreSQL and Redis answer; null with one process. */
  dependencies: () => Dependencies | null;
  /** Hosted mode: this process's name among the others, for operators and the proxy test. */
  processId: string | null;
}

const IMAGE_TYPES = new Set(['.png', '.jpg', '.jpeg', '.webp', '.svg', '.gif']);

export function createHttpApp(deps: HttpDeps): Express {
  const { registry, scenarios, logger } = deps;
  // Replies name files relative to the scenarios folder; the server's own folders stay private.
  const roots = [resolve(scenarios.root), process.cwd()].filter((r) => r.length > 1).sort((a, b) => b.length - a.length);
  const hidePaths = (text: string) => roots.reduce((t, root) => t.split(root + sep).join('').split(root).join('.'), text);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(securityHeaders(deps.publicUrl));
  // Venue Wi-Fi is slow and shared: the tablet bundle is a third of its size gzipped. The
  // scenario event stream must not be buffered by the compressor.
  app.use(compression({ filter: (req, res) => req.path !== '/api/scenarios/events' && compression.filter(req, res) }));
  const sessionStarts = new WindowCounter(deps.sessionsPerMinute, 60_000, () => deps.clock.now());

  app.get('/healthz', (_req, res) => {
    if (!deps.ready()) return void res.status(503).json({ ok: false, status: 'starting' });
    const counts = { sessions: registry.size, damaged: deps.damaged(), scenarios: scenarios.list().filter((e) => e.scenario).length };
    const storage = deps.storageHealth();
    // A full or unwritable disk refuses every action: the server is up but not healthy.
    if (!storage.ok) return void res.status(503).json({ ok: false, status: 'storage', reason: storage.reason, ...counts });
    // Hosted mode names the dependency that is missing; the process recovers by itself.
    const dependencies = deps.dependencies();
    if (dependencies && (dependencies.postgres === 'down' || dependencies.redis === 'down'))
      return void res.status(503).json({ ok: false, status: 'degraded', dependencies });
    res.json({ ok: true, ...counts, ...(dependencies ? { dependencies, process: deps.processId } : {}) });
  });

  app.get('/api/scenarios', (_req, res) => {
    res.json({
      scenarios: scenarios.list().map((e) => ({
        id: e.id,
        status: e.scenario ? 'ok' : 'error',
        title: e.scenario?.meta.title ?? e.id,
        description: e.scenario?.meta.description ?? '',
        durationMinutes: e.scenario?.meta.durationMinutes ?? null,
        persona: e.scenario
          ? { name: e.scenario.persona.name, age: e.scenario.persona.age, avatar: e.scenario.persona.avatar ?? null, situation: e.scenario.persona.situation }
          : null,
        roles: e.scenario?.roles.length ?? 0,
        cards: e.scenario?.cards.length ?? 0,
        file: scenarios.shown(e.file),
        problems: e.problems.map((p) => ({ file: scenarios.shown(p.file), line: p.line, column: p.column, message: hidePaths(p.message), suggestion: p.suggestion === undefined ? undefined : hidePaths(p.suggestion) })),
      })),
    });
  });

  // The home page says in words how long a workshop's data is kept.
  app.get('/api/info', (_req, res) => {
    res.json({ retentionDays: deps.retentionDays });
  });

  // joinBase lets a big screen opened on another device print a link tablets can reach.
  app.get('/api/config', (req, res) => {
    res.json({ scenariosWritable: deps.scenariosWritable, scenariosDir: scenarios.shownRoot, joinBase: publicBase(req, deps.publicUrl) });
  });

  // Trainers' previews listen here and refresh when a scenario file is saved.
  app.get('/api/scenarios/events', (req, res) => {
    res.set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.flushHeaders();
    res.write('retry: 2000\n\n');
    const stop = scenarios.onChange(() => res.write(`event: changed\ndata: ${Date.now()}\n\n`));
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      stop();
      clearInterval(ping);
    });
  });

  app.get('/api/scenarios/:id/source', (req, res) => {
    const source = scenarios.source(req.params.id);
    if (source === null) return void res.status(404).json({ code: 'NOT_FOUND', message: 'no such scenario' });
    res.type('text/yaml; charset=utf-8').send(source);
  });

  // The secret is checked before the body is read, so nobody without it can make the server parse 512 kB.
  const trainerOnly = (req: Request, res: Response, next: NextFunction) => {
    if (!deps.scenariosWritable || !deps.trainerSecret)
      return void res.status(403).json({ code: 'FORBIDDEN', message: 'saving is off; start the server with SCENARIOS_WRITABLE=1' });
    const secret = bearer(req);
    if (!secret)
      return void res.status(401).set('WWW-Authenticate', 'Bearer').json({ code: 'BAD_TRAINER_SECRET', message: 'send the trainer secret printed at start as Authorization: Bearer <secret>' });
    if (!sameSecret(hashSecret(secret), hashSecret(deps.trainerSecret)))
      return void res.status(403).json({ code: 'BAD_TRAINER_SECRET', message: 'this is not the trainer secret the server printed at start' });
    next();
  };

  app.put('/api/scenarios/:id/source', trainerOnly, express.text({ type: '*/*', limit: '512kb' }), (req, res) => {
    const id = String(req.params.id);
    if (!SCENARIO_ID.test(id)) return void res.status(400).json({ code: 'BAD_REQUEST', message: 'bad scenario id' });
    if (typeof req.body !== 'string' || !req.body.trim()) return void res.status(400).json({ code: 'BAD_REQUEST', message: 'send the YAML text as the body' });
    const result = scenarios.save(id, req.body);
    if (!result.ok) return void res.status(422).json({ code: 'BAD_REQUEST', message: 'the scenario has problems', problems: result.problems.map((p) => ({ ...p, file: scenarios.shown(p.file), message: hidePaths(p.message), ...(p.suggestion === undefined ? {} : { suggestion: hidePaths(p.suggestion) }) })) });
    logger.info('scenario saved', { id });
    res.json({ ok: true });
  });

  app.get('/api/scenarios/:id', (req, res) => {
    const scenario = scenarios.get(req.params.id);
    if (!scenario) return void res.status(404).json({ code: 'NOT_FOUND', message: 'no such scenario' });
    res.json({ scenario });
  });

  app.get('/api/scenarios/:id/files/:name', (req, res) => {
    const path = IMAGE_TYPES.has(extname(req.params.name).toLowerCase()) ? scenarios.asset(req.params.id, req.params.name) : null;
    if (!path) return void res.status(404).json({ code: 'NOT_FOUND', message: 'no such file' });
    res.sendFile(path);
  });

  app.post('/api/sessions', express.json({ limit: '4kb' }), async (req, res) => {
    const ip = req.socket.remoteAddress ?? 'unknown';
    if (sessionStarts.blocked(ip))
      return void res.status(429).json({ code: 'RATE_LIMITED', message: 'too many sessions started; wait a minute' });
    const body = (req.body ?? {}) as { scenarioId?: unknown; tables?: unknown };
    if (typeof body.scenarioId !== 'string') return void res.status(400).json({ code: 'BAD_REQUEST', message: 'scenarioId is required' });
    const tables = body.tables === undefined ? 1 : Number(body.tables);
    if (!Number.isInteger(tables) || tables < 1 || tables > 12)
      return void res.status(400).json({ code: 'BAD_REQUEST', message: 'tables must be a whole number from 1 to 12' });
    const scenario = scenarios.get(body.scenarioId);
    if (!scenario) return void res.status(404).json({ code: 'NOT_FOUND', message: 'no such scenario (or it has errors)' });
    sessionStarts.fail(ip);
    const { room, hostToken } = await registry.create(scenario, { tables });
    const base = publicBase(req, deps.publicUrl);
    res.status(201).json({
      sessionId: room.sessionId,
      code: room.code,
      hostToken,
      joinUrl: `${base}/join/${room.code}`,
      screenUrl: `${base}/screen/${room.code}`,
    });
  });

  /*
   * Facilitator endpoints: the host token (or a co-host token) in `Authorization: Bearer`.
   * Wrong tokens count per address and session, and only wrong ones are refused once there are
   * too many: the right token always works, whoever else guesses from the same address.
   */
  const tokenGuesses = new WindowCounter(20, 60_000, () => deps.clock.now());
  const hostRoom = async (req: Request, res: Response): Promise<Room | null> => {
    const ip = req.socket.remoteAddress ?? 'unknown';
    const token = bearer(req);
    if (!token) {
      res.status(401).set('WWW-Authenticate', 'Bearer').json({ code: 'BAD_HOST_TOKEN', message: 'send the facilitator token as Authorization: Bearer <token>' });
      return null;
    }
    const room = await registry.find({ sessionId: String(req.params.id) });
    if (!room) {
      if (registry.damaged.has(String(req.params.id)))
        res.status(503).json({ code: 'SESSION_DAMAGED', message: 'the stored data of this session is damaged; it could not be restored' });
      else res.status(404).json({ code: 'SESSION_NOT_FOUND', message: 'no such session' });
      return null;
    }
    if (!(await registry.isHostToken(room, token))) {
      const key = `${ip}|${room.sessionId}`;
      if (tokenGuesses.blocked(key)) {
        res.status(429).json({ code: 'RATE_LIMITED', message: 'too many wrong facilitator tokens; wait a minute' });
        return null;
      }
      tokenGuesses.fail(key);
      res.status(403).json({ code: 'BAD_HOST_TOKEN', message: 'this is not a facilitator token of the session' });
      return null;
    }
    return room;
  };

  /**
   * The whole log from the state the session was created with, for the timeline and the
   * report; null (after a clear answer) when its stored rows can't be read.
   */
  const logOf = async (room: Room, res: Response) => {
    try {
      const initial = await deps.storage.firstSnapshot(room.sessionId);
      if (!initial) throw new Error('it has no first snapshot');
      return { initial, actions: await deps.storage.actionsSince(room.sessionId, initial.version, Number.MAX_SAFE_INTEGER) };
    } catch (error) {
      // Hosted mode, PostgreSQL away: that is no damage; the error handler answers UNAVAILABLE.
      if (error instanceof StorageUnavailableError) throw error;
      logger.error('session log could not be read', { sessionId: room.sessionId, error: error instanceof Error ? error.message : String(error) });
      res.status(503).json({ code: 'SESSION_DAMAGED', message: 'part of the stored log of this session is damaged; it cannot be read' });
      return null;
    }
  };

  app.get('/api/sessions/:id/log', async (req, res) => {
    const room = await hostRoom(req, res);
    if (!room) return;
    const log = await logOf(room, res);
    if (log) res.set('Cache-Control', 'no-store').json(log);
  });

  app.get('/api/sessions/:id/report.json', async (req, res) => {
    const room = await hostRoom(req, res);
    if (!room) return;
    const log = await logOf(room, res);
    if (!log) return;
    const { initial, actions } = log;
    const report = buildReport(initial, actions, { generatedAt: deps.clock.now() });
    res
      .set('Cache-Control', 'no-store')
      .attachment(reportFileName(room.code, room.record.createdAt, 'json'))
      .type('application/json')
      .send(JSON.stringify(report, null, 2));
  });

  app.get('/api/sessions/:id/report.pdf', async (req, res) => {
    const room = await hostRoom(req, res);
    if (!room) return;
    const log = await logOf(room, res);
    if (!log) return;
    const { initial, actions } = log;
    const pdf = await renderReportPdf(buildReport(initial, actions, { generatedAt: deps.clock.now() }));
    res.set('Cache-Control', 'no-store').attachment(reportFileName(room.code, room.record.createdAt, 'pdf')).type('application/pdf').send(pdf);
  });

  app.delete('/api/sessions/:id', async (req, res) => {
    const room = await hostRoom(req, res);
    if (!room) return;
    await registry.delete(room, 'request');
    res.json({ ok: true });
  });

  app.post('/api/sessions/:id/cohost', async (req, res) => {
    const room = await hostRoom(req, res);
    if (!room) return;
    const cohostToken = await registry.createCohostToken(room);
    res.status(201).json({ cohostToken, hostPath: `/host/${encodeURIComponent(room.sessionId)}` });
  });

  app.get('/api/qr.svg', async (req, res) => {
    const text = typeof req.query.text === 'string' ? req.query.text : '';
    if (!text || text.length > 512) return void res.status(400).json({ code: 'BAD_REQUEST', message: 'text is required (at most 512 characters)' });
    const svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    // The browser draws QR codes itself; this stays for scripts. The text can be a secret
    // link, so the answer is never cached by anyone.
    res.type('image/svg+xml').set('Cache-Control', 'no-store').send(svg);
  });

  app.use('/api', (_req, res) => void res.status(404).json({ code: 'NOT_FOUND', message: 'no such endpoint' }));

  if (deps.clientDir && existsSync(join(deps.clientDir, 'index.html'))) {
    const clientDir = deps.clientDir;
    app.use('/assets', express.static(join(clientDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
    app.use(express.static(clientDir, { index: false, maxAge: 0 }));
    // Every page is the same single-page app; the client reads the path.
    app.get(/^\/(?!socket\.io\/).*/, (_req, res) => {
      res.set('Cache-Control', 'no-cache').sendFile(join(clientDir, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The client is not built. Run `npm start`, which builds it first.');
    });
  }

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // Hosted mode, PostgreSQL away: nothing changed; the same request works once it is back.
    if (error instanceof StorageUnavailableError) {
      logger.warn('http request refused', { path: req.path, status: 503, error: error.message });
      return void res.status(503).json({ code: 'UNAVAILABLE', message: 'the server cannot reach its database; try again in a moment' });
    }
    const status = typeof error === 'object' && error && 'status' in error ? Number((error as { status: unknown }).status) : 500;
    if (status >= 500) logger.error('http error', { path: req.path, error: String(error) });
    else logger.warn('http request refused', { path: req.path, status, error: String(error) });
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL';
    res.status(status).json({ code, message: status < 500 ? 'the request could not be read' : 'something went wrong on the server' });
  });

  return app;
}

/**
 * The address tablets should use. Opened as localhost on the facilitator's laptop, a join
 * link to "localhost" would point every tablet at itself, so use the laptop's LAN address.
 */
function publicBase(req: Request, configured: string | null): string {
  if (configured) return configured.replace(/\/+$/, '');
  const host = req.get('host') ?? 'localhost';
  const [hostname, port] = host.split(':');
  if (hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]') {
    const lan = lanAddress();
    if (lan) return `${req.protocol}://${lan}${port ? `:${port}` : ''}`;
  }
  return `${req.protocol}://${host}`;
}

function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const addr of list ?? []) {
      if (addr.family === 'IPv4' && !addr.internal) return addr.address;
    }
  }
  return null;
}

/** `samenspel-<code>-<yyyy-mm-dd>.<ext>`, dated on the day of the workshop. */
function reportFileName(code: string, createdAt: number, ext: 'json' | 'pdf'): string {
  const d = new Date(createdAt);
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `samenspel-${code}-${day}.${ext}`;
}

function bearer(req: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  return match?.[1] ?? null;
}
