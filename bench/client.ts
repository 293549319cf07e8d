/**
 * `npm run bench:client`: how smoothly a screen follows other people's drags (issue 10, point 2).
 *
 * Headless Chromium opens a tablet (1024×768, touch) seated at a table, slowed down with CDP
 * `Emulation.setCPUThrottlingRate {rate: 4}` like a cheap tablet, while two other seats drag
 * their tokens at 30 Hz and a third drags a card and drops it every two seconds. For 10 s it
 * records the page's frame times (requestAnimationFrame intervals), long tasks
 * (PerformanceObserver 'longtask') and a CDP trace, from which it sums style, layout, layer
 * and paint time. Then the same for the big screen (1920×1080). It also prints the gzip size
 * of the JS a tablet loads before its board shows. It asserts nothing.
 *
 * The client is built into a temporary folder (a colleague's client/dist is not touched) and
 * served by the real server (bench/serve.ts) in a child process. Draggers are lean sockets in
 * this process (bench/lib/rawClient.ts).
 *
 * Knobs: BENCH_CLIENT_SECONDS=10 (measuring time per screen), BENCH_THROTTLE=4,
 * BENCH_CLIENT_SKIP=screen (or tablet), CHROMIUM_PATH=/usr/bin/chromium,
 * BENCH_CLIENT_PROFILE=1 (also writes each screen's CPU profile and trace next to the
 * screenshots, from a client built without minifying, so its printed size is not the real one).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROTOCOL_VERSION, type AttachAck, type SessionState } from '@samenspel/game-core';
import { REPO_ROOT, spawnChild, type BenchChild } from './lib/child';
import { closeAll, connect, createSession, emitAck, seatPlayer, type SeatedPlayer, type Socket } from './lib/clients';
import { busyCores, machineCpu } from './lib/machine';
import { kb } from './lib/stats';
import { buildClient } from './pageSize';

const SCENARIO_ID = 'tess-wordt-18';
const SECONDS = Number(process.env.BENCH_CLIENT_SECONDS ?? 10);
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const PROFILE = Boolean(process.env.BENCH_CLIENT_PROFILE);
const SKIP = new Set((process.env.BENCH_CLIENT_SKIP ?? '').split(',').filter(Boolean));
const HZ = 30;
const SHOTS = '/tmp/samenspel-bench-client';
const HARD_LIMIT_MS = 300_000;

const TABLET = { width: 1024, height: 768 };
const PROJECTOR = { width: 1920, height: 1080 };

/** Trace events whose time is the browser's rendering work, by what they are. */
const RENDER_EVENTS: Record<string, 'style' | 'layout' | 'layers' | 'paint'> = {
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  UpdateLayerTree: 'layers',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'layers',
  CompositeLayers: 'layers',
};

interface ScreenResult {
  label: string;
  frames: number;
  medianFrameMs: number;
  p95FrameMs: number;
  fps: number;
  longTasks: number;
  longTaskMs: number;
  /** Milliseconds of main-thread rendering work in the trace, by kind. */
  render: Record<'style' | 'layout' | 'layers' | 'paint', number>;
  /** All main-thread work the trace saw (top-level tasks), and how long the trace ran. */
  busyMs: number;
  tracedMs: number;
  framesSent: number;
  /** Cores the whole machine kept busy while measuring, and how much of that the server and the movers took. */
  machineCores: number;
  serverAndMoversCores: number;
}

