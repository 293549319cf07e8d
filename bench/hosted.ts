/**
 * `npm run bench:hosted`: the hosted mode (PostgreSQL + Redis) with one and with two server
 * processes on this machine. Prints, for each: the design-load drag figure (8 at a table, 2
 * dragging at 30 Hz, tables spread over the processes so most observers sit on another process
 * than their dragger), the action-commit figure at 200 actions a second (ack after PostgreSQL's
 * commit), and each process's CPU; then, with two processes behind HAProxy (deploy/haproxy.cfg),
 * the time from one process's SIGKILL until every one of its tablets has acted again. Next to
 * the commit figure: where the machine's CPU went meanwhile (other processes included), and
 * PostgreSQL's own one-row commit at the same rate, the floor under every commit.
 * It asserts nothing. Needs PostgreSQL at BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 * and Redis at BENCH_REDIS_URL (default redis://127.0.0.1:6379); makes its own database and
 * key prefix and removes them.
 *
 *   BENCH_TABLES=20    tables (default 20: this machine's two cores carry the generator too)
 *   BENCH_SECONDS=4    measuring seconds per figure
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { ResilientPlayer, startHaproxy } from '../tests/helpers/hosted';
import { runActions, type ActionRunResult } from './actions';
import { runDrag, sleep, type DragMember, type DragRunResult } from './drag';
import { REPO_ROOT, spawnChild, type BenchChild } from './lib/child';
import { closeAll, createSession, mapLimit, seatPlayer, type SeatedPlayer } from './lib/clients';
import { busyCores, machineCpu } from './lib/machine';
import { Histogram, ms, pct, table } from './lib/stats';

const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TABLES = Number(process.env.BENCH_TABLES ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const SCENARIO_ID = 'tess-wordt-18';
const SCENARIOS_DIR = join(REPO_ROOT, 'scenarios');
const t0 = performance.now();
const log = (msg: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${msg}`);

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds used so far by every process with this command name (all of PostgreSQL's backends, say). */
function cpuSecondsOf(command: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === command) total += cpuSeconds(Number(entry));
    } catch {
      // The process ended while being read.
    }
  }
  return total;
}

/**
 * Where the machine's CPU went while a figure was measured, in cores: the server processes,
 * PostgreSQL and Redis (every database, not only the bench's), this load generator, and the rest
 * (other work on the machine).
 */
function cpuWatch(nodes: BenchChild[]) {
  const read = () => ({
    at: performance.now(),
    nodes: nodes.map((node) => cpuSeconds(node.child.pid!)),
    engines: cpuSecondsOf('postgres') + cpuSecondsOf('redis-server'),
    bench: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    machine: machineCpu(),
  });
  const from = read();
  return (): CpuSplit => {
    const to = read();
    const s = (to.at - from.at) / 1000;
    const servers = to.nodes.map((c, i) => (c - from.nodes[i]!) / s);
    const engines = (to.engines - from.engines) / s;
    const bench = (to.bench - from.bench) / s;
    const machine = busyCores(from.machine, to.machine);
    return { servers, engines, bench, others: Math.max(0, machine - servers.reduce((x, y) => x + y, 0) - engines - bench), load: loadavg()[0]! };
  };
}

interface CpuSplit {
  servers: number[];
  engines: number;
  bench: number;
  others: number;
  /** The one-minute load average at the end. */
  load: number;
}

interface Cluster {
  database: string;
  url: string;
  prefix: string;
  dataDir: string;
  nodes: BenchChild[];
}

async function startCluster(n: number): Promise<Cluster> {
  const id = randomBytes(4).toString('hex');
  const database = `samenspel_bench_${id}`;
  const prefix = `samenspel-bench-${id}`;
  await admin(`CREATE DATABASE ${database}`);
  const url = new URL(PG_URL);
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'samenspel-bench-hosted-'));
  const nodes: BenchChild[] = [];
  // One after another: the first migrates, the rest find the schema in place.
  for (let i = 0; i < n; i++) {
    nodes.push(await spawnChild('bench/serve.ts', { DATA_DIR: dataDir, SCENARIOS_DIR, DATABASE_URL: url.toString(), REDIS_URL, REDIS_PREFIX: prefix }));
  }
  return { database, url: url.toString(), prefix, dataDir, nodes };
}

