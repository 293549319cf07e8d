import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ActionAck, type AttachAck } from '@samenspel/game-core';
import { createSessionOver, startServer, type TestServer } from '../helpers/server';
import { actionRequest, attachHost, connect, joinAsPlayer, nextEvent, request, type TestSocket } from '../helpers/socket';

let server: TestServer;
const sockets: TestSocket[] = [];

beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server.stop();
  server.cleanup();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * One request on a new connection: after a restart on the same port, fetch's pool would
 * first try a keep-alive connection the old server closed.
 */
function fresh(method: string, url: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, agent: false, headers: bearer(token) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function cohostLink(sessionId: string, token: string) {
  const res = await fetch(`${server.url}/api/sessions/${sessionId}/cohost`, { method: 'POST', headers: bearer(token) });
  expect(res.status).toBe(201);
  return (await res.json()) as { cohostToken: string; hostPath: string };
}

describe('co-facilitator link', () => {
  it('attaches a co-host as facilitator, who can fire a control', async () => {
    const session = await createSessionOver(server.url, 'mini');
    const link = await cohostLink(session.sessionId, session.hostToken);
    expect(link.hostPath).toBe(`/host/${session.sessionId}`);
    expect(link.cohostToken).not.toBe(session.hostToken);

    const cohost = await attachHost(server.url, session.sessionId, link.cohostToken);
    sockets.push(cohost.socket);
    expect(cohost.ack).toMatchObject({ ok: true, viewer: { kind: 'host' } });
    const ack = await request<ActionAck>(cohost.socket, 'step:set', actionRequest<'step:set'>({ step: 'situatie' }, 0));
    expect(ack).toEqual({ ok: true, version: 1 });
    await cohost.replica.waitForVersion(1);
    expect(cohost.replica.state?.tables.t1?.step).toBe('situatie');
  });

  it('gives a co-host the facilitator endpoints too, including making another link, after a restart', async () => {
    const session = await createSessionOver(server.url, 'mini');
    const link = await cohostLink(session.sessionId, session.hostToken);
    server = await server.restart();
    expect((await fresh('GET', `${server.url}/api/sessions/${session.sessionId}/log`, link.cohostToken)).status).toBe(200);
    const made = await fresh('POST', `${server.url}/api/sessions/${session.sessionId}/cohost`, link.cohostToken);
    expect(made.status).toBe(201);
    const second = JSON.parse(made.body) as { cohostToken: string };
    const socket = await connect(server.url);
    sockets.push(socket);
    const ack = await request<AttachAck>(socket, 'host:attach', { protocolVersion: PROTOCOL_VERSION, sessionId: session.sessionId, hostToken: second.cohostToken });
    expect(ack).toMatchObject({ ok: true, viewer: { kind: 'host' } });
  });

  it('does not accept one session’s co-host token for another session', async () => {
    const a = await createSessionOver(server.url, 'mini');
    const b = await createSessionOver(server.url, 'mini');
    const link = await cohostLink(a.sessionId, a.hostToken);
    const socket = await connect(server.url);
    sockets.push(socket);
    const ack = await request<AttachAck>(socket, 'host:attach', { protocolVersion: PROTOCOL_VERSION, sessionId: b.sessionId, hostToken: link.cohostToken });
    expect(ack).toMatchObject({ ok: false, code: 'BAD_HOST_TOKEN' });
    expect((await fetch(`${server.url}/api/sessions/${b.sessionId}/log`, { headers: bearer(link.cohostToken) })).status).toBe(403);
  });
});

describe('deleting a session', () => {
  it('deletes at once: connections hear session:deleted, the code no longer joins, the endpoints are gone', async () => {
    const session = await createSessionOver(server.url, 'mini');
    const host = await attachHost(server.url, session.sessionId, session.hostToken);
    const player = await joinAsPlayer(server.url, session.code);
    const screen = await connect(server.url);
    sockets.push(host.socket, player.socket, screen);
    await request<AttachAck>(screen, 'screen:attach', { protocolVersion: PROTOCOL_VERSION, code: session.code });

    const told = [nextEvent<{ sessionId: string }>(player.socket, 'session:deleted'), nextEvent<{ sessionId: string }>(screen, 'session:deleted'), nextEvent<{ sessionId: string }>(host.socket, 'session:deleted')];
    const res = await fetch(`${server.url}/api/sessions/${session.sessionId}`, { method: 'DELETE', headers: bearer(session.hostToken) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    for (const info of await Promise.all(told)) expect(info).toEqual({ sessionId: session.sessionId });

    // The connections stay open but belong to no session any more.
    const after = await request<ActionAck>(player.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'mentor', name: 'Anouk' }, 0));
    expect(after).toMatchObject({ ok: false, code: 'NOT_ATTACHED' });
    const again = await joinAsPlayer(server.url, session.code);
    sockets.push(again.socket);
    expect(again.ack).toMatchObject({ ok: false, code: 'SESSION_NOT_FOUND' });
    expect((await fetch(`${server.url}/api/sessions/${session.sessionId}/log`, { headers: bearer(session.hostToken) })).status).toBe(404);
  });

  it('stays deleted after a restart', async () => {
    const keep = await createSessionOver(server.url, 'mini');
    const gone = await createSessionOver(server.url, 'mini');
    expect((await fetch(`${server.url}/api/sessions/${gone.sessionId}`, { method: 'DELETE', headers: bearer(gone.hostToken) })).status).toBe(200);
    server = await server.restart();
    const player = await joinAsPlayer(server.url, gone.code);
    const kept = await joinAsPlayer(server.url, keep.code);
    sockets.push(player.socket, kept.socket);
    expect(player.ack).toMatchObject({ ok: false, code: 'SESSION_NOT_FOUND' });
    expect(kept.ack).toMatchObject({ ok: true });
  });
});
