import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_SCENARIOS, REPO_ROOT, startServer, type TestServer } from '../helpers/server';

/* Hole 9: saving a scenario file needs the trainer secret, and no reply names a server path. */

let server: TestServer;
let dir: string;
const file = () => join(dir, 'mini', 'scenario.yaml');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'samenspel-trainer-'));
  cpSync(FIXTURE_SCENARIOS, dir, { recursive: true });
  server = await startServer({ scenariosDir: dir, scenariosWritable: true });
});
afterAll(async () => {
  await server.stop();
  server.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const put = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/scenarios/mini/source`, { method: 'PUT', headers: { 'content-type': 'text/yaml', ...headers }, body });

describe('saving scenario files', () => {
  it('refuses a save without the trainer secret or with a wrong one, and the file stays as it was', async () => {
    const before = readFileSync(file(), 'utf8');
    const evil = before.replace('title: Mini', 'title: Overgenomen');
    const none = await put(evil);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ code: 'BAD_TRAINER_SECRET' });
    const wrong = await put(evil, { authorization: 'Bearer not-the-secret' });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ code: 'BAD_TRAINER_SECRET' });
    const hostLike = await put(evil, { authorization: `Bearer ${'x'.repeat(32)}` });
    expect(hostLike.status).toBe(403);
    await hostLike.arrayBuffer();
    expect(readFileSync(file(), 'utf8')).toBe(before);
  });

  it('saves with the secret the server printed at start', async () => {
    expect(server.app.trainerSecret).toMatch(/^[\w-]{20,}$/);
    const before = readFileSync(file(), 'utf8');
    const res = await put(before.replace('title: Mini', 'title: Mini bewerkt'), { authorization: `Bearer ${server.app.trainerSecret}` });
    expect(res.status).toBe(200);
    expect(readFileSync(file(), 'utf8')).toContain('title: Mini bewerkt');
  });

  it('names no absolute server path in any reply', async () => {
    const auth = { authorization: `Bearer ${server.app.trainerSecret}` };
    const source = readFileSync(file(), 'utf8');
    const replies = await Promise.all([
      fetch(`${server.url}/api/scenarios`),
      put(source.replace('role: mentor, law: Jeugdwet', 'role: mentr, law: Jeugdwet').replace('placement: start', 'placement: start, image: ../../etc/passwd'), auth),
      put('id: mini\n: : [', auth),
      put('', auth),
      fetch(`${server.url}/api/scenarios/nope/source`),
      fetch(`${server.url}/api/scenarios/mini/files/..%2F..%2Fscenario.yaml`),
      fetch(`${server.url}/api/scenarios/mini/files/missing.png`),
      fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad json' }),
      fetch(`${server.url}/api/nothing-here`),
    ]);
    const texts = await Promise.all(replies.map((r) => r.text()));
    expect(replies[1]!.status).toBe(422);
    for (const text of texts) {
      expect(text).not.toContain(dir);
      expect(text).not.toContain(REPO_ROOT);
      expect(text).not.toContain(tmpdir());
    }
    expect(readFileSync(file(), 'utf8')).toBe(source);
  });

  it('refuses every save when saving is off, whatever secret is sent', async () => {
    const readOnly = await startServer({ scenariosDir: dir });
    try {
      expect(readOnly.app.trainerSecret).toBeNull();
      const res = await fetch(`${readOnly.url}/api/scenarios/mini/source`, { method: 'PUT', headers: { authorization: 'Bearer anything' }, body: 'id: mini' });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      await readOnly.stop();
      readOnly.cleanup();
    }
  });
});