const children: BenchChild[] = [];
let browser: Browser | null = null;
const tempDirs: string[] = [];
const t0 = performance.now();
const log = (msg: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${msg}`);

const watchdog = setTimeout(() => {
  console.error(`bench:client still running after ${HARD_LIMIT_MS / 1000} s; stopping`);
  void cleanup().finally(() => process.exit(2));
}, HARD_LIMIT_MS);
watchdog.unref();
process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));

async function cleanup() {
  await browser?.close().catch(() => undefined);
  browser = null;
  await Promise.all(children.map((c) => c.stop().catch(() => {})));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

async function main() {
  console.log('Samenspel client benchmark (issue 10)');
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; CPU throttle ${THROTTLE}×; ${SECONDS} s per screen\n`);

  log('building the client');
  const clientDir = mkdtempSync(join(tmpdir(), 'samenspel-bench-client-'));
  tempDirs.push(clientDir);
  const page = buildClient(clientDir, undefined, { minify: !PROFILE });
  if (!page.built) throw new Error(`client build failed: ${page.error}`);
  log(`tablet JS before the board shows: ${kb(page.tabletGzip)} gzip in ${page.tablet.length} files (${kb(page.tabletRaw)} raw); budget 150 KB`);

  const dataDir = mkdtempSync(join(tmpdir(), 'samenspel-bench-'));
  tempDirs.push(dataDir);
  const server = await spawnChild('bench/serve.ts', { DATA_DIR: dataDir, SCENARIOS_DIR: join(REPO_ROOT, 'scenarios'), CLIENT_DIR: clientDir });
  children.push(server);
  log(`server up on ${server.url}`);

  const session = await createSession(server.url, SCENARIO_ID);
  const host = await connect(server.url);
  const attach = await emitAck<AttachAck>(host, 'host:attach', { protocolVersion: PROTOCOL_VERSION, sessionId: session.sessionId, hostToken: session.hostToken });
  if (!attach.ok) throw new Error(`host attach failed: ${attach.message}`);
  // Playing: start cards are on the wheel and the tablet shows the board.
  const step = await emitAck<{ ok: boolean; message?: string }>(host, 'step:set', { actionId: randomUUID(), baseVersion: attach.snapshot.version, payload: { step: 'spelen', force: true } });
  if (!step.ok) throw new Error(`step:set failed: ${step.message}`);
  const roles = attach.snapshot.state.scenario.roles.map((r) => r.id);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  mkdirSync(SHOTS, { recursive: true });

  // The watching tablet joins like a person: code, name, role.
  const tabletContext = await browser.newContext({ viewport: TABLET, hasTouch: true });
  const tablet = await tabletContext.newPage();
  await joinOnTablet(tablet, server.url, session.code, roles[0]!);
  log('tablet seated and showing the board');

  const movers = await Promise.all(roles.slice(1, 4).map((roleId) => seatPlayer(server.url, session, 't1', roleId)));
  const state = await stateOf(server.url, session);
  const results: ScreenResult[] = [];

  if (!SKIP.has('tablet')) results.push(await measure('tablet 1024×768', tablet, movers, state, server));
  await tabletContext.close();

  if (!SKIP.has('screen')) {
    const screenContext = await browser.newContext({ viewport: PROJECTOR });
    const screen = await screenContext.newPage();
    await screen.goto(`${server.url}/screen/${session.code}`);
    await screen.locator('[data-testid="board"]').first().waitFor({ timeout: 30_000 });
    log('big screen showing the board');
    results.push(await measure('big screen 1920×1080', screen, movers, state, server));
    await screenContext.close();
  }

  closeAll([host, ...movers.map((m) => m.socket)]);
  print(results, page.tabletGzip);
}

async function joinOnTablet(page: Page, base: string, code: string, roleId: string) {
  await page.goto(`${base}/join`);
  await page.locator('[data-testid="code-input"]').fill(code.toLowerCase());
  await page.locator('[data-testid="code-submit"]').click();
  await page.locator('[data-testid="name-input"]').fill('Kijker');
  await page.locator('[data-testid="name-submit"]').click();
  await page.locator(`[data-testid="role-${roleId}"]`).click();
  await page.locator('[data-testid="role-card"]').waitFor();
  await page.locator('[data-testid="role-confirm"]').click();
  const tab = page.locator('[data-testid="tablet-tab-board"]');
  const board = page.locator('[data-testid="board"]').first();
  await Promise.race([tab.waitFor({ timeout: 30_000 }), board.waitFor({ timeout: 30_000 })]);
  if (!(await board.isVisible()) && (await tab.isVisible())) await tab.tap();
  await board.waitFor({ timeout: 30_000 });
}

/** The session as the facilitator sees it: a guest's view leaves out cards it may not see. */
async function stateOf(url: string, session: { sessionId: string; hostToken: string }): Promise<SessionState> {
  const s = await connect(url);
  try {
    const ack = await emitAck<AttachAck>(s, 'host:attach', { protocolVersion: PROTOCOL_VERSION, sessionId: session.sessionId, hostToken: session.hostToken });
    if (!ack.ok) throw new Error(`join failed: ${ack.message}`);
    return ack.snapshot.state;
  } finally {
    s.disconnect();
  }
}

