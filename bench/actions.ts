import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, type AttachAck } from '@samenspel/game-core';
import type { BenchChild } from './lib/child';
import { connect, emitAck, revealSituation, type CreatedSession, type SeatedPlayer } from './lib/clients';
import type { LoadSample } from './lib/probe';
import { busyCores, machineCpu } from './lib/machine';
import { Histogram, type LatencySummary } from './lib/stats';
import { sleep } from './drag';

export interface ActionRunResult {
  tables: number;
  actors: number;
  targetPerSec: number;
  achievedPerSec: number;
  latency: LatencySummary;
  ok: number;
  refused: Record<string, number>;
  timedOut: number;
  skippedBusy: number;
  server: LoadSample;
  otherCores: number;
}

interface Piece {
  kind: 'token' | 'card';
  id: string;
  rev: number;
}

/**
 * Sends `rate` actions a second, open loop, spread over the seated players of several tables:
 * each player moves their own token or one of the cards they look after, so no two players
 * contend for a piece and every action should be accepted. Times each send → ack.
 */
export async function runActions(o: {
  server: BenchChild;
  sessions: { session: CreatedSession; players: SeatedPlayer[] }[];
  rate: number;
  warmupMs: number;
  measureMs: number;
}): Promise<ActionRunResult> {
  // Find each table's pieces and their revisions as they are now, from a read-only screen.
  const actors: { player: SeatedPlayer; pieces: Piece[]; turn: number; busy: boolean; session: { version: number } }[] = [];
  for (const { session, players } of o.sessions) {
    // A new session's starting cards wait for the facilitator; until then players cannot move them.
    await revealSituation(o.server.url, session);
    const screen = await connect(o.server.url);
    const ack = await emitAck<AttachAck>(screen, 'screen:attach', { protocolVersion: PROTOCOL_VERSION, code: session.code });
    screen.disconnect();
    if (!ack.ok) throw new Error(`screen attach failed: ${ack.code}`);
    const shared = { version: ack.snapshot.version };
    const table = ack.snapshot.state.tables[players[0]!.tableId]!;
    const cards = Object.values(table.cards);
    players.forEach((player, i) => {
      const token = table.tokens[player.roleId]!;
      const mine: Piece[] = [{ kind: 'token', id: player.roleId, rev: token.rev }];
      cards.forEach((card, c) => {
        if (c % players.length === i) mine.push({ kind: 'card', id: card.id, rev: card.rev });
      });
      actors.push({ player, pieces: mine, turn: 0, busy: false, session: shared });
    });
  }

  const histogram = new Histogram(0.01, 5_000);
  const refused: Record<string, number> = {};
  let ok = 0;
  let timedOut = 0;
  let skippedBusy = 0;
  let measuring = false;
  let measuredSent = 0;
  let next = 0;

  const fire = () => {
    // Round robin over players; a player still waiting for an ack sits this one out.
    for (let tries = 0; tries < actors.length; tries++) {
      const actor = actors[next++ % actors.length]!;
      if (actor.busy) {
        skippedBusy++;
        continue;
      }
      const piece = actor.pieces[actor.turn++ % actor.pieces.length]!;
      const { tableId } = actor.player;
      let type: string;
      let payload: Record<string, unknown>;
      if (piece.kind === 'token') {
        type = 'token:move';
        payload = { tableId, roleId: piece.id, x: round(Math.random() * 2.4 - 1.2), y: round(Math.random() * 2.4 - 1.2), rev: piece.rev };
      } else {
        const r = 0.25 + Math.random() * 0.7;
        const a = Math.random() * Math.PI * 2;
        type = 'card:move';
        payload = { tableId, cardId: piece.id, x: round(r * Math.cos(a)), y: round(r * Math.sin(a)), rev: piece.rev };
      }
      const timed = measuring;
      if (timed) measuredSent++;
      actor.busy = true;
      const sentAt = performance.now();
      actor.player.socket
        .emitWithAck<{ ok: boolean; version?: number; code?: string }>(type, { actionId: randomUUID(), baseVersion: actor.session.version, payload }, 5_000)
        .then(
          (ack) => {
            const took = performance.now() - sentAt;
            actor.busy = false;
            if (ack.ok) {
              piece.rev++;
              if (ack.version && ack.version > actor.session.version) actor.session.version = ack.version;
              if (timed) {
                ok++;
                histogram.record(took);
              }
            } else if (timed) refused[ack.code ?? '?'] = (refused[ack.code ?? '?'] ?? 0) + 1;
          },
          () => {
            actor.busy = false;
            timedOut++;
          },
        );
      return;
    }
  };

  let genCpu = process.cpuUsage();
  let machineFrom = machineCpu();
  const start = performance.now();
  let sent = 0;
  const total = Math.round((o.rate * (o.warmupMs + o.measureMs)) / 1000);
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * o.rate) / 1000));
      while (sent < due) {
        fire();
        sent++;
      }
      if (sent >= total) {
        clearInterval(timer);
        done();
      }
    }, 2);
    setTimeout(() => {
      measuring = true;
      genCpu = process.cpuUsage();
      machineFrom = machineCpu();
      void o.server.request('resetLoad');
    }, o.warmupMs);
  });
  const machineTo = machineCpu();
  const server = await o.server.request<LoadSample>('load');
  const gen = process.cpuUsage(genCpu);
  measuring = false;
  await sleep(500);
  return {
    tables: o.sessions.length,
    actors: actors.length,
    targetPerSec: o.rate,
    achievedPerSec: measuredSent / (o.measureMs / 1000),
    latency: histogram.summary(),
    ok,
    refused,
    timedOut,
    skippedBusy,
    server,
    otherCores: Math.max(0, busyCores(machineFrom, machineTo) - server.cpu - (gen.user + gen.system) / 1000 / server.wallMs),
  };
}

const round = (n: number) => Math.round(n * 10000) / 10000;