async function stopCluster(c: Cluster): Promise<void> {
  await Promise.all(c.nodes.map((node) => node.stop().catch(() => undefined)));
  await admin(`DROP DATABASE IF EXISTS ${c.database} WITH (FORCE)`);
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${c.prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
  rmSync(c.dataDir, { recursive: true, force: true });
}

/**
 * PostgreSQL alone, as a floor for the commit figure: one-row INSERTs, each its own fsync'd
 * commit in one round trip, 200 a second from this process over 25 connections, into a table
 * of the bench's database. Whatever the machine's load does to this, it does to every commit.
 */
async function databaseFloor(databaseUrl: string): Promise<{ p50: number; p99: number }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 25 });
  pool.on('error', () => undefined);
  try {
    await pool.query('CREATE TABLE floor (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)');
    const histogram = new Histogram(0.01, 5_000);
    const payload = JSON.stringify({ tableId: 't1', roleId: 'mentor', x: 0.5, y: -0.25, rev: 7 });
    let id = 0;
    const pending: Promise<void>[] = [];
    const start = performance.now();
    await new Promise<void>((done) => {
      const timer = setInterval(() => {
        const due = Math.floor(((performance.now() - start) * 200) / 1000);
        while (id < due) {
          const sentAt = performance.now();
          const measured = performance.now() - start > 1000;
          pending.push(
            pool.query('INSERT INTO floor (id, payload) VALUES ($1, $2)', [++id, payload]).then(() => {
              if (measured) histogram.record(performance.now() - sentAt);
            }),
          );
        }
        if (performance.now() - start > 1000 + SECONDS * 1000) {
          clearInterval(timer);
          done();
        }
      }, 2);
    });
    await Promise.all(pending);
    const summary = histogram.summary();
    return { p50: summary.p50, p99: summary.p99 };
  } finally {
    await pool.end();
  }
}

/** The scenario's first eight roles: one table's tablets. */
async function rolesOf(url: string): Promise<string[]> {
  const res = await fetch(`${url}/api/scenarios/${SCENARIO_ID}`);
  const { scenario } = (await res.json()) as { scenario: { roles: { id: string }[] } };
  return scenario.roles.slice(0, 8).map((r) => r.id);
}

interface Figures {
  nodes: number;
  drag: DragRunResult;
  actions: ActionRunResult;
  dragCpu: CpuSplit;
  actionCpu: CpuSplit;
  /** PostgreSQL alone, measured right after the commit figure. */
  floor: { p50: number; p99: number };
}

async function measure(n: number): Promise<Figures> {
  const cluster = await startCluster(n);
  try {
    const urlOf = (i: number) => cluster.nodes[i % n]!.url;
    const roles = await rolesOf(urlOf(0));
    const sessions = await mapLimit(Array.from({ length: TABLES }), 5, (_, t) => createSession(urlOf(t), SCENARIO_ID));
    log(`${n} process(es): ${TABLES} sessions created`);
    // Seat i of every table on process i mod n: a table's eight tablets sit on both processes.
    const players: SeatedPlayer[][] = await mapLimit(sessions, 4, (session) =>
      mapLimit(roles, 8, (roleId, i) => seatPlayer(urlOf(i), session, 't1', roleId)),
    );
    log(`${TABLES * 8} players seated`);
    const tables: DragMember[][] = players.map((ps) => ps.map((p) => ({ socket: p.socket, tableId: p.tableId, pieceId: p.roleId })));

    let watch = cpuWatch(cluster.nodes);
    const drag = await runDrag({ label: `${n} process(es) ${TABLES}×8`, tables, draggersPerTable: 2, hz: 30, warmupMs: 1000, measureMs: SECONDS * 1000, drainMs: 1000, server: cluster.nodes[0]! });
    const dragCpu = watch();
    log(`drag: p50 ${ms(drag.latency.p50)}, p99 ${ms(drag.latency.p99)}, last positions missed ${drag.lastPosition.missed}/${drag.lastPosition.pairs}`);

    await sleep(500);
    watch = cpuWatch(cluster.nodes);
    const actions = await runActions({
      server: cluster.nodes[0]!,
      sessions: sessions.slice(0, Math.min(25, TABLES)).map((session, t) => ({ session, players: players[t]! })),
      rate: 200,
      warmupMs: 1000,
      measureMs: SECONDS * 1000,
    });
    const actionCpu = watch();
    log(`actions: ${actions.achievedPerSec.toFixed(0)}/s, ack p50 ${ms(actions.latency.p50)}, p99 ${ms(actions.latency.p99)}, first process's loop p99 ${ms(actions.server.loopDelayP99)}`);
    closeAll(players.flat().map((p) => p.socket));
    const floor = await databaseFloor(cluster.url);
    log(`PostgreSQL alone: one-row commit p50 ${ms(floor.p50)}, p99 ${ms(floor.p99)}`);
    return { nodes: n, drag, actions, dragCpu, actionCpu, floor };
  } finally {
    await stopCluster(cluster);
  }
}