/**
 * Two movers drag their own tokens in small circles, 2 s a drag and then a drop; the third
 * drags a card on the wheel the same way. All at 30 Hz, each on its own phase.
 */
function startMoving(movers: SeatedPlayer[], state: SessionState): { stop: () => Promise<void>; frames: () => number } {
  const table = state.tables.t1!;
  const card = Object.values(table.cards).find((c) => !c.staged && !c.hidden);
  if (!card) throw new Error('no card on the wheel to move');
  type Piece = { socket: Socket; kind: 'token' | 'card'; id: string; cx: number; cy: number; rev: number; seat: SeatedPlayer };
  const pieces: Piece[] = movers.map((m, i) => {
    if (i < 2) {
      const token = table.tokens[m.roleId]!;
      return { socket: m.socket, kind: 'token', id: m.roleId, cx: token.x, cy: token.y, rev: token.rev, seat: m };
    }
    return { socket: m.socket, kind: 'card', id: card.id, cx: card.x, cy: card.y, rev: card.rev, seat: m };
  });
  let sent = 0;
  let version = Math.max(...movers.map((m) => m.version));
  const started = performance.now();
  const drops: Promise<void>[] = [];
  const position = (p: Piece, i: number, t: number) => {
    const a = (t / 1000) * Math.PI + i * 2;
    // A small circle around the piece's home, kept on the mat.
    return { x: Math.max(-1.2, Math.min(1.2, p.cx + 0.12 * Math.cos(a))), y: Math.max(-1.2, Math.min(1.2, p.cy + 0.12 * Math.sin(a))) };
  };
  const lastDrop = pieces.map(() => started);
  const timers = pieces.map((p, i) =>
    setTimeout(() => {
      const tick = setInterval(() => {
        const now = performance.now();
        const at = position(p, i, now - started);
        p.socket.emit('piece:drag', { tableId: 't1', kind: p.kind, id: p.id, x: at.x, y: at.y });
        sent++;
        if (now - lastDrop[i]! >= 2000) {
          lastDrop[i] = now;
          const type = p.kind === 'token' ? 'token:move' : 'card:move';
          const payload = p.kind === 'token' ? { tableId: 't1', roleId: p.id, x: at.x, y: at.y, rev: p.rev } : { tableId: 't1', cardId: p.id, x: at.x, y: at.y, rev: p.rev };
          drops.push(
            emitAck<{ ok: boolean; version?: number }>(p.socket, type, { actionId: randomUUID(), baseVersion: version, payload }).then(
              (ack) => {
                if (ack.ok) {
                  p.rev++;
                  version = Math.max(version, ack.version ?? 0);
                }
              },
              () => undefined,
            ),
          );
        }
      }, 1000 / HZ);
      timers[i] = tick;
    }, (i * 1000) / HZ / pieces.length),
  );
  return {
    frames: () => sent,
    stop: async () => {
      for (const t of timers) clearInterval(t);
      await Promise.all(drops);
    },
  };
}

