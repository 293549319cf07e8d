import { afterEach, describe, expect, it } from 'vitest';
import type { ActionAck, ActionPayloads, ActionType, SeatClaimAck } from '@samenspel/game-core';
import { createSessionOver, startServer, type TestServer } from '../helpers/server';
import { actionRequest, attachHost, joinAsPlayer, request, type TestSocket } from '../helpers/socket';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function send<K extends ActionType>(socket: TestSocket, type: K, payload: ActionPayloads[K], baseVersion: number): Promise<number> {
  const ack = await request<ActionAck>(socket, type, actionRequest<K>(payload, baseVersion));
  if (!ack.ok) throw new Error(`${type}: ${ack.code} ${ack.message}`);
  return ack.version;
}

async function seated(server: TestServer, code: string, roleId: string, name: string, seatToken?: string) {
  const p = await joinAsPlayer(server.url, code, seatToken);
  cleanups.push(() => void p.socket.disconnect());
  if (seatToken) return { ...p, seatToken, seatId: p.ack.ok ? (p.ack.seat?.id ?? '') : '' };
  const claim = await request<SeatClaimAck>(p.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId, name }, p.replica.version));
  if (!claim.ok) throw new Error(claim.message);
  return { ...p, seatToken: claim.seatToken, seatId: claim.seat.id };
}

describe('polls and insights across a restart', () => {
  it('keeps an open poll open with its answers, and takes answers after the restart', async () => {
    let server = await startServer();
    cleanups.push(() => server.cleanup(), () => server.stop());
    const session = await createSessionOver(server.url, 'mini');
    const host = await attachHost(server.url, session.sessionId, session.hostToken);
    cleanups.push(() => void host.socket.disconnect());
    const anouk = await seated(server, session.code, 'mentor', 'Anouk');
    const ria = await seated(server, session.code, 'moeder', 'Ria');
    let v = await send(host.socket, 'poll:open', { pollId: 'werkveld' }, 2);
    v = await send(anouk.socket, 'poll:answer', { pollId: 'werkveld', option: 0 }, v);
    v = await send(host.socket, 'step:set', { step: 'reflectie', force: true }, v);
    v = await send(ria.socket, 'insight:add', { text: 'Vraag Sam zelf wat ze wil.' }, v);
    v = await send(host.socket, 'insight:set', { insightId: `i${v}`, revealed: true }, v);

    server = await server.restart();
    const back = await seated(server, session.code, 'moeder', 'Ria', ria.seatToken);
    expect(back.ack).toMatchObject({ ok: true, viewer: { kind: 'seat' } });
    const state = back.replica.state!;
    expect(back.replica.version).toBe(v);
    expect(state.activePoll).toBe('werkveld');
    // Ria has not answered yet, and who else did is not hers to know.
    expect(state.polls.werkveld).toMatchObject({ status: 'open', answers: {} });
    expect(state.insights).toEqual([expect.objectContaining({ text: 'Vraag Sam zelf wat ze wil.', revealed: true, hidden: false })]);

    const after = await send(back.socket, 'poll:answer', { pollId: 'werkveld', option: 1 }, v);
    expect(after).toBe(v + 1);
    const host2 = await attachHost(server.url, session.sessionId, session.hostToken);
    cleanups.push(() => void host2.socket.disconnect());
    expect(host2.replica.state!.polls.werkveld!.answers).toEqual({ [anouk.seatId]: 0, [back.seatId]: 1 });
  });

  it('gives a late joiner the current step, board, poll and timer in the attach snapshot', async () => {
    const server = await startServer();
    cleanups.push(() => server.cleanup(), () => server.stop());
    const session = await createSessionOver(server.url, 'mini');
    const host = await attachHost(server.url, session.sessionId, session.hostToken);
    cleanups.push(() => void host.socket.disconnect());
    const anouk = await seated(server, session.code, 'mentor', 'Anouk');
    let v = await send(host.socket, 'situation:reveal', { all: true }, 1);
    v = await send(host.socket, 'step:set', { step: 'spelen', force: true }, v);
    v = await send(anouk.socket, 'card:place', { tableId: 't1', defId: 'bijstand', x: 0, y: -0.7 }, v);
    v = await send(host.socket, 'timer:start', { durationMs: 420_000 }, v);
    v = await send(host.socket, 'poll:open', { pollId: 'werkveld' }, v);

    const late = await joinAsPlayer(server.url, session.code);
    cleanups.push(() => void late.socket.disconnect());
    expect(late.ack).toMatchObject({ ok: true, viewer: { kind: 'guest' } });
    const snapshot = late.ack.ok ? late.ack.snapshot : null;
    expect(snapshot?.version).toBe(v);
    const table = snapshot!.state.tables.t1!;
    expect(table.step).toBe('spelen');
    // A guest sees the scenario and the free roles, not the board.
    expect(table.cards).toEqual({});
    expect(snapshot!.state.seats[anouk.seatId]).toMatchObject({ roleId: 'mentor', name: '' });
    expect(table.timer).toMatchObject({ durationMs: 420_000, startedAt: expect.any(Number) });
    expect(snapshot!.state.activePoll).toBe('werkveld');
    expect(snapshot!.state.polls.werkveld?.status).toBe('open');

    // And the late joiner can take a role and answer at once.
    const claim = await request<SeatClaimAck>(late.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'moeder', name: 'Ria' }, v));
    expect(claim.ok).toBe(true);
    // Seated, the new player is sent their own view, with the board of their table.
    await late.replica.waitForVersion(v + 1);
    const board = late.replica.state!.tables.t1!;
    expect(board.cards.bijstand).toMatchObject({ staged: false, hidden: false });
    expect(Object.values(board.cards).filter((c) => c.staged)).toEqual([]);
    expect(late.replica.state!.seats[anouk.seatId]?.name).toBe('Anouk');
    expect(await send(late.socket, 'poll:answer', { pollId: 'werkveld', option: 1 }, v + 1)).toBe(v + 2);
  });
});
