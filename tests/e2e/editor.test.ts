import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseScenarioYaml } from '@samenspel/game-core/scenario';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_SCENARIOS, REPO_ROOT, startServer, type TestServer } from '../helpers/server';

/*
 * The trainer pages in real Chromium, on a copy of the real scenarios: the list, the preview
 * with its events, and the form editor (rename a role, see the preview follow, download, save).
 */

const CLIENT_DIR = join(REPO_ROOT, 'client/dist');
const SHOTS = join(REPO_ROOT, 'test-results/e2e');
const LAPTOP = { width: 1366, height: 900 };
const ID = 'tess-wordt-18';
const NEW_NAME = 'Mama van Tess';

let dir: string;
let readOnly: TestServer;
let writable: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

const file = () => join(dir, ID, 'scenario.yaml');
const comments = (text: string) => text.split('\n').filter((l) => /^\s*#/.test(l));

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return page;
}

/** The position of the mother in the roles list, as the form numbers it. */
function motherIndex(): number {
  const parsed = parseScenarioYaml(readFileSync(file(), 'utf8'));
  if (!parsed.ok) throw new Error('the copied scenario does not pass the check');
  return parsed.scenario.roles.findIndex((r) => r.id === 'moeder');
}

async function renameMother(page: Page) {
  await page.goto(`${page.url().startsWith('http') ? new URL(page.url()).origin : ''}/scenarios/${ID}/edit`);
  await page.locator('[data-testid="check-panel"].is-good').waitFor();
  await page.locator('[data-testid="tab-roles"]').click();
  const input = page.locator(`#f-roles-${motherIndex()}-name`);
  await expect(input.inputValue()).resolves.toBe('Moeder van Tess');
  await input.fill(NEW_NAME);
  await page.locator('[data-testid="preview-role-moeder"]', { hasText: NEW_NAME }).waitFor();
}

