import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp, type App, type AppDeps } from '../../server/src/createApp';
import { memoryLogger } from '../../server/src/logger';
import { loadScenarioCatalog } from '../../server/src/scenarios/catalog';
import { openSqliteStorage } from '../../server/src/storage/sqlite';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURE_SCENARIOS = join(REPO_ROOT, 'tests/fixtures/scenarios');
export const REAL_SCENARIOS = join(REPO_ROOT, 'scenarios');

export interface TestServer {
  app: App;
  url: string;
  port: number;
  dataDir: string;
  logger: ReturnType<typeof memoryLogger>;
  stop(): Promise<void>;
  /** Stops this server and starts a new one on the same data dir (a restart). */
  restart(): Promise<TestServer>;
  /** Deletes the data dir; call after the last stop. */
  cleanup(): void;
}

export interface StartOptions {
  dataDir?: string;
  scenariosDir?: string;
  clientDir?: string | null;
  limits?: AppDeps['limits'];
  /** A fixed port, so that a restarted server is found by clients that reconnect. */
  port?: number;
  scenariosWritable?: boolean;
  /** The scenario folder as SCENARIOS_DIR would name it; the folder's own name when absent. */
  scenariosShownRoot?: string;
  watchScenarios?: boolean;
  clock?: AppDeps['clock'];
  retentionDays?: number;
  roomIdleMs?: number;
}

/** A real server on port 0 with a real SQLite file in a temporary folder. */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'samenspel-test-'));
  const logger = memoryLogger();
  const scenarios = loadScenarioCatalog(
    options.scenariosDir ?? FIXTURE_SCENARIOS,
    logger,
    options.scenariosShownRoot !== undefined ? { shownRoot: options.scenariosShownRoot } : {},
  );
  if (options.watchScenarios) scenarios.watch();
  const app = createApp({
    storage: openSqliteStorage(dataDir),
    scenarios,
    scenariosWritable: options.scenariosWritable ?? false,
    logger,
    clientDir: options.clientDir ?? null,
    publicUrl: 'http://localhost',
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {}),
    ...(options.roomIdleMs !== undefined ? { roomIdleMs: options.roomIdleMs } : {}),
  });
  const port = await app.listen(options.port ?? 0, '127.0.0.1');
  let stopped = false;
  const server: TestServer = {
    app,
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    logger,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await app.close();
    },
    restart: async () => {
      await server.stop();
      return startServer({ ...options, dataDir, port });
    },
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
  return server;
}

export async function createSessionOver(url: string, scenarioId: string, tables = 1) {
  const res = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId, tables }),
  });
  if (res.status !== 201) throw new Error(`session not created: ${res.status} ${await res.text()}`);
  return (await res.json()) as { sessionId: string; code: string; hostToken: string; joinUrl: string; screenUrl: string };
}
