import { afterEach, describe, expect, it } from 'vitest';
import type { ActionAck, AttachAck } from '@samenspel/game-core';
import { RoomRegistry } from '../../server/src/rooms/registry';
import { memoryLogger } from '../../server/src/logger';
import { openSqliteStorage } from '../../server/src/storage/sqlite';
import type { Storage } from '../../server/src/storage/storage';
import { loadScenarioCatalog } from '../../server/src/scenarios/catalog';
import { createSessionOver, FIXTURE_SCENARIOS, startServer, type TestServer } from '../helpers/server';
import { actionRequest, attachHost, joinAsPlayer, request, type TestSocket } from '../helpers/socket';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const servers: TestServer[] = [];
const sockets: TestSocket[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const s of servers.splice(0)) {
    await s.stop();
    s.cleanup();
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`still waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A clock the test moves by hand. */
function handClock(start = Date.UTC(2026, 0, 5, 9, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('idle rooms leave memory (one process, SQLite)', () => {
  it('unloads a session nobody is connected to after the idle time, and an attach brings it back exactly as it was', async () => {
    const server = await startServer({ roomIdleMs: 200 });
    servers.push(server);
    const session = await createSessionOver(server.url, 'mini');
    const host = await attachHost(server.url, session.sessionId, session.hostToken);
    expect(await request<ActionAck>(host.socket, 'situation:reveal', actionRequest<'situation:reveal'>({ all: true }, 0))).toMatchObject({ ok: true, version: 1 });
    const player = await joinAsPlayer(server.url, session.code);
    const claim = await request<ActionAck>(player.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'mentor', name: 'Gert' }, 1));
    expect(claim).toMatchObject({ ok: true, version: 2 });
    const seatToken = (claim as unknown as { seatToken: string }).seatToken;
    await player.replica.waitForVersion(2);
    expect(await request<ActionAck>(player.socket, 'token:move', actionRequest<'token:move'>({ tableId: 't1', roleId: 'mentor', x: 0.4, y: -0.3, rev: 0 }, 2))).toMatchObject({ ok: true, version: 3 });
    await host.replica.waitForVersion(3);
    const before = host.replica.state;

    // One connection left keeps the room; the last one leaving starts its idle time.
    player.socket.disconnect();
    await new Promise((r) => setTimeout(r, 400));
    expect(server.app.registry.byId(session.sessionId)).toBeDefined();
    host.socket.disconnect();
    await until(() => server.app.registry.byId(session.sessionId) === undefined, 'the idle room to be unloaded');
    expect(server.logger.lines.some((l) => l.msg === 'idle sessions unloaded')).toBe(true);

    const back = await joinAsPlayer(server.url, session.code, seatToken);
    sockets.push(back.socket);
    expect(back.ack).toMatchObject({ ok: true, snapshot: { version: 3 } });
    expect((back.ack as AttachAck & { ok: true }).snapshot.state.tables.t1!.tokens.mentor).toMatchObject({ x: 0.4, y: -0.3, rev: 1 });
    const hostBack = await attachHost(server.url, session.sessionId, session.hostToken);
    sockets.push(hostBack.socket);
    expect(hostBack.replica.state).toEqual(before);
    expect(await request<ActionAck>(back.socket, 'token:move', actionRequest<'token:move'>({ tableId: 't1', roleId: 'mentor', x: 0.1, y: 0.1, rev: 1 }, 3))).toMatchObject({ ok: true, version: 4 });
    await hostBack.replica.waitForVersion(4);
  });

  it('keeps a room whose last connection left while its action was being written, until the write is stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-unload-'));
    dirs.push(dir);
    const sqlite = openSqliteStorage(dir);
    // The write waits until the test lets it go, as a slow disk (or PostgreSQL) would.
    let letGo: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (letGo = resolve));
    const storage: Storage = {
      ...sqlite,
      ordered: (sessionId, knownVersion, actionId, work) =>
        sqlite.ordered(sessionId, knownVersion, actionId, async (write) => {
          await gate;
          return work(write);
        }),
    };
    const clock = handClock();
    const logger = memoryLogger();
    const registry = new RoomRegistry(storage, clock, logger);
    const scenario = loadScenarioCatalog(FIXTURE_SCENARIOS, logger).get('mini')!;
    const { room } = await registry.create(scenario);
    room.retain();
    const submitted = room.submit('step:set', { actionId: 'a1', baseVersion: 0, payload: { step: 'situatie' } }, { kind: 'host' });
    room.release();
    clock.advance(60_000);
    expect(registry.unloadIdle(1_000)).toEqual([]);
    letGo();
    expect(await submitted).toMatchObject({ ok: true, action: { version: 1 } });
    expect(registry.unloadIdle(1_000)).toEqual([room.sessionId]);
    const again = await registry.find({ code: room.code });
    expect(again).not.toBe(room);
    expect(again?.version).toBe(1);
    expect(again?.state).toEqual(room.state);
    sqlite.close();
  });

  it('takes a room back that was unloaded while an attach was checking its token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-unload-'));
    dirs.push(dir);
    const storage = openSqliteStorage(dir);
    const clock = handClock();
    const logger = memoryLogger();
    const registry = new RoomRegistry(storage, clock, logger);
    const scenario = loadScenarioCatalog(FIXTURE_SCENARIOS, logger).get('mini')!;
    const { room } = await registry.create(scenario);
    const found = await registry.find({ code: room.code });
    clock.advance(60_000);
    expect(registry.unloadIdle(1_000)).toEqual([room.sessionId]);
    // The attach goes ahead with the room it found: the same one is live again, not a second copy.
    expect(registry.revive(found!)).toBe(room);
    expect(registry.byJoinCode(room.code)).toBe(room);
    expect(await registry.find({ sessionId: room.sessionId })).toBe(room);

    // Unloaded again, then deleted (another process's deletion arrives as `forget`): an attach
    // that found it before does not bring a deleted session back.
    clock.advance(60_000);
    expect(registry.unloadIdle(1_000)).toEqual([room.sessionId]);
    registry.forget(room.sessionId);
    registry.revive(room);
    expect(registry.byId(room.sessionId)).toBeUndefined();
    storage.close();
  });
});
