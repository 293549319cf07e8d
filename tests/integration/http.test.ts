import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { REPO_ROOT, startServer, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ scenariosDir: join(REPO_ROOT, 'tests/fixtures/scenarios-mixed') });
});
afterAll(async () => {
  await server.stop();
  server.cleanup();
});

const post = (path: string, body: unknown, raw = false) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ? (body as string) : JSON.stringify(body) });

describe('http', () => {
  it('answers the health check with JSON once ready', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, sessions: 0, damaged: 0, scenarios: 1 });
  });

  it('lists a broken scenario with its line-numbered problem and keeps serving the valid one', async () => {
    const res = await fetch(`${server.url}/api/scenarios`);
    const { scenarios } = (await res.json()) as { scenarios: { id: string; status: string; problems: { line: number; message: string; suggestion?: string }[] }[] };
    const mini = scenarios.find((s) => s.id === 'mini');
    const kapot = scenarios.find((s) => s.id === 'kapot');
    expect(mini?.status).toBe('ok');
    expect(kapot?.status).toBe('error');
    expect(kapot?.problems[0]).toMatchObject({ line: 20, suggestion: expect.stringContaining('kim') as unknown });
    const logged = server.logger.lines.find((l) => l.level === 'error' && l.msg.includes('kapot/scenario.yaml:20'));
    expect(logged).toBeDefined();
    const start = await post('/api/sessions', { scenarioId: 'kapot' });
    expect(start.status).toBe(404);
  });

  it('starts a session with a six-character code without look-alike characters and a join link', async () => {
    const res = await post('/api/sessions', { scenarioId: 'mini' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { code: string; sessionId: string; hostToken: string; joinUrl: string; screenUrl: string };
    expect(body.code).toMatch(/^[ACDEFGHJKMNPQRTWXY34679]{6}$/);
    expect(body.joinUrl).toBe(`http://localhost/join/${body.code}`);
    expect(body.screenUrl).toBe(`http://localhost/screen/${body.code}`);
    expect(body.hostToken.length).toBeGreaterThanOrEqual(24);
  });

  it.each([
    ['no scenario', {}, 400],
    ['an unknown scenario', { scenarioId: 'bestaat-niet' }, 404],
    ['zero tables', { scenarioId: 'mini', tables: 0 }, 400],
    ['thirteen tables', { scenarioId: 'mini', tables: 13 }, 400],
    ['tables as text', { scenarioId: 'mini', tables: 'veel' }, 400],
  ])('refuses to start a session with %s', async (_name, body, status) => {
    const res = await post('/api/sessions', body);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ code: expect.any(String) as unknown, message: expect.any(String) as unknown });
  });

  it('refuses a malformed JSON body with a readable error', async () => {
    const res = await post('/api/sessions', '{"scenarioId": ', true);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 'BAD_REQUEST', message: 'the request could not be read' });
  });

  it('refuses an oversized body', async () => {
    const res = await post('/api/sessions', { scenarioId: 'mini', padding: 'x'.repeat(10_000) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('draws a QR code as SVG for a join link', async () => {
    const res = await fetch(`${server.url}/api/qr.svg?text=${encodeURIComponent('http://192.168.1.20:3000/join/ACDEFG')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    expect(await res.text()).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const empty = await fetch(`${server.url}/api/qr.svg`);
    expect(empty.status).toBe(400);
  });

  it('serves a full scenario and refuses to serve files outside a scenario folder', async () => {
    const res = await fetch(`${server.url}/api/scenarios/mini`);
    expect(((await res.json()) as { scenario: { persona: { name: string } } }).scenario.persona.name).toBe('Sam');
    const escape = await fetch(`${server.url}/api/scenarios/mini/files/..%2F..%2Fkapot%2Fscenario.yaml`);
    expect(escape.status).toBe(404);
  });

  it('tells clients where tablets can reach the server, and that saving scenarios is off by default', async () => {
    const res = await fetch(`${server.url}/api/config`);
    expect(await res.json()).toEqual({ scenariosWritable: false, joinBase: 'http://localhost', scenariosDir: 'scenarios-mixed' });
  });

  it('answers an unknown API path with JSON 404', async () => {
    const res = await fetch(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('serving the built client', () => {
  it('sends the tablet bundle gzipped and every page path as the app', async () => {
    const withClient = await startServer({ clientDir: join(REPO_ROOT, 'client/dist') });
    try {
      const html = await (await fetch(`${withClient.url}/join/ACDEFG`)).text();
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script, 'the build has an entry script (npm test builds the client first)').toBeDefined();
      const res = await fetch(`${withClient.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(res.headers.get('cache-control')).toContain('immutable');
    } finally {
      await withClient.stop();
      withClient.cleanup();
    }
  });
});
