import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { act, newSession, PROTOCOL, wire, type Wire } from './wire';

/*
 * Hole 6: no address can lock out others. Every client here connects from 127.0.0.1, like a
 * venue's tablets behind one router, while one of them guesses codes and tokens.
 */

let server: TestServer;
const open: Wire[] = [];
const track = (w: Wire) => (open.push(w), w);

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const w of open) w.close();
  await server.stop();
  server.cleanup();
});

/** One attacker connection after another, each guessing until it is refused. */
async function bruteForce(code: string, sessionId: string): Promise<{ guesses: number; codes: Set<string> }> {
  const codes = new Set<string>();
  let guesses = 0;
  for (let c = 0; c < 4; c++) {
    const w = track(await wire(server.url));
    for (let i = 0; i < 10; i++) {
      const tries = [
        w.ask('session:join', { protocolVersion: PROTOCOL, code: `QQ${c}${i}QQ` }),
        w.ask('session:join', { protocolVersion: PROTOCOL, code, seatToken: `wrong-seat-token-${c}-${i}` }),
        w.ask('host:attach', { protocolVersion: PROTOCOL, sessionId, hostToken: `wrong-host-token-${c}-${i}` }),
        w.ask('screen:attach', { protocolVersion: PROTOCOL, code: `YY${c}${i}YY` }),
      ];
      for (const ack of await Promise.all(tries)) {
        guesses++;
        codes.add(ack.ok ? 'ok' : String(ack.code));
      }
    }
    w.close();
  }
  return { guesses, codes };
}

describe('guessing from a shared address', () => {
  it('lets sixty tablets behind one address join and rejoin while one of them brute-forces codes and tokens', async () => {
    const session = await newSession(server.url, 'mini', 12);
    const roles = ['sam', 'mentor', 'moeder', 'klantmanager'];

    // The attack runs first, so every counter it can fill is full before the tablets come.
    const attack = await bruteForce(session.code, session.sessionId);
    expect(attack.codes.has('ok')).toBe(false);
    expect(attack.codes.has('RATE_LIMITED')).toBe(true);

    const tablets: { seatToken: string | null }[] = [];
    for (let i = 0; i < 60; i++) {
      const w = track(await wire(server.url));
      const join = await w.ask('session:join', { protocolVersion: PROTOCOL, code: session.code });
      expect(join, `tablet ${i} joins`).toMatchObject({ ok: true });
      let seatToken: string | null = null;
      if (i < 48) {
        const version = (join.snapshot as { version: number }).version;
        const claim = await w.ask('seat:claim', act({ tableId: `t${Math.floor(i / 4) + 1}`, roleId: roles[i % 4], name: `Speler ${i}` }, version));
        expect(claim, `tablet ${i} takes a seat`).toMatchObject({ ok: true });
        seatToken = String(claim.seatToken);
      }
      tablets.push({ seatToken });
      w.close();
    }

    // A second round of guesses, then every tablet comes back: the seated ones with their token.
    const again = await bruteForce(session.code, session.sessionId);
    expect(again.codes.has('ok')).toBe(false);
    const rejoins = await Promise.all(
      tablets.map(async ({ seatToken }) => {
        const w = track(await wire(server.url));
        const ack = await w.ask('session:join', { protocolVersion: PROTOCOL, code: session.code, ...(seatToken ? { seatToken } : {}) });
        return { ack, seated: seatToken !== null };
      }),
    );
    expect(rejoins.filter((r) => r.ack.ok)).toHaveLength(60);
    expect(rejoins.filter((r) => r.seated && (r.ack.viewer as { kind: string }).kind === 'seat')).toHaveLength(48);

    const host = track(await wire(server.url));
    expect(await host.ask('host:attach', { protocolVersion: PROTOCOL, sessionId: session.sessionId, hostToken: session.hostToken })).toMatchObject({ ok: true });
    const screen = track(await wire(server.url));
    expect(await screen.ask('screen:attach', { protocolVersion: PROTOCOL, code: session.code })).toMatchObject({ ok: true });
  });

  it('refuses a connection that keeps guessing codes, and only that connection', async () => {
    const session = await newSession(server.url);
    const guesser = track(await wire(server.url));
    const answers: string[] = [];
    for (let i = 0; i < 12; i++) {
      const ack = await guesser.ask('session:join', { protocolVersion: PROTOCOL, code: `ZZZZZ${i % 10}` });
      answers.push(ack.ok ? 'ok' : String(ack.code));
    }
    expect(answers.slice(0, 8).every((c) => c === 'SESSION_NOT_FOUND')).toBe(true);
    expect(answers.slice(8).every((c) => c === 'RATE_LIMITED')).toBe(true);
    // Even the right code: this connection has had its guesses.
    expect(await guesser.ask('session:join', { protocolVersion: PROTOCOL, code: session.code })).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    const neighbour = track(await wire(server.url));
    expect(await neighbour.ask('session:join', { protocolVersion: PROTOCOL, code: session.code })).toMatchObject({ ok: true });
  });

  it('serves the real facilitator report and delete after 25 wrong Bearer tokens from the same address', async () => {
    const session = await newSession(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await fetch(`${server.url}/api/sessions/${session.sessionId}/report.json`, { headers: { authorization: `Bearer guess-${i}` } });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.slice(0, 20).every((s) => s === 403)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);

    const auth = { authorization: `Bearer ${session.hostToken}` };
    const report = await fetch(`${server.url}/api/sessions/${session.sessionId}/report.json`, { headers: auth });
    expect(report.status).toBe(200);
    await report.arrayBuffer();
    const del = await fetch(`${server.url}/api/sessions/${session.sessionId}`, { method: 'DELETE', headers: auth });
    expect(del.status).toBe(200);
    expect(await del.json()).toEqual({ ok: true });
  });
});