/** Tablets through HAProxy, one process SIGKILLed: how long until each of its tablets acts again. */
async function killTimings(): Promise<{ tablets: number; moved: number; p50: number; max: number; lost: number }> {
  const cluster = await startCluster(2);
  const [a, b] = cluster.nodes as [BenchChild, BenchChild];
  const proxy = await startHaproxy(a, b);
  const players: ResilientPlayer[] = [];
  try {
    const sessions = await mapLimit(Array.from({ length: 3 }), 3, () => createSession(proxy.url, SCENARIO_ID));
    const roles = await rolesOf(proxy.url);
    for (const s of sessions) for (const roleId of roles) players.push(new ResilientPlayer(proxy.url, s.code, 't1', roleId));
    for (const p of players) await p.start();
    let stop = false;
    let killedAt = Infinity;
    const loops = players.map(async (p, i) => {
      while (!stop) {
        await p.move(Math.round(Math.sin(i + p.rev) * 90) / 100, Math.round(Math.cos(i + p.rev) * 90) / 100);
        await sleep(250);
      }
    });
    await sleep(2000);
    killedAt = performance.now();
    a.child.kill('SIGKILL');
    const moved = () => players.filter((p) => p.disconnects > 0);
    while (moved().length === 0 || moved().some((p) => !p.acked.some((x) => x.at > killedAt))) await sleep(20);
    await sleep(500);
    stop = true;
    await Promise.all(loops);
    const times = moved()
      .map((p) => p.acked.find((x) => x.at > killedAt)!.at - killedAt)
      .sort((x, y) => x - y);
    const acked = players.reduce((sum, p) => sum + p.acked.length, 0);
    let logged = 0;
    for (const s of sessions) {
      const res = await fetch(`${b.url}/api/sessions/${s.sessionId}/log`, { headers: { authorization: `Bearer ${s.hostToken}` } });
      logged += ((await res.json()) as { actions: unknown[] }).actions.length - roles.length;
    }
    return { tablets: players.length, moved: times.length, p50: times[Math.floor(times.length / 2)]!, max: times.at(-1)!, lost: acked - logged };
  } finally {
    for (const p of players) p.close();
    await proxy.stop();
    await stopCluster(cluster);
  }
}

const cpus = (split: CpuSplit) => split.servers.map((c) => pct(c, 0)).join(' + ');
const rest = (split: CpuSplit) => `${pct(split.engines, 0)} / ${pct(split.bench, 0)} / ${pct(split.others, 0)} (load ${split.load.toFixed(1)})`;
const runs: Figures[] = [];
for (const n of [1, 2]) runs.push(await measure(n));
log('kill: 24 tablets through HAProxy, one of two processes SIGKILLed');
const kill = await killTimings();

console.log('\nHosted mode (PostgreSQL + Redis), design load: 8 at a table, 2 dragging at 30 Hz');
console.log(
  table(
    ['processes', 'drag p50', 'drag p99', 'last positions missed', 'CPU per process (drag)', 'commit p50', 'commit p99', 'actions/s', 'refused', 'CPU per process (actions)', 'PostgreSQL+Redis / bench / other processes (actions)', 'PostgreSQL alone p50 / p99'],
    runs.map((r) => [
      String(r.nodes),
      ms(r.drag.latency.p50),
      ms(r.drag.latency.p99),
      `${r.drag.lastPosition.missed}/${r.drag.lastPosition.pairs}`,
      cpus(r.dragCpu),
      ms(r.actions.latency.p50),
      ms(r.actions.latency.p99),
      r.actions.achievedPerSec.toFixed(0),
      String(Object.values(r.actions.refused).reduce((x, y) => x + y, 0) + r.actions.timedOut),
      cpus(r.actionCpu),
      rest(r.actionCpu),
      `${ms(r.floor.p50)} / ${ms(r.floor.p99)}`,
    ]),
  ),
);
console.log(
  `\nSIGKILL of one of two processes: ${kill.moved} of ${kill.tablets} tablets were on it; every one acted again after ${ms(kill.max, 0)} (median ${ms(kill.p50, 0)}); acknowledged moves missing from the log: ${kill.lost}`,
);