async function measure(label: string, page: Page, movers: SeatedPlayer[], state: SessionState, server: BenchChild): Promise<ScreenResult> {
  log(`${label}: ${SECONDS} s at ${THROTTLE}× CPU throttle while two tokens and a card move`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const moving = startMoving(movers, state);
  // Let the page settle into the load before measuring.
  await new Promise((r) => setTimeout(r, 1000));

  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  // A string, not a function: tsx's name helpers do not exist in the page.
  await page.evaluate(`(() => {
    const bench = { frames: [], long: [] };
    window.__bench = bench;
    const loop = (t) => { bench.frames.push(t); requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
    new PerformanceObserver((list) => { for (const e of list.getEntries()) bench.long.push(e.duration); }).observe({ type: 'longtask' });
  })()`);
  const machineFrom = machineCpu();
  const moversCpu = process.cpuUsage();
  await server.request('resetLoad');
  const sentBefore = moving.frames();
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  if (PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(join(SHOTS, `${label.split(' ')[0]}.cpuprofile`), JSON.stringify(profile));
  }
  const sent = moving.frames() - sentBefore;
  const bench = (await page.evaluate('window.__bench')) as { frames: number[]; long: number[] };
  const machineTo = machineCpu();
  const moversUsage = process.cpuUsage(moversCpu);
  const load = await server.request<{ cpu: number }>('load');
  await cdp.send('Tracing.end');
  await complete;
  await moving.stop();
  await page.screenshot({ path: join(SHOTS, `${label.split(' ')[0]}.png`) });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();

  const intervals = bench.frames.slice(1).map((t, i) => t - bench.frames[i]!);
  const sorted = [...intervals].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  if (PROFILE) writeFileSync(join(SHOTS, `${label.split(' ')[0]}.trace.json`), JSON.stringify(events));
  const { render, busyMs, tracedMs } = renderTime(events);
  const machine = busyCores(machineFrom, machineTo);
  const serverAndMovers = load.cpu + (moversUsage.user + moversUsage.system) / 1e6 / SECONDS;
  return {
    label,
    frames: intervals.length,
    medianFrameMs: q(0.5),
    p95FrameMs: q(0.95),
    fps: 1000 / q(0.5),
    longTasks: bench.long.length,
    longTaskMs: bench.long.reduce((a, b) => a + b, 0),
    render,
    busyMs,
    tracedMs,
    framesSent: sent,
    machineCores: machine,
    serverAndMoversCores: serverAndMovers,
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  cat?: string;
  args?: { name?: string };
}

/**
 * Sums rendering work on the page's main thread: the renderer's "CrRendererMain" thread with
 * the most events (the measured page is the only one open in its browser context). Nested
 * events of the same kind are not double counted because Chromium does not nest them.
 */
function renderTime(events: TraceEvent[]): { render: ScreenResult['render']; busyMs: number; tracedMs: number } {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const perThread = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (mains.has(key) && RENDER_EVENTS[e.name]) perThread.set(key, (perThread.get(key) ?? 0) + 1);
  }
  const main = [...perThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  const render = { style: 0, layout: 0, layers: 0, paint: 0 };
  let busyMs = 0;
  let first = Infinity;
  let last = -Infinity;
  const open = new Map<string, number>();
  // Tasks nest (a task run inside another's message loop); count only the outermost.
  let taskEnd = -Infinity;
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (`${e.pid}:${e.tid}` !== main) continue;
    if (e.ph !== 'M') {
      first = Math.min(first, e.ts);
      last = Math.max(last, e.ts + (e.dur ?? 0));
    }
    if (e.name === 'RunTask' && e.ph === 'X' && e.dur && e.ts >= taskEnd) {
      busyMs += e.dur / 1000;
      taskEnd = e.ts + e.dur;
    }
    const kind = RENDER_EVENTS[e.name];
    if (!kind) continue;
    if (e.ph === 'X' && e.dur) render[kind] += e.dur / 1000;
    else if (e.ph === 'B') open.set(e.name, e.ts);
    else if (e.ph === 'E' && open.has(e.name)) {
      render[kind] += (e.ts - open.get(e.name)!) / 1000;
      open.delete(e.name);
    }
  }
  return { render, busyMs, tracedMs: (last - first) / 1000 };
}

function print(results: ScreenResult[], tabletGzip: number) {
  const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');
  console.log('\nSummary (goal on the tablet: median frame ≈ 16.7 ms (60 fps), p95 ≤ 20 ms)');
  for (const r of results) {
    const renderMs = r.render.style + r.render.layout + r.render.layers + r.render.paint;
    console.log(
      `  ${r.label}: median frame ${f(r.medianFrameMs)} ms (${f(r.fps, 0)} fps), p95 ${f(r.p95FrameMs)} ms over ${r.frames} frames` +
        ` | long tasks ${r.longTasks} (${f(r.longTaskMs, 0)} ms)` +
        ` | of ${f(r.tracedMs / 1000)} s traced: main thread busy ${f(r.busyMs, 0)} ms, style ${f(r.render.style, 0)}, layout ${f(r.render.layout, 0)}, layers ${f(r.render.layers, 0)}, paint ${f(r.render.paint, 0)} (rendering ${f(renderMs, 0)} ms)` +
        ` | drag frames sent ${r.framesSent} | machine busy ${f(r.machineCores, 2)} cores, of which server and movers ${f(r.serverAndMoversCores, 2)}; the rest is Chromium and other processes`,
    );
  }
  console.log(`  tablet JS before the board shows: ${kb(tabletGzip)} gzip (budget 150 KB)`);
  console.log(`  screenshots in ${SHOTS}/`);
}

try {
  await main();
} catch (error) {
  console.error('bench:client failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await cleanup();
}
setTimeout(() => process.exit(process.exitCode ?? 0), 200).unref();
