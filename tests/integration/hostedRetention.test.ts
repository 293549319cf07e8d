import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/src/createApp';
import { Cluster } from '../../server/src/hosted/cluster';
import { memoryLogger } from '../../server/src/logger';
import { loadScenarioCatalog } from '../../server/src/scenarios/catalog';
import { openPostgresStorage } from '../../server/src/storage/postgres';
import { hostedEnv, hostedUnavailable, REDIS_URL, type HostedEnv } from '../helpers/hosted';
import { createSessionOver, FIXTURE_SCENARIOS } from '../helpers/server';
import { joinAsPlayer, nextEvent, type TestSocket } from '../helpers/socket';

const skip = await hostedUnavailable();
const DAY = 24 * 60 * 60_000;

describe.skipIf(skip !== null)('hosted mode: retention with two processes', () => {
  let env: HostedEnv;
  let now = Date.UTC(2026, 0, 5, 9, 0);
  const clock = { now: () => now };
  const apps: { app: App; url: string }[] = [];
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    env = await hostedEnv();
    for (let i = 0; i < 2; i++) {
      const logger = memoryLogger();
      const storage = await openPostgresStorage(env.databaseUrl, logger);
      const cluster = new Cluster(REDIS_URL, env.prefix, logger);
      await cluster.start();
      const app = createApp({
        storage,
        hosted: { cluster, pingDatabase: () => storage.ping() },
        scenarios: loadScenarioCatalog(FIXTURE_SCENARIOS, logger),
        logger,
        clock,
        publicUrl: 'http://localhost',
        retentionDays: 30,
      });
      const port = await app.listen(0, '127.0.0.1');
      apps.push({ app, url: `http://127.0.0.1:${port}` });
    }
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const { app } of apps) await app.close();
    await env?.drop();
  }, 30_000);

  it('purges on one process at a time, and connections on both processes hear their session end', async () => {
    const session = await createSessionOver(apps[0]!.url, 'mini');
    const [onA, onB] = await Promise.all(apps.map(({ url }) => joinAsPlayer(url, session.code)));
    sockets.push(onA!.socket, onB!.socket);
    const endedOnA = nextEvent<{ sessionId: string }>(onA!.socket, 'session:deleted');
    const endedOnB = nextEvent<{ sessionId: string }>(onB!.socket, 'session:deleted');

    now += 31 * DAY;
    // Both processes' hourly purge come due together: one takes the lock and deletes, the other skips.
    const deleted = await Promise.all(apps.map(({ app }) => app.purgeExpired()));
    expect(deleted.sort()).toEqual([0, 1]);
    expect(await endedOnA).toEqual({ sessionId: session.sessionId });
    expect(await endedOnB).toEqual({ sessionId: session.sessionId });
    const again = await joinAsPlayer(apps[1]!.url, session.code);
    sockets.push(again.socket);
    expect(again.ack).toMatchObject({ ok: false, code: 'SESSION_NOT_FOUND' });
  });
});
