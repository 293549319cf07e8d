import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_SCENARIOS, startServer, type TestServer } from '../helpers/server';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function serverWithCopy(options: { writable?: boolean; watch?: boolean; shownRoot?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'samenspel-scenarios-'));
  cpSync(FIXTURE_SCENARIOS, dir, { recursive: true });
  const server: TestServer = await startServer({
    scenariosDir: dir,
    scenariosWritable: options.writable ?? false,
    watchScenarios: options.watch ?? false,
    ...(options.shownRoot !== undefined ? { scenariosShownRoot: options.shownRoot } : {}),
  });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => server.cleanup(), () => server.stop());
  return { server, dir };
}

/** A save as the editor sends it, with the trainer secret the server printed at start. */
const put = (server: TestServer, url: string, body: string) =>
  fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'text/yaml', ...(server.app.trainerSecret ? { authorization: `Bearer ${server.app.trainerSecret}` } : {}) },
    body,
  });

describe('scenario files over http', () => {
  it('serves a scenario file as written, comments included', async () => {
    const { server } = await serverWithCopy();
    const text = await (await fetch(`${server.url}/api/scenarios/mini/source`)).text();
    expect(text.startsWith('# A small scenario for server tests')).toBe(true);
  });

  it('refuses to save unless the server was started with writing allowed', async () => {
    const { server, dir } = await serverWithCopy();
    const before = readFileSync(join(dir, 'mini/scenario.yaml'), 'utf8');
    const res = await put(server, `${server.url}/api/scenarios/mini/source`, before.replace('title: Mini', 'title: Anders'));
    expect(res.status).toBe(403);
    expect(readFileSync(join(dir, 'mini/scenario.yaml'), 'utf8')).toBe(before);
  });

  it('saves a valid scenario, keeps its comments, and serves the new version', async () => {
    const { server, dir } = await serverWithCopy({ writable: true });
    const source = await (await fetch(`${server.url}/api/scenarios/mini/source`)).text();
    const res = await put(server, `${server.url}/api/scenarios/mini/source`, source.replace('title: Mini', 'title: Mini bewerkt'));
    expect(res.status).toBe(200);
    expect(readFileSync(join(dir, 'mini/scenario.yaml'), 'utf8')).toContain('# A small scenario');
    const list = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { scenarios: { id: string; title: string }[] };
    expect(list.scenarios.find((s) => s.id === 'mini')?.title).toBe('Mini bewerkt');
  });

  it('refuses to save a scenario with problems and reports them with lines, leaving the file alone', async () => {
    const { server, dir } = await serverWithCopy({ writable: true });
    const before = readFileSync(join(dir, 'mini/scenario.yaml'), 'utf8');
    const res = await put(server, `${server.url}/api/scenarios/mini/source`, before.replace('role: mentor, law: Jeugdwet', 'role: mentr, law: Jeugdwet'));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { problems: { line: number; code: string; suggestion?: string }[] };
    expect(body.problems[0]).toMatchObject({ code: 'unknown_role', suggestion: "bedoelde je 'mentor'?" });
    expect(body.problems[0]?.line).toBeGreaterThan(30);
    expect(readFileSync(join(dir, 'mini/scenario.yaml'), 'utf8')).toBe(before);
  });

  it('names each file by the scenario folder as configured, never by the server path of a temporary copy', async () => {
    const { server, dir } = await serverWithCopy({ writable: true, shownRoot: '../trainers/scenarios/' });
    const config = (await (await fetch(`${server.url}/api/config`)).json()) as { scenariosDir: string };
    expect(config.scenariosDir).toBe('../trainers/scenarios');
    const list = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { scenarios: { id: string; file: string }[] };
    expect(list.scenarios.find((s) => s.id === 'mini')?.file).toBe('../trainers/scenarios/mini/scenario.yaml');
    const before = readFileSync(join(dir, 'mini/scenario.yaml'), 'utf8');
    const res = await put(server, `${server.url}/api/scenarios/mini/source`, before.replace('role: mentor, law: Jeugdwet', 'role: mentr, law: Jeugdwet'));
    const body = JSON.stringify(await res.json());
    expect(body).toContain('"file":"../trainers/scenarios/mini/scenario.yaml"');
    expect(body).not.toContain(dir);
  });

  it('tells listening previews when a scenario file changes on disk', async () => {
    const { server, dir } = await serverWithCopy({ watch: true });
    const controller = new AbortController();
    cleanups.push(() => controller.abort());
    const res = await fetch(`${server.url}/api/scenarios/events`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let seen = '';
    const changed = (async () => {
      while (!seen.includes('event: changed')) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += new TextDecoder().decode(value);
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    const file = join(dir, 'mini/scenario.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Mini', 'title: Mini via editor'));
    await Promise.race([changed, new Promise((_, reject) => setTimeout(() => reject(new Error('no change event')), 5000))]);
    const list = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { scenarios: { id: string; title: string }[] };
    expect(list.scenarios.find((s) => s.id === 'mini')?.title).toBe('Mini via editor');
  });
});
