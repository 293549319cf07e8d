/**
 * `npm run bench`: measures Samenspel against the budgets of DESIGN.md §5 and prints the
 * figures. It asserts nothing. The server under test and the bare Socket.IO yardstick run in
 * child processes; this process is the load generator (all client sockets live here, so one
 * clock times both ends of every frame). Everything listens on 127.0.0.1 and the run stops by
 * itself in about two and a half minutes.
 *
 * The sockets speak the Socket.IO wire protocol through a lean client (bench/lib/rawClient.ts):
 * the server does the same work as for socket.io-client, and the load generator, which shares
 * the two cores, does less.
 *
 * Knobs for a quicker look (the figures in docs/performance.md use the defaults):
 *   BENCH_TABLES=20   tables instead of 100
 *   BENCH_SECONDS=2   measuring seconds per round instead of 4 (100×8) / 3 (100×6, overload)
 *   BENCH_SKIP=page,bare,restart,6,light,8,overload   leave parts out
 *   BENCH_CHILD_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   profile the servers
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { runActions, type ActionRunResult } from './actions';
import { mergeDrag, runDrag, sleep, type DragMember, type DragRunResult } from './drag';
import { REPO_ROOT, spawnChild, type BenchChild } from './lib/child';
import { closeAll, connect, createSession, emitAck, mapLimit, seatPlayer, type SeatedPlayer } from './lib/clients';
import type { MemorySample } from './lib/probe';
import { int, kb, mb, ms, pct, table } from './lib/stats';
import { measurePageSize, type PageSizeResult } from './pageSize';
import { runRestart, seed, type RestartResult } from './restart';

const SCENARIO_ID = 'tess-wordt-18';
const SCENARIOS_DIR = join(REPO_ROOT, 'scenarios');
const TABLES = Number(process.env.BENCH_TABLES ?? 100);
const SECONDS = process.env.BENCH_SECONDS ? Number(process.env.BENCH_SECONDS) : null;
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const HARD_LIMIT_MS = 240_000;

const children: BenchChild[] = [];
const tempDirs: string[] = [];
const t0 = performance.now();
const log = (msg: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${msg}`);

// Never outlive the budgeted run time, whatever hangs.
const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${HARD_LIMIT_MS / 1000} s; stopping`);
  void cleanup().finally(() => process.exit(2));
}, HARD_LIMIT_MS);
watchdog.unref();
process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));

async function cleanup() {
  await Promise.all(children.map((c) => c.stop().catch(() => {})));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

async function startOurs(dataDir: string) {
  const child = await spawnChild('bench/serve.ts', { DATA_DIR: dataDir, SCENARIOS_DIR });
  children.push(child);
  return child;
}

async function startBare() {
  const child = await spawnChild('bench/bare.ts', {});
  children.push(child);
  return child;
}

async function stopChild(child: BenchChild) {
  await child.stop();
  children.splice(children.indexOf(child), 1);
}

/** The bare relay's version of the same tables: same socket counts, one room per table. */
async function bareTables(bare: BenchChild, tables: number, perTable: number, roles: string[]): Promise<DragMember[][]> {
  const slots = Array.from({ length: tables * perTable }, (_, i) => ({ t: Math.floor(i / perTable), r: i % perTable }));
  const members = await mapLimit(slots, 25, async ({ t, r }) => {
    const socket = await connect(bare.url);
    await emitAck(socket, 'bench:join', { room: `table-${t}`, by: `b${t}-${r}` });
    return { socket, tableId: 't1', pieceId: roles[r]! };
  });
  return Array.from({ length: tables }, (_, t) => members.slice(t * perTable, (t + 1) * perTable));
}

const heapPlus = (m: MemorySample) => m.heapUsed + m.external;