beforeAll(async () => {
  if (!existsSync(join(CLIENT_DIR, 'index.html'))) throw new Error('build the client first: npm run build -w client');
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'samenspel-scenarios-'));
  cpSync(REAL_SCENARIOS, dir, { recursive: true });
  readOnly = await startServer({ scenariosDir: dir, clientDir: CLIENT_DIR });
  writable = await startServer({ scenariosDir: dir, clientDir: CLIENT_DIR, scenariosWritable: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  for (const s of [readOnly, writable]) {
    await s?.stop();
    s?.cleanup();
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the trainer pages', () => {
  it('list every scenario with its check, reached from the home page', async () => {
    const page = await newPage();
    await page.goto(`${readOnly.url}/`);
    await page.locator('[data-testid="trainer-link"]').click();
    await page.locator(`[data-testid="check-${ID}"]`).waitFor();
    await expect(page.locator(`[data-testid="check-${ID}"]`).textContent()).resolves.toContain('✓');
    await page.screenshot({ path: join(SHOTS, 'trainer-list.png'), fullPage: true });
  });

  it('preview a scenario and step through its events alone', async () => {
    const page = await newPage();
    await page.goto(`${readOnly.url}/scenarios/${ID}`);
    await page.locator('[data-testid="board"]').waitFor();
    await expect(page.locator('[data-testid="preview-persona"]').textContent()).resolves.toContain('Tess');
    const before = await page.locator('[data-testid="preview-counts"]').textContent();
    const cardsBefore = await page.locator('[data-testid="board"] [data-piece="card"]').count();
    await page.locator(`[data-testid="apply-${ID}"]`).click();
    const event = page.locator(`[data-testid="preview-event-${ID}"]`);
    await event.locator('.effect-end').first().waitFor();
    await expect(event.locator('.effect-end').first().textContent()).resolves.toMatch(/OTS|18/);
    await expect(event.locator('.effect-add').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('[data-testid="preview-counts"]').textContent()).resolves.not.toBe(before);
    await expect(page.locator('[data-testid="board"] [data-piece="card"]').count()).resolves.not.toBe(cardsBefore);
    await event.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'trainer-preview-event.png') });
    await page.locator('[data-testid="preview-reset"]').click();
    await expect(page.locator('[data-testid="preview-counts"]').textContent()).resolves.toBe(before);
  });

  it('renames a role in the form, shows it in the preview and downloads a file that keeps its comments', async () => {
    const page = await newPage();
    await page.goto(readOnly.url);
    await renameMother(page);
    // Without SCENARIOS_WRITABLE the Save button is off and the page says why.
    await expect(page.locator('[data-testid="save-yaml"]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#save-note').textContent()).resolves.toContain('SCENARIOS_WRITABLE=1');
    await page.screenshot({ path: join(SHOTS, 'trainer-editor-roles.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-yaml"]').click()]);
    expect(download.suggestedFilename()).toBe('scenario.yaml');
    const text = readFileSync((await download.path())!, 'utf8');
    const original = readFileSync(file(), 'utf8');
    expect(text).toContain(`name: ${NEW_NAME}`);
    expect(comments(text)).toEqual(comments(original));
    expect(comments(text).length).toBeGreaterThan(0);
    const parsed = parseScenarioYaml(text, { expectedId: ID });
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    // One changed line: the name.
    const changed = text.split('\n').filter((l, i) => l !== original.split('\n')[i]);
    expect(changed).toEqual([`    name: ${NEW_NAME}`]);
  });

  it('marks a field with a problem and explains it', async () => {
    const page = await newPage();
    await page.goto(`${readOnly.url}/scenarios/${ID}/edit`);
    await page.locator('[data-testid="check-panel"].is-good').waitFor();
    await page.locator('[data-testid="tab-cards"]').click();
    const card = page.locator('#f-cards-0-label');
    await card.fill('');
    await page.locator('[data-testid="editor-problems"]').waitFor();
    await expect(card.getAttribute('aria-invalid')).resolves.toBe('true');
    // The editor names the file by the scenario folder the server was given (a temporary copy here), not `scenarios/`.
    await expect(page.locator('[data-testid="editor-problems"]').textContent()).resolves.toMatch(new RegExp(`${basename(dir)}/tess-wordt-18/scenario\\.yaml:\\d+:\\d+`));
    await expect(page.locator('[data-testid="tab-cards"] .badge-problem').textContent()).resolves.toBe('1');
    await page.screenshot({ path: join(SHOTS, 'trainer-editor-problem.png') });
  });

  it('saves into scenarios/ when the server allows it, and an open preview refreshes by itself', async () => {
    const preview = await newPage();
    await preview.goto(`${writable.url}/scenarios/${ID}`);
    await preview.locator('[data-testid="preview-role-moeder"]', { hasText: 'Moeder van Tess' }).waitFor();

    const page = await newPage();
    // The link the server prints at start: the trainer secret rides after the #.
    await page.goto(`${writable.url}/scenarios#trainer=${writable.app.trainerSecret}`);
    await page.locator('.trainer').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await renameMother(page);
    await page.locator('[data-testid="save-yaml"]').click();
    await page.locator('.save-ok').waitFor();

    const saved = readFileSync(file(), 'utf8');
    expect(saved).toContain(`name: ${NEW_NAME}`);
    expect(comments(saved).length).toBeGreaterThan(0);
    const parsed = parseScenarioYaml(saved, { expectedId: ID });
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);

    await preview.locator('[data-testid="preview-role-moeder"]', { hasText: NEW_NAME }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(SHOTS, 'trainer-editor-saved.png') });
  });

  it('asks for the trainer secret when a save comes without it, then saves with it', async () => {
    // The file as shipped again, so the mother has her first name back.
    cpSync(join(REAL_SCENARIOS, ID, 'scenario.yaml'), file());
    const page = await newPage();
    await page.goto(`${writable.url}/scenarios`);
    await renameMother(page);
    await page.locator('[data-testid="save-yaml"]').click();
    const secret = page.locator('[data-testid="trainer-secret"]');
    await secret.waitFor();
    await secret.fill('not-the-secret');
    await secret.press('Enter');
    await page.locator('.trainer-secret .form-error').waitFor();
    await page.screenshot({ path: '/tmp/infra/trainer-secret-wrong.png' });
    await secret.fill(writable.app.trainerSecret ?? '');
    await secret.press('Enter');
    await page.locator('.save-ok').waitFor();
  });

  it('had no script errors on any page', () => {
    expect(errors).toEqual([]);
  });
});
