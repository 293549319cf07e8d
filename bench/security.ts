/**
 * `npm run bench:security`: the amplification attacks of issue 8 against the real entry point
 * (`server/src/main.ts`, default limits) in its own process, with figures for what they cost
 * it. It asserts nothing; the limits are proved by tests/security/. Everything listens on
 * 127.0.0.1 and the run stops by itself in about half a minute.
 *
 *   1. five sockets that never read send `session:sync {sinceVersion: 99999999}` 80 times a second;
 *   2. ten reading guests pull snapshots as fast as they are answered (sync and join);
 *   3. a rejoin flood: twenty sockets join again and again while the facilitator listens.
 *
 * Throughout, /healthz is timed ten times a second. The figures: the server's resident memory
 * (before, peak, after), the bytes it wrote (its write calls, from /proc), the bytes the reading
 * guests received, presence messages at the facilitator, and /healthz latency.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { REPO_ROOT } from './lib/child';
import { RawSocket } from './lib/rawClient';
import { Histogram, int, mb, ms, table } from './lib/stats';

const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 8_000);
const PROTOCOL = Number(/PROTOCOL_VERSION is (\d+)/.exec(readFileSync(join(REPO_ROOT, 'docs/protocol.md'), 'utf8'))?.[1]);
const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));


function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Resident memory and bytes written by a process, from Linux's /proc. */
function proc(pid: number): { rss: number; written: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  let written = 0;
  try {
    written = Number(/wchar:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0);
  } catch {
    // /proc/<pid>/io needs the same user; without it the figure is left out.
  }
  return { rss, written };
}