async function main() {
  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    } catch {
      return '?';
    }
  })();
  const loadStart = loadavg();
  console.log('Samenspel benchmark (DESIGN.md §5)');
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${mb(totalmem(), 0)} RAM, node ${process.version}, commit ${commit}, load average ${loadStart.map((l) => l.toFixed(2)).join(' ')}`,
  );
  console.log(`tables: ${TABLES}; scenario ${SCENARIO_ID}\n`);

  // ── 6. Tablet page ────────────────────────────────────────────────────────────────
  let page: PageSizeResult | null = null;
  if (!SKIP.has('page')) {
    log('building the client to measure the tablet page');
    page = measurePageSize();
    if (!page.built) log(`client build failed, page size not measured: ${page.error}`);
    else log(`tablet page: ${kb(page.tabletGzip)} gzip of JS before the board shows (${page.tablet.length} files)`);
  }

  // ── Our server: memory of rooms and sockets, then the drag runs ───────────────────
  const dataDir = mkdtempSync(join(tmpdir(), 'samenspel-bench-'));
  tempDirs.push(dataDir);
  const ours = await startOurs(dataDir);
  log(`server up on ${ours.url} in ${ms(ours.startMs, 0)}`);
  const roles = await rolesOf(ours.url);
  if (roles.length < 8) throw new Error(`${SCENARIO_ID} has ${roles.length} roles; the bench needs 8`);

  // Warm the code paths once, so one-time allocations do not count per room or socket.
  {
    const warm = await createSession(ours.url, SCENARIO_ID);
    const players = await mapLimit(roles.slice(0, 8), 8, (roleId) => seatPlayer(ours.url, warm, 't1', roleId));
    closeAll(players.map((p) => p.socket));
    await sleep(300);
  }
  const m0 = await ours.request<MemorySample>('memory', { gc: true });
  const sessions = await mapLimit(Array.from({ length: TABLES }), 10, () => createSession(ours.url, SCENARIO_ID));
  const m1 = await ours.request<MemorySample>('memory', { gc: true });
  log(`${TABLES} sessions created`);

  const players: SeatedPlayer[][] = sessions.map(() => []);
  const seat = async (from: number, to: number) => {
    const slots = sessions.flatMap((s, t) => roles.slice(from, to).map((roleId) => ({ s, t, roleId })));
    const seated = await mapLimit(slots, 20, ({ s, roleId }) => seatPlayer(ours.url, s, 't1', roleId));
    seated.forEach((p, i) => players[slots[i]!.t]!.push(p));
  };
  await seat(0, 6);
  const m2 = await ours.request<MemorySample>('memory', { gc: true });
  log(`${TABLES * 6} players seated`);
  const memory = {
    base: m0,
    perRoomHeap: (heapPlus(m1) - heapPlus(m0)) / TABLES,
    perRoomRss: (m1.rss - m0.rss) / TABLES,
    perSocketHeap: (heapPlus(m2) - heapPlus(m1)) / (TABLES * 6),
    perSocketRss: (m2.rss - m1.rss) / (TABLES * 6),
    sockets: TABLES * 6,
    perSocketHeap8: NaN,
    perSocketRss8: NaN,
  };
  const oursTables = (n: number): DragMember[][] => players.map((ps) => ps.slice(0, n).map((p) => ({ socket: p.socket, tableId: p.tableId, pieceId: p.roleId })));

  // Bare relay and our server take turns, round by round, so that whatever else the machine
  // is doing at the time weighs on both alike.
  const design = { warmupMs: 1000, measureMs: (SECONDS ?? 4) * 1000, drainMs: 1000, hz: 30 };
  const short = { warmupMs: 1000, measureMs: (SECONDS ?? 3) * 1000, drainMs: 1000, hz: 30 };

  const drag: Record<string, { ours?: DragRunResult; bare?: DragRunResult }> = { '6': {}, '8': {}, light: {}, overload: {} };
  let bare: { child: BenchChild; tables: DragMember[][] } | null = null;
  const connectBare = async (perTable: number) => {
    if (SKIP.has('bare')) return;
    if (bare) {
      closeAll(bare.tables.flat().map((m) => m.socket));
      await stopChild(bare.child);
    }
    const child = await startBare();
    bare = { child, tables: await bareTables(child, TABLES, perTable, roles) };
  };
  const compare = async (key: string, perTable: number, draggers: number, timing: typeof design, rounds: number, o: { sampleMemory?: boolean; tables?: number } = {}) => {
    const n = o.tables ?? TABLES;
    log(`drag ${n}×${perTable}, ${draggers} dragging per table: ${rounds} rounds of bare relay, then samenspel`);
    const oursRuns: DragRunResult[] = [];
    const bareRuns: DragRunResult[] = [];
    for (let round = 0; round < rounds; round++) {
      if (bare) {
        bareRuns.push(await runDrag({ label: `bare ${n}×${perTable}`, tables: bare.tables.slice(0, n), draggersPerTable: draggers, server: bare.child, ...timing }));
        await sleep(300);
      }
      oursRuns.push(
        await runDrag({
          label: `samenspel ${n}×${perTable}`,
          tables: oursTables(perTable).slice(0, n),
          draggersPerTable: draggers,
          server: ours,
          sampleMemory: o.sampleMemory ?? false,
          ...timing,
        }),
      );
      await sleep(300);
    }
    if (bareRuns.length > 0) printDrag((drag[key]!.bare = mergeDrag(bareRuns)));
    printDrag((drag[key]!.ours = mergeDrag(oursRuns)));
  };

  // ── 1. Drag fan-out at design load, 100×6 then 100×8 ──────────────────────────────
  await connectBare(6);
  if (!SKIP.has('6')) await compare('6', 6, 2, short, 3);
  await seat(6, 8);
  const m3 = await ours.request<MemorySample>('memory', { gc: true });
  memory.perSocketHeap8 = (heapPlus(m3) - heapPlus(m1)) / (TABLES * 8);
  memory.perSocketRss8 = (m3.rss - m1.rss) / (TABLES * 8);
  log(`${TABLES * 8} players seated`);
  await connectBare(8);
  // The same two draggers per table on a tenth of the tables: what the relay itself adds when
  // neither process is short of CPU.
  if (!SKIP.has('light')) await compare('light', 8, 2, short, 2, { tables: Math.max(1, Math.round(TABLES / 10)) });
  if (!SKIP.has('8')) await compare('8', 8, 2, design, 3);

  // ── 2. Overload: all 8 drag at once ───────────────────────────────────────────────
  if (!SKIP.has('overload')) await compare('overload', 8, 8, short, 3, { sampleMemory: true });
  if (bare) {
    const b: { child: BenchChild; tables: DragMember[][] } = bare;
    closeAll(b.tables.flat().map((m) => m.socket));
    await stopChild(b.child);
  }

  // ── 3. Action commit at 200/s ─────────────────────────────────────────────────────
  log('actions: 200/s over 25 tables');
  const actionTables = Math.min(25, TABLES);
  const actions: ActionRunResult = await runActions({
    server: ours,
    sessions: sessions.slice(0, actionTables).map((session, t) => ({ session, players: players[t]! })),
    rate: 200,
    warmupMs: 1000,
    measureMs: (SECONDS ?? 10) * 1000,
  });
  printActions(actions);
  const serverLog = await ours.request<{ counts: Record<string, number>; samples: string[] }>('log');
  closeAll(players.flat().map((p) => p.socket));
  await stopChild(ours);

  // ── 5. Restart ────────────────────────────────────────────────────────────────────
  let restart: RestartResult | null = null;
  if (!SKIP.has('restart')) {
    const perSession = 199;
    log(`restart: writing ${TABLES} sessions × ${perSession} actions`);
    const data = await seed(SCENARIOS_DIR, SCENARIO_ID, TABLES, perSession);
    tempDirs.push(data.dataDir);
    log(`written in ${ms(data.seedMs, 0)}; starting a fresh server on that data`);
    restart = await runRestart({ scenariosDir: SCENARIOS_DIR, data, actionsPerSession: perSession });
    log(`healthz 200 after ${ms(restart.healthzMs, 0)} (restore ${restart.restore ? ms(restart.restore.ms, 0) : '?'}), ${restart.verified}/${restart.sessions} sessions at their acked version`);
  }

  const loadEnd = loadavg();
  printSummary({ memory, drag, actions, restart, page, serverLog, ourStartMs: ours.startMs, loadStart, loadEnd });
}

async function rolesOf(url: string): Promise<string[]> {
  const res = await fetch(`${url}/api/scenarios/${SCENARIO_ID}`);
  if (!res.ok) throw new Error(`scenario ${SCENARIO_ID} not served: ${res.status}`);
  const body = (await res.json()) as { scenario: { roles: { id: string }[] } };
  return body.scenario.roles.map((r) => r.id);
}

function printDrag(r: DragRunResult) {
  const l = r.latency;
  console.log(
    `    ${r.label}, ${r.draggersPerTable} dragging, ${r.rounds}×${(r.measureSeconds / r.rounds).toFixed(1)} s: p50 ${ms(l.p50)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}  max ${ms(l.max)}  | in ${int(r.framesInPerSec)}/s  out ${int(r.framesOutPerSec)}/s  delivered ${pct(r.delivered / r.expected)} of ${int(r.expected)}` +
      `  | last position missed ${r.lastPosition.missed}/${r.lastPosition.pairs}${r.lastPosition.missed > 0 ? ` (by up to ${r.lastPosition.staleBy} frames)` : ''}  | server cpu ${pct(r.server.cpu, 0)} (${((r.server.cpu * 1e6) / r.framesOutPerSec).toFixed(1)} µs per delivered frame) loop p99 ${ms(r.server.loopDelayP99)}  generator cpu ${pct(r.generator.cpu, 0)} loop p99 ${ms(r.generator.loopDelayP99)}  other processes ${r.otherCores.toFixed(2)} cores` +
      (r.server.relay && r.server.relay.coalesced > 0 ? `  | coalesced ${pct(r.server.relay.coalesced / r.server.relay.frames)}` : '') +
      (r.echoesPerSec > 0 ? `  | echoes to sender ${int(r.echoesPerSec)}/s` : '') +
      (r.clientDropped > 0 ? `  | dropped in client ${r.clientDropped}` : ''),
  );
}

function printActions(a: ActionRunResult) {
  console.log(
    `    actions: ${int(a.achievedPerSec)}/s by ${a.actors} players at ${a.tables} tables: ack p50 ${ms(a.latency.p50, 2)}  p95 ${ms(a.latency.p95, 2)}  p99 ${ms(a.latency.p99, 2)}  max ${ms(a.latency.max, 2)}` +
      `  | ok ${a.ok}, refused ${JSON.stringify(a.refused)}, timed out ${a.timedOut}  | server cpu ${pct(a.server.cpu, 0)}, loop p99 ${ms(a.server.loopDelayP99)}  other processes ${a.otherCores.toFixed(2)} cores`,
  );
}

function printSummary(s: {
  memory: { base: MemorySample; perRoomHeap: number; perRoomRss: number; perSocketHeap: number; perSocketRss: number; perSocketHeap8: number; perSocketRss8: number; sockets: number };
  drag: Record<string, { ours?: DragRunResult; bare?: DragRunResult }>;
  actions: ActionRunResult;
  restart: RestartResult | null;
  page: PageSizeResult | null;
  serverLog: { counts: Record<string, number>; samples: string[] };
  ourStartMs: number;
  loadStart: number[];
  loadEnd: number[];
}) {
  const yes = (b: boolean | null) => (b === null ? 'n/a' : b ? 'yes' : 'NO');
  const rows: string[][] = [];
  const ratioRow = (key: string, what: string, budgeted = true) => {
    const { ours, bare } = s.drag[key]!;
    if (!ours) return;
    const ratio = bare ? ours.latency.p99 / bare.latency.p99 : NaN;
    rows.push([
      `${what}: p50 / p95 / p99 / max`,
      `${ms(ours.latency.p50)} / ${ms(ours.latency.p95)} / ${ms(ours.latency.p99)} / ${ms(ours.latency.max)}`,
      '',
      '',
    ]);
    if (bare) rows.push([`  bare relay, same run`, `${ms(bare.latency.p50)} / ${ms(bare.latency.p95)} / ${ms(bare.latency.p99)} / ${ms(bare.latency.max)}`, '', '']);
    rows.push([`  p99 ours / p99 bare`, Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—', budgeted ? '≤ 1.2×' : '', budgeted ? yes(Number.isFinite(ratio) ? ratio <= 1.2 : null) : '']);
    rows.push([
      `  CPU: server, load generator; other processes`,
      `${pct(ours.server.cpu, 0)}, ${pct(ours.generator.cpu, 0)} of a core; ${ours.otherCores.toFixed(2)} cores` +
        (bare ? ` (bare: ${pct(bare.server.cpu, 0)}, ${pct(bare.generator.cpu, 0)}; ${bare.otherCores.toFixed(2)})` : ''),
      '',
      '',
    ]);
    // Server CPU time per frame that reached an observer: what the relay costs, whatever the load.
    const perFrame = (r: DragRunResult) => (r.server.cpu * 1e6) / r.framesOutPerSec;
    const cpuRatio = bare ? perFrame(ours) / perFrame(bare) : NaN;
    rows.push([
      `  server CPU per delivered frame, ours / bare`,
      `${perFrame(ours).toFixed(1)} µs` + (bare ? ` / ${perFrame(bare).toFixed(1)} µs = ${cpuRatio.toFixed(2)}×` : ''),
      budgeted ? '≤ 1.2×' : '',
      budgeted ? yes(Number.isFinite(cpuRatio) ? cpuRatio <= 1.2 : null) : '',
    ]);
    rows.push([
      `  frames in/s, out/s; delivered`,
      `${int(ours.framesInPerSec)}, ${int(ours.framesOutPerSec)}; ${pct(ours.delivered / ours.expected)}` + (bare ? ` (bare ${int(bare.framesOutPerSec)}/s; ${pct(bare.delivered / bare.expected)})` : ''),
      '',
      '',
    ]);
  };
  ratioRow('8', `Drag ${TABLES}×8, 2 dragging`);
  ratioRow('6', `Drag ${TABLES}×6, 2 dragging`);
  const light = s.drag.light?.ours;
  if (light) ratioRow('light', `Drag ${light.tables}×8, 2 dragging (light load, no budget)`, false);

  const over = s.drag.overload?.ours;
  const overBare = s.drag.overload?.bare;
  if (over) {
    rows.push([`Overload ${TABLES}×8, all 8 dragging: p99`, ms(over.latency.p99) + (overBare ? ` (bare ${ms(overBare.latency.p99)})` : ''), '≤ 100 ms', yes(over.latency.p99 <= 100)]);
    rows.push([
      '  p50 / p95 / max; frames in/s, delivered',
      `${ms(over.latency.p50)} / ${ms(over.latency.p95)} / ${ms(over.latency.max)}; ${int(over.framesInPerSec)}, ${pct(over.delivered / over.expected)}` +
        (overBare ? ` (bare ${ms(overBare.latency.p50)} / ${ms(overBare.latency.p95)} / ${ms(overBare.latency.max)}; ${pct(overBare.delivered / overBare.expected)})` : ''),
      '',
      '',
    ]);
    rows.push([
      '  CPU: server, load generator; other processes',
      `${pct(over.server.cpu, 0)}, ${pct(over.generator.cpu, 0)} of a core; ${over.otherCores.toFixed(2)} cores`,
      '',
      '',
    ]);
    // Arrivals are timed in the generator, so its late loop is in every latency above as well.
    rows.push(['  event-loop delay p99: server, load generator', `${ms(over.server.loopDelayP99)}, ${ms(over.generator.loopDelayP99)}`, '', '']);
    rows.push([
      '  latest position at every observer',
      `${over.lastPosition.pairs - over.lastPosition.missed}/${over.lastPosition.pairs}` + (overBare ? ` (bare ${overBare.lastPosition.pairs - overBare.lastPosition.missed}/${overBare.lastPosition.pairs})` : ''),
      'all',
      yes(over.lastPosition.missed === 0),
    ]);
    const mem = over.memory;
    if (mem) {
      const heapDuring = Math.max(...mem.during.map((m) => m.heapUsed));
      const rssDuring = Math.max(...mem.during.map((m) => m.rss));
      const queued = Math.max(0, ...mem.queues.map((q) => q.writeBufferPackets));
      const growth = mem.after.heapUsed - mem.before.heapUsed;
      rows.push([
        '  server heap before / peak during / after',
        `${mb(mem.before.heapUsed)} / ${mb(heapDuring)} / ${mb(mem.after.heapUsed)}`,
        'flat',
        yes(growth < 5 * 1024 * 1024),
      ]);
      rows.push(['  server RSS before / peak during / after', `${mb(mem.before.rss)} / ${mb(rssDuring)} / ${mb(mem.after.rss)}`, '', '']);
      rows.push([
        '  queued packets (all sockets) peak / after',
        `${int(queued)} / ${int(mem.queuesAfter.writeBufferPackets)}; ws buffered peak ${kb(Math.max(0, ...mem.queues.map((q) => q.wsBufferedBytes)))}`,
        'bounded',
        yes(mem.queuesAfter.writeBufferPackets === 0 && mem.queuesAfter.wsBufferedBytes < 1024 * 1024),
      ]);
    }
  }
  const a = s.actions;
  rows.push([`Action commit at ${int(a.achievedPerSec)}/s: ack p50 / p99`, `${ms(a.latency.p50, 2)} / ${ms(a.latency.p99, 2)} (max ${ms(a.latency.max, 1)})`, 'p99 ≤ 10 ms', yes(a.latency.p99 <= 10)]);
  rows.push(['  accepted / refused / timed out', `${a.ok} / ${Object.values(a.refused).reduce((x, y) => x + y, 0)} / ${a.timedOut}`, '', '']);
  const m = s.memory;
  rows.push([`Memory per socket (heap+external, ${m.sockets} seated)`, kb(m.perSocketHeap), '≤ 40 KB', yes(m.perSocketHeap <= 40 * 1024)]);
  rows.push([`  per socket, RSS`, kb(m.perSocketRss), '≤ 40 KB', yes(m.perSocketRss <= 40 * 1024)]);
  if (Number.isFinite(m.perSocketHeap8)) rows.push([`  per socket at ${TABLES * 8} seated, heap+ext / RSS`, `${kb(m.perSocketHeap8)} / ${kb(m.perSocketRss8)}`, '', '']);
  rows.push([`Memory per new room (heap+external)`, kb(m.perRoomHeap), '≤ 500 KB', yes(m.perRoomHeap <= 500 * 1024)]);
  rows.push([`  per new room, RSS`, kb(m.perRoomRss), '≤ 500 KB', yes(m.perRoomRss <= 500 * 1024)]);
  const r = s.restart;
  if (r) {
    const perRestored = (heapPlus(r.memory) - heapPlus(m.base)) / r.sessions;
    rows.push([`  per restored room (heap+external)`, kb(perRestored), '≤ 500 KB', yes(perRestored <= 500 * 1024)]);
    rows.push([`Restart, ${r.sessions} sessions × ${r.actionsPerSession} actions: spawn → /healthz 200`, ms(r.healthzMs, 0), '≤ 5 s', yes(r.healthzMs <= 5000)]);
    rows.push([
      '  of which: node + tsx imports / restore',
      `${r.timeline ? ms(r.timeline.importedAt, 0) : '?'} / ${r.restore ? ms(r.restore.ms, 0) : '?'} (${int(r.restore?.actions ?? NaN)} actions replayed; empty server up in ${ms(s.ourStartMs, 0)})`,
      '',
      '',
    ]);
    rows.push(['  acknowledged actions lost', `${r.lost} (${r.verified}/${r.sessions} sessions checked at their acked version)`, '0', yes(r.lost === 0 && r.verified === r.sessions)]);
  }
  const p = s.page;
  if (p) {
    if (p.built) {
      rows.push([
        p.routeFound ? 'Tablet page: gzip JS before the board shows' : 'Tablet page: gzip JS of the entry (join route not found)',
        `${kb(p.tabletGzip)} in ${p.tablet.length} files (${kb(p.tabletRaw)} raw)`,
        '≤ 150 KB',
        yes(p.tabletGzip <= 150 * 1024),
      ]);
      rows.push([
        '  fetched after the board shows; all JS',
        `${kb(p.later.reduce((x, f) => x + f.gzip, 0))} (${p.later.map((f) => f.file.replace(/^assets\//, '')).join(', ') || 'none'}); ${kb(p.allGzip)}`,
        '',
        '',
      ]);
    } else rows.push(['Tablet page: gzip JS before the board shows', `not measured: client build failed (${p.error?.slice(0, 80)})`, '≤ 150 KB', 'n/a']);
  }

  console.log('\nSummary');
  console.log(table(['what', 'figure', 'budget', 'within'], rows));
  const busy = Object.values(s.drag).flatMap((d) => [d.ours, d.bare]).filter((r) => r !== undefined && r.otherCores > 0.2) as DragRunResult[];
  if (busy.length > 0 || s.actions.otherCores > 0.2)
    console.log(`\nNote: other processes kept ${[...busy.map((r) => r.otherCores), s.actions.otherCores].reduce((a, b) => Math.max(a, b), 0).toFixed(2)} of 2 cores busy during some runs; their figures are worse than this machine can do.`);
  const warnings = Object.entries(s.serverLog.counts).filter(([k]) => !k.startsWith('info'));
  if (warnings.length > 0) console.log(`\nserver warnings/errors: ${warnings.map(([k, v]) => `${k} ×${v}`).join(', ')}`);
  console.log(`\nload average at start ${s.loadStart.map((l) => l.toFixed(2)).join(' ')}, at end ${s.loadEnd.map((l) => l.toFixed(2)).join(' ')}; total ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

try {
  await main();
} catch (error) {
  console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await cleanup();
}
// Client sockets and timers are closed; exit promptly even if a library keeps a handle open.
setTimeout(() => process.exit(process.exitCode ?? 0), 200).unref();
