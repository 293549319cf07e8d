import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type AttachAck, type Presence, type SeatClaimAck } from '@samenspel/game-core';
import { createSessionOver, startServer, type TestServer } from '../helpers/server';
import { actionRequest, attachHost, connect, joinAsPlayer, nextEvent, request, type TestSocket } from '../helpers/socket';

let server: TestServer;
const sockets: TestSocket[] = [];
const track = <T extends { socket: TestSocket }>(x: T) => (sockets.push(x.socket), x);

beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server.stop();
  server.cleanup();
});

describe('joining a session', () => {
  it('lets a player join by code, claim a free role and get a seat token', async () => {
    const session = await createSessionOver(server.url, 'mini');
    const player = track(await joinAsPlayer(server.url, session.code.toLowerCase()));
    expect(player.ack.ok).toBe(true);
    if (!player.ack.ok) return;
    expect(player.ack.viewer).toEqual({ kind: 'guest' });
    expect(player.ack.snapshot.state.scenario.id).toBe('mini');

    const claim = await request<SeatClaimAck>(
      player.socket,
      'seat:claim',
      actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'mentor', name: 'Anouk' }, player.replica.version),
    );
    expect(claim.ok).toBe(true);
    if (!claim.ok) return;
    expect(claim.seat).toMatchObject({ roleId: 'mentor', name: 'Anouk', tableId: 't1' });
    expect(claim.seatToken.length).toBeGreaterThan(20);
    await player.replica.waitForVersion(claim.version);
    expect(player.replica.state?.seats[claim.seat.id]?.roleId).toBe('mentor');
  });

  it('returns the same seat and the current board to a player who comes back with the seat token', async () => {
    const session = await createSessionOver(server.url, 'mini');
    const first = track(await joinAsPlayer(server.url, session.code));
    const claim = await request<SeatClaimAck>(
      first.socket,
      'seat:claim',
      actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'moeder', name: 'Ria' }, 0),
    );
    if (!claim.ok) throw new Error(claim.message);
    first.socket.disconnect();

    const again = track(await joinAsPlayer(server.url, session.code, claim.seatToken));
    expect(again.ack.ok).toBe(true);
    if (!again.ack.ok) return;
    expect(again.ack.viewer).toEqual({ kind: 'seat', seatId: claim.seat.id });
    expect(again.ack.seat).toMatchObject({ roleId: 'moeder', name: 'Ria' });
    expect(again.ack.snapshot.version).toBe(claim.version);
  });

  it('refuses a role that another player already took at the table', async () => {
    const session = await createSessionOver(server.url, 'mini');
    const a = track(await joinAsPlayer(server.url, session.code));
    const b = track(await joinAsPlayer(server.url, session.code));
    const first = await request<SeatClaimAck>(a.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'mentor', name: 'A' }, 0));
    expect(first.ok).toBe(true);
    const second = await request<SeatClaimAck>(b.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'mentor', name: 'B' }, 0));
    expect(second).toMatchObject({ ok: false, code: 'ROLE_TAKEN' });
  });

  it('refuses a seat token that belongs to no seat', async () => {
    const session = await createSessionOver(server.url, 'mini');
    const player = track(await joinAsPlayer(server.url, session.code, 'not-a-real-seat-token-xyz'));
    expect(player.ack).toMatchObject({ ok: false, code: 'BAD_SEAT_TOKEN' });
  });

  it('refuses a client that speaks another protocol version', async () => {
    const session = await createSessionOver(server.url, 'mini');
    const socket = await connect(server.url);
    sockets.push(socket);
    const ack = await request<AttachAck>(socket, 'session:join', { protocolVersion: PROTOCOL_VERSION + 1, code: session.code });
    expect(ack).toMatchObject({ ok: false, code: 'PROTOCOL_MISMATCH' });
  });

  it('refuses the host link with a wrong host token', async () => {
    const session = await createSessionOver(server.url, 'mini');
    const socket = await connect(server.url);
    sockets.push(socket);
    const ack = await request<AttachAck>(socket, 'host:attach', { protocolVersion: PROTOCOL_VERSION, sessionId: session.sessionId, hostToken: 'wrong-token-000000' });
    expect(ack).toMatchObject({ ok: false, code: 'BAD_HOST_TOKEN' });
  });

  it('rate-limits guessing join codes from one connection', async () => {
    await createSessionOver(server.url, 'mini');
    const socket = await connect(server.url);
    sockets.push(socket);
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const ack = await request<AttachAck>(socket, 'session:join', { protocolVersion: PROTOCOL_VERSION, code: `ZZZZZ${i % 10}` });
      codes.push(ack.ok ? 'ok' : ack.code);
    }
    expect(codes.slice(0, 8).every((c) => c === 'SESSION_NOT_FOUND')).toBe(true);
    expect(codes.slice(8).every((c) => c === 'RATE_LIMITED')).toBe(true);
  });

  it('lets the right code in from an address where another connection guesses codes', async () => {
    const session = await createSessionOver(server.url, 'mini');
    const results: string[] = [];
    for (let i = 0; i < 6; i++) {
      const socket = await connect(server.url);
      sockets.push(socket);
      for (let j = 0; j < 4; j++) {
        const ack = await request<AttachAck>(socket, 'session:join', { protocolVersion: PROTOCOL_VERSION, code: 'QQQQQQ' });
        results.push(ack.ok ? 'ok' : ack.code);
      }
    }
    expect(results.every((c) => c === 'SESSION_NOT_FOUND')).toBe(true);
    // Guesses count per connection, never per address: a tablet behind the same router gets in.
    const socket = await connect(server.url);
    sockets.push(socket);
    const ack = await request<AttachAck>(socket, 'session:join', { protocolVersion: PROTOCOL_VERSION, code: session.code });
    expect(ack).toMatchObject({ ok: true });
  });

  it('tells the host who is connected, and when a player leaves', async () => {
    const session = await createSessionOver(server.url, 'mini');
    const host = track(await attachHost(server.url, session.sessionId, session.hostToken));
    const player = track(await joinAsPlayer(server.url, session.code));
    const claim = await request<SeatClaimAck>(player.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'mentor', name: 'A' }, 0));
    if (!claim.ok) throw new Error(claim.message);
    await host.replica.waitForVersion(claim.version);
    const left = nextEvent<Presence>(host.socket, 'presence:changed');
    player.socket.disconnect();
    expect((await left).seats).not.toContain(claim.seat.id);
    const back = nextEvent<Presence>(host.socket, 'presence:changed');
    track(await joinAsPlayer(server.url, session.code, claim.seatToken));
    expect((await back).seats).toContain(claim.seat.id);
  });
});
