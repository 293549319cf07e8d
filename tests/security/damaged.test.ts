import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/createApp';
import { memoryLogger } from '../../server/src/logger';
import { loadScenarioCatalog } from '../../server/src/scenarios/catalog';
import { openSqliteStorage } from '../../server/src/storage/sqlite';
import { freePort } from '../helpers/process';
import { FIXTURE_SCENARIOS, REPO_ROOT, startServer, type TestServer } from '../helpers/server';
import { act, newSession, PROTOCOL, wire, type Wire } from './wire';
import { spawn } from 'node:child_process';

/* Hole 8: one damaged session never stops the others, and a bad disk is said plainly. */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});
const wires: Wire[] = [];
afterEach(() => {
  for (const w of wires.splice(0)) w.close();
});

async function serve(dataDir?: string) {
  const server = await startServer({ ...(dataDir ? { dataDir } : {}), limits: { sessionsPerMinute: 10_000 } });
  cleanups.push(() => server.stop());
  return server;
}

async function sessionWithMoves(url: string) {
  const session = await newSession(url);
  const host = await wire(url);
  wires.push(host);
  const ack = await host.ask('host:attach', { protocolVersion: PROTOCOL, sessionId: session.sessionId, hostToken: session.hostToken });
  const version = (ack.snapshot as { version: number }).version;
  expect(await host.ask('step:set', act({ step: 'situatie' }, version))).toMatchObject({ ok: true });
  expect(await host.ask('situation:reveal', act({ all: true }, version + 1))).toMatchObject({ ok: true });
  return session;
}

const health = async (url: string) => {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('a damaged session', () => {
  it('is skipped at boot, listed in /healthz and its report answers plainly, while the others come back', async () => {
    const first = await serve();
    const dataDir = first.dataDir;
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const sessions = [];
    for (let i = 0; i < 4; i++) sessions.push(await sessionWithMoves(first.url));
    await first.stop();
    for (const w of wires.splice(0)) w.close();

    const broken = sessions[1]!;
    const db = new Database(join(dataDir, 'samenspel.sqlite'));
    db.prepare("UPDATE actions SET payload = '{\"all\": tru' WHERE session_id = ? AND type = 'situation:reveal'").run(broken.sessionId);
    db.close();

    const second = await serve(dataDir);
    const { status, body } = await health(second.url);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, sessions: 3, damaged: 1 });
    expect(second.logger.lines.some((l) => l.msg.startsWith('session could not be restored') && l.fields?.sessionId === broken.sessionId)).toBe(true);

    for (const s of sessions.filter((s) => s !== broken)) {
      const guest = await wire(second.url);
      wires.push(guest);
      expect(await guest.ask('session:join', { protocolVersion: PROTOCOL, code: s.code })).toMatchObject({ ok: true });
      const report = await fetch(`${second.url}/api/sessions/${s.sessionId}/report.json`, { headers: { authorization: `Bearer ${s.hostToken}` } });
      expect(report.status).toBe(200);
      await report.arrayBuffer();
    }
    const report = await fetch(`${second.url}/api/sessions/${broken.sessionId}/report.json`, { headers: { authorization: `Bearer ${broken.hostToken}` } });
    expect(report.status).toBe(503);
    expect(await report.json()).toMatchObject({ code: 'SESSION_DAMAGED' });
  });

  it('checks the data file at boot and names damage in one line, serving what can be read', async () => {
    const first = await serve();
    const dataDir = first.dataDir;
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    for (let i = 0; i < 12; i++) await sessionWithMoves(first.url);
    await first.stop();
    for (const w of wires.splice(0)) w.close();
    expect(first.logger.lines.some((l) => l.msg === 'data file check: ok')).toBe(true);

    // Garbage over pages in the middle of the file, as a failing disk leaves it.
    const file = join(dataDir, 'samenspel.sqlite');
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    const junk = Buffer.alloc(4096, 0x5a);
    for (let page = 3; page * 4096 < size - 4096; page += 3) writeSync(fd, junk, 0, junk.length, page * 4096 + 64);
    closeSync(fd);

    const second = await serve(dataDir);
    const { status, body } = await health(second.url);
    expect(status).toBe(200);
    const line = second.logger.lines.find((l) => l.msg.startsWith('data file check found damage'));
    expect(line?.msg).toBeDefined();
    expect(line!.msg).not.toContain('\n');
    expect(Number(body.sessions) + Number(body.damaged)).toBeGreaterThan(0);
  });
});

describe('a disk that cannot take more', () => {
  it('refuses actions plainly and says so in /healthz when the disk is full', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samenspel-full-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const logger = memoryLogger();
    const app = createApp({
      storage: openSqliteStorage(dataDir, { maxBytes: 160 * 1024 }),
      scenarios: loadScenarioCatalog(FIXTURE_SCENARIOS, logger),
      logger,
      publicUrl: 'http://localhost',
      limits: { sessionsPerMinute: 10_000, actionsPerSecond: 10_000, eventsPerSecond: 10_000 },
    });
    const port = await app.listen(0, '127.0.0.1');
    cleanups.push(() => app.close());
    const url = `http://127.0.0.1:${port}`;
    expect((await health(url)).status).toBe(200);

    const session = await newSession(url);
    const host = await wire(url);
    wires.push(host);
    const ack = await host.ask('host:attach', { protocolVersion: PROTOCOL, sessionId: session.sessionId, hostToken: session.hostToken });
    let version = (ack.snapshot as { version: number }).version;
    // New sessions fill the file until the cap refuses one.
    let created = 0;
    for (let i = 0; i < 500; i++) {
      const res = await fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId: 'mini' }) });
      await res.arrayBuffer();
      if (res.status !== 201) break;
      created++;
    }
    expect(created).toBeLessThan(500);
    let refusal: { ok: boolean; code?: string } | null = null;
    const steps = ['situatie', 'kennismaken'];
    for (let i = 0; i < 2000 && !refusal; i++) {
      const a = await host.ask('step:set', act({ step: steps[i % 2] }, version));
      if (a.ok) version = Number(a.version);
      else refusal = a;
    }
    expect(refusal).toMatchObject({ ok: false, code: 'INTERNAL' });
    const { status, body } = await health(url);
    expect(status).toBe(503);
    expect(body).toMatchObject({ ok: false, status: 'storage' });
    expect(String(body.reason)).toMatch(/full/);
    expect(logger.lines.some((l) => l.msg === 'action not persisted')).toBe(true);
  });
});

describe('a data folder the server cannot use', () => {
  const start = async (dataDir: string) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(await freePort()), DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { code, output };
  };

  it('prints one line and no stack trace when DATA_DIR is a file or its database cannot be opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenspel-bad-data-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    mkdirSync(join(dir, 'blocked', 'samenspel.sqlite'), { recursive: true });

    for (const dataDir of [join(dir, 'a-file'), join(dir, 'blocked')]) {
      const { code, output } = await start(dataDir);
      expect(code, output).toBe(1);
      const lines = output.trim().split('\n');
      expect(lines, output).toHaveLength(1);
      expect(lines[0]).toMatch(/^Samenspel cannot start: .*DATA_DIR/);
      expect(output).not.toMatch(/^\s+at /m);
    }
  });
});

