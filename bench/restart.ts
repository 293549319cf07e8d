import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, type AttachAck, type Scenario } from '@samenspel/game-core';
import type { Logger } from '../server/src/logger';
import { RoomRegistry } from '../server/src/rooms/registry';
import { loadScenarioCatalog } from '../server/src/scenarios/catalog';
import { openSqliteStorage } from '../server/src/storage/sqlite';
import { hashSecret, newSecret } from '../server/src/tokens';
import { spawnChild, type BenchChild } from './lib/child';
import { closeAll, connect, emitAck, mapLimit } from './lib/clients';
import type { MemorySample } from './lib/probe';

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export interface SeededData {
  dataDir: string;
  sessions: { sessionId: string; hostToken: string; version: number }[];
  actions: number;
  seedMs: number;
}

/**
 * Writes sessions into a fresh data dir through the server's own Room.submit (validated,
 * applied, appended to SQLite), without sockets: a restart only reads what this leaves on disk.
 * Each session gets 8 seats and then token and card moves up to `actionsPerSession`.
 */
export async function seed(scenariosDir: string, scenarioId: string, sessions: number, actionsPerSession: number): Promise<SeededData> {
  const started = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'samenspel-bench-restart-'));
  const storage = openSqliteStorage(dataDir);
  const scenario: Scenario | undefined = loadScenarioCatalog(scenariosDir, quiet).get(scenarioId);
  if (!scenario) throw new Error(`scenario ${scenarioId} not found in ${scenariosDir}`);
  const registry = new RoomRegistry(storage, { now: () => Date.now() }, quiet);
  const out: SeededData['sessions'] = [];
  let actions = 0;
  for (let s = 0; s < sessions; s++) {
    const { room, hostToken } = await registry.create(scenario, { tables: 1 });
    const submit = async (type: string, payload: unknown, actor: { kind: 'host' } | { kind: 'guest' } | { kind: 'seat'; seatId: string }) => {
      const result = await room.submit(type as 'token:move', { actionId: randomUUID(), baseVersion: room.version, payload: payload as never }, actor, {
        seatToken: (seatId: string) => ({ tokenHash: hashSecret(newSecret()), seatId }),
      });
      if (!result.ok) throw new Error(`seeding ${type} failed: ${result.code} ${result.message}`);
      actions++;
      return result.action;
    };
    // The starting cards wait for the facilitator; the players below move them.
    await submit('situation:reveal', { all: true }, { kind: 'host' });
    const roles = scenario.roles.slice(0, 8).map((r) => r.id);
    const seats: { seatId: string; roleId: string }[] = [];
    for (const roleId of roles) {
      const action = await submit('seat:claim', { tableId: 't1', roleId, name: `bench ${roleId}` }, { kind: 'guest' });
      seats.push({ seatId: `s${action.version}`, roleId });
    }
    const cards = Object.keys(room.state.tables.t1!.cards);
    for (let i = 0; room.version < actionsPerSession; i++) {
      const seat = seats[i % seats.length]!;
      const actor = { kind: 'seat' as const, seatId: seat.seatId };
      const table = room.state.tables.t1!;
      if (i % 2 === 0) {
        const token = table.tokens[seat.roleId]!;
        await submit('token:move', { tableId: 't1', roleId: seat.roleId, x: spot(i, 1.1), y: spot(i + 7, 1.1), rev: token.rev }, actor);
      } else {
        const card = table.cards[cards[i % cards.length]!]!;
        const r = 0.3 + ((i * 37) % 60) / 100;
        const a = i * 0.7;
        await submit('card:move', { tableId: 't1', cardId: card.id, x: round(r * Math.cos(a)), y: round(r * Math.sin(a)), rev: card.rev }, actor);
      }
    }
    out.push({ sessionId: room.sessionId, hostToken, version: room.version });
  }
  storage.close();
  return { dataDir, sessions: out, actions, seedMs: performance.now() - started };
}

export interface RestartResult {
  sessions: number;
  actions: number;
  actionsPerSession: number;
  seedMs: number;
  /** From spawning the process until /healthz answered 200. */
  healthzMs: number;
  /** The server's own figure for RoomRegistry.restore. */
  restore: { rooms: number; actions: number; ms: number } | null;
  /** Inside the child: when its imports were done and when it listened, in ms since it started. */
  timeline: { importedAt: number; readyAt: number } | null;
  verified: number;
  lost: number;
  memory: MemorySample;
}

/** Starts a fresh server on the seeded data dir and times it until /healthz says 200. */
export async function runRestart(o: { scenariosDir: string; data: SeededData; actionsPerSession: number }): Promise<RestartResult> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const spawned = performance.now();
  const childPromise = spawnChild('bench/serve.ts', { DATA_DIR: o.data.dataDir, SCENARIOS_DIR: o.scenariosDir, PORT: String(port) });
  let healthzMs = NaN;
  const deadline = spawned + 30_000;
  while (performance.now() < deadline) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) {
        healthzMs = performance.now() - spawned;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const child: BenchChild = await childPromise;
  try {
    // Every acknowledged action must be back: the host's snapshot has the version it was acked at.
    const results = await mapLimit(o.data.sessions, 20, async (s) => {
      const socket = await connect(url);
      try {
        const ack = await emitAck<AttachAck>(socket, 'host:attach', { protocolVersion: PROTOCOL_VERSION, sessionId: s.sessionId, hostToken: s.hostToken });
        return ack.ok ? Math.max(0, s.version - ack.snapshot.version) : s.version;
      } finally {
        closeAll([socket]);
      }
    });
    const memory = await child.request<MemorySample>('memory', { gc: true });
    return {
      sessions: o.data.sessions.length,
      actions: o.data.actions,
      actionsPerSession: o.actionsPerSession,
      seedMs: o.data.seedMs,
      healthzMs,
      restore: child.ready.restored ?? null,
      timeline: child.ready.timeline ?? null,
      verified: results.filter((lost) => lost === 0).length,
      lost: results.reduce((a, b) => a + b, 0),
      memory,
    };
  } finally {
    await child.stop();
  }
}

export function freePort(): Promise<number> {
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

const round = (n: number) => Math.round(n * 10000) / 10000;
/** A deterministic spread of positions on the mat. */
const spot = (i: number, span: number) => round((((i * 0.6180339887) % 1) * 2 - 1) * span);