const dataDir = mkdtempSync(join(tmpdir(), 'samenspel-bench-sec-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  cwd: REPO_ROOT,
  env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, SCENARIOS_DIR: join(REPO_ROOT, 'scenarios'), CLIENT_DIR: join(dataDir, 'no-client') },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let logBytes = 0;
child.stderr?.on('data', (d: Buffer) => (logBytes += d.length));
let prober: ReturnType<typeof spawn> | null = null;
const stop = async () => {
  if (prober && prober.exitCode === null) prober.kill();
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  rmSync(dataDir, { recursive: true, force: true });
};
process.on('SIGINT', () => void stop().finally(() => process.exit(130)));
// Never outlive the budgeted run time, whatever hangs.
const watchdog = setTimeout(() => {
  console.error('bench:security: still running after 90 s; stopping');
  void stop().finally(() => process.exit(2));
}, 90_000);
watchdog.unref();

try {
  for (let i = 0; ; i++) {
    if (i > 200) throw new Error('the server did not start');
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    await sleep(100);
  }
  const pid = child.pid!;
  const res = await fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId: 'tess-wordt-18', tables: 6 }) });
  const session = (await res.json()) as { sessionId: string; code: string; hostToken: string };
  const host = await RawSocket.connect(url);
  const attached = await host.emitWithAck<{ snapshot: { version: number; state: unknown } }>('host:attach', { protocolVersion: PROTOCOL, sessionId: session.sessionId, hostToken: session.hostToken });
  const snapshotBytes = Buffer.byteLength(JSON.stringify(attached.snapshot));
  let version = attached.snapshot.version;
  let presences = 0;
  host.on('presence:changed', () => presences++);
  host.on('step:changed', (a: { version: number }) => (version = Math.max(version, a.version)));

  // /healthz, ten times a second, for the whole run, from a process of its own: timed here, the
  // figure would include this load generator's own busy event loop.
  const probe = spawn(
    process.execPath,
    [
      '-e',
      `const lat=[];let fail=0;let on=true;process.on('message',()=>{on=false});process.on('disconnect',()=>process.exit(0));
       (async()=>{while(on){const t=performance.now();try{const r=await fetch(process.argv[1]);await r.arrayBuffer();if(!r.ok)fail++}catch{fail++}
       lat.push([Date.now(),performance.now()-t]);await new Promise(r=>setTimeout(r,100))}process.send({lat,fail},()=>process.exit(0))})()`,
      `${url}/healthz`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  prober = probe;
  const probed = new Promise<{ lat: [number, number][]; fail: number }>((resolve) => probe.once('message', (m) => resolve(m as { lat: [number, number][]; fail: number })));
  // Three quiet seconds first: the same machine's /healthz without an attack, for comparison.
  await sleep(3000);
  const attackFrom = Date.now();
  global.gc?.();
  await sleep(500);
  const before = proc(pid);
  let peak = before.rss;
  const sampler = setInterval(() => (peak = Math.max(peak, proc(pid).rss)), 100);
  const rows: string[][] = [];

  // 1. Five sockets that never read.
  {
    const start = proc(pid);
    const sockets: WebSocket[] = [];
    let cutOff = 0;
    for (let i = 0; i < 5; i++) {
      const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
      await new Promise((r) => ws.once('message', r));
      ws.send('40');
      await new Promise((r) => ws.once('message', r));
      ws.send(`420${JSON.stringify(['session:join', { protocolVersion: PROTOCOL, code: session.code }])}`);
      ws.on('close', () => cutOff++);
      ws.on('error', () => undefined);
      ws.pause();
      sockets.push(ws);
    }
    const sync = JSON.stringify(['session:sync', { sinceVersion: 99_999_999 }]);
    let sent = 0;
    const until = performance.now() + PHASE_MS;
    let n = 1;
    while (performance.now() < until) {
      for (const ws of sockets) if (ws.readyState === WebSocket.OPEN) ws.send(`42${n}${sync}`);
      n++;
      sent += sockets.length;
      await sleep(1000 / 80);
    }
    const end = proc(pid);
    rows.push(['5 non-reading sockets, sync 80/s each', int(sent), mb(end.rss - start.rss), mb(end.written - start.written), '—', `${cutOff} of 5 cut off`]);
    for (const ws of sockets) ws.terminate();
  }

  // 2. Ten reading guests pulling snapshots, while the facilitator changes the step twice a second.
  {
    const start = proc(pid);
    const guests = await Promise.all(Array.from({ length: 10 }, () => RawSocket.connect(url)));
    let received = 0;
    let refused = 0;
    let snapshots = 0;
    let guestsCut = 0;
    const count = (ack: unknown) => {
      received += Buffer.byteLength(JSON.stringify(ack));
      const a = ack as { ok: boolean; snapshot?: unknown };
      if (!a.ok) refused++;
      else if (a.snapshot) snapshots++;
    };
    const until = performance.now() + PHASE_MS;
    const steps = ['situatie', 'kennismaken'];
    let s = 0;
    const stepper = (async () => {
      while (performance.now() < until) {
        const ack = await host.emitWithAck<{ ok: boolean; version?: number }>('step:set', { actionId: `bench-step-${s}`, baseVersion: version, payload: { step: steps[s++ % 2] } });
        if (ack.ok && ack.version) version = ack.version;
        await sleep(500);
      }
    })();
    await Promise.all(
      guests.map(async (g) => {
        let k = 0;
        while (performance.now() < until && g.connected) {
          const ack =
            k++ % 2 === 0
              ? await g.emitWithAck('session:sync', { sinceVersion: 99_999_999 }).catch(() => null)
              : await g.emitWithAck('session:join', { protocolVersion: PROTOCOL, code: session.code }).catch(() => null);
          if (ack === null) break;
          count(ack);
        }
        if (!g.connected) guestsCut++;
      }),
    );
    await stepper;
    const end = proc(pid);
    const seconds = PHASE_MS / 1000;
    rows.push([
      '10 reading guests pulling snapshots',
      `${int(snapshots)} snapshots, ${int(refused)} refused`,
      mb(end.rss - start.rss),
      mb(end.written - start.written),
      `${mb(received / seconds, 2)}/s`,
      `snapshot ${(snapshotBytes / 1024).toFixed(0)} KB; ${guestsCut} of 10 cut off for flooding`,
    ]);
    for (const g of guests) g.disconnect();
  }

  // 3. A rejoin flood.
  {
    const start = proc(pid);
    const flooders = await Promise.all(Array.from({ length: 20 }, () => RawSocket.connect(url)));
    presences = 0;
    let joins = 0;
    const until = performance.now() + PHASE_MS;
    await Promise.all(
      flooders.map(async (f) => {
        while (performance.now() < until) {
          const ack = await f.emitWithAck<{ ok: boolean }>('session:join', { protocolVersion: PROTOCOL, code: session.code }).catch(() => null);
          if (ack === null) break;
          if (ack.ok) joins++;
          else await sleep(50);
        }
      }),
    );
    await sleep(300);
    const end = proc(pid);
    const seconds = PHASE_MS / 1000;
    rows.push(['rejoin flood, 20 sockets', `${int(joins)} joins`, mb(end.rss - start.rss), mb(end.written - start.written), '—', `${(presences / seconds).toFixed(1)} presence/s at the facilitator (${(joins / seconds).toFixed(0)} joins/s)`]);
    for (const f of flooders) f.disconnect();
  }

  clearInterval(sampler);
  probe.send('stop');
  const { lat, fail: healthFailures } = await probed;
  const health = new Histogram();
  const quiet = new Histogram();
  for (const [at, l] of lat) (at < attackFrom ? quiet : health).record(l);
  await sleep(1000);
  global.gc?.();
  const after = proc(pid);
  host.disconnect();

  console.log(`\nSamenspel security bench: the server (server/src/main.ts, default limits), ${PHASE_MS / 1000} s per attack, one 6-table session of tess-wordt-18\n`);
  console.log(table(['attack', 'requests', 'RSS change', 'server wrote', 'guests received', 'note'], rows));
  console.log('');
  console.log(
    table(
      ['server RSS before', 'peak', 'growth (peak − before)', 'after', '/healthz p50', 'p99', 'max', 'quiet p50', 'quiet p99', '/healthz failures', 'log written'],
      [[mb(before.rss), mb(peak), mb(peak - before.rss), mb(after.rss), ms(health.percentile(0.5)), ms(health.percentile(0.99)), ms(health.max), ms(quiet.percentile(0.5)), ms(quiet.percentile(0.99)), int(healthFailures), mb(logBytes, 2)]],
    ),
  );
  console.log(`\nTargets (issue 8): growth < 50 MB; /healthz < 100 ms. "quiet": /healthz on this machine in the 3 s before the attacks. Load average now: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores.`);
} finally {
  clearTimeout(watchdog);
  await stop();
}
