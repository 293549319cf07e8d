import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionAck, Scenario } from '@samenspel/game-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DIR, joinAsPlayer, launchDevices, LAPTOP, PROJECTOR, TABLET, type Devices, nextStep } from '../helpers/browser';
import { createSessionOver, REAL_SCENARIOS, startServer, type TestServer } from '../helpers/server';
import { actionRequest, joinAsPlayer as joinBySocket, request, type TestSocket } from '../helpers/socket';

/*
 * Everything around the board, as a room sees it: Tess at five tables, with a long story for
 * "Tess wordt 18". The big screen shows the whole story and every insight (page by page where
 * they do not fit), and five wheels at once; a tablet explains the event from its top; the
 * facilitator confirms in the page; tablets and the projector stay awake.
 */

const SHOTS = process.env.SCREENS_SHOTS ?? '/tmp/screens';
const PORTRAIT = { width: 800, height: 1280 };
const SMALL_PROJECTOR = { width: 1280, height: 720 };

/** Sentences added to the story of "Tess wordt 18", so it is far longer than the column. */
const EXTRA_STORY = Array.from(
  { length: 13 },
  (_, i) => `Zin ${i + 1}: wie merkt deze verandering als eerste op, en wie pakt het op voordat Tess er alleen voor staat?`,
).join(' ');

/** A stand-in for the Screen Wake Lock API that records every request, on every page. */
const WAKE_LOCK_STUB = `
  window.__wakeLocks = [];
  Object.defineProperty(navigator, 'wakeLock', {
    configurable: true,
    value: {
      request(type) {
        const sentinel = { type, released: false, release: async () => { sentinel.released = true; } };
        window.__wakeLocks.push(sentinel);
        return Promise.resolve(sentinel);
      },
    },
  });
`;

let server: TestServer;
let devices: Devices;
let scenariosDir: string;
let session: Awaited<ReturnType<typeof createSessionOver>>;
let host: Page;
let screen: Page;
let tablet: Page;
let portrait: Page;
let narrative = '';
const sockets: TestSocket[] = [];

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(700);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
};

async function open(viewport: { width: number; height: number }, touch = false): Promise<Page> {
  const page = await devices.open(viewport, touch);
  await page.addInitScript(WAKE_LOCK_STUB);
  return page;
}

/** Confirms (or cancels) the in-page dialog the facilitator's last click opened. */
async function answerConfirm(page: Page, how: 'Escape' | 'Enter' | 'click') {
  const dialog = page.locator('dialog[open][data-testid="confirm-dialog"]');
  await dialog.locator('[data-testid="confirm-ok"]').waitFor();
  if (how === 'click') await dialog.locator('[data-testid="confirm-ok"]').click();
  else await page.keyboard.press(how);
  await dialog.locator('[data-testid="confirm-ok"]').waitFor({ state: 'detached' });
}

/**
 * Every block of the big screen's story pager as the room sees it, page by page: the text of
 * each block that is visible, wholly inside the pager's window and the viewport, and not clipped
 * inside itself, with its font size. Turns the pages with Page Down, as a presenter's clicker.
 */
async function readEveryPage(page: Page, selector: string) {
  const pager = page.locator('[data-testid="screen-story"]');
  const pages = Number(await pager.getAttribute('data-pages'));
  const seen: { text: string; fontSize: number; page: number }[] = [];
  for (let p = 0; p < pages; p++) {
    for (;;) {
      // Turn to page p (the pager goes round), and let the slide there finish.
      while (Number(await pager.getAttribute('data-page')) !== p) await page.keyboard.press('PageDown');
      await page.waitForFunction(() => {
        const c = document.querySelector<HTMLElement>('[data-testid="screen-story"] .pager-content');
        return c !== null && c.getAnimations().length === 0;
      });
      const visible = await page.evaluate((sel) => {
        const win = document.querySelector('[data-testid="screen-story"] .pager-window')!.getBoundingClientRect();
        return [...document.querySelectorAll<HTMLElement>(sel)]
          .filter((el) => {
            const item = el.closest('[data-page-item]') ?? el;
            if (item.hasAttribute('data-off') || getComputedStyle(el).visibility === 'hidden') return false;
            const r = el.getBoundingClientRect();
            const inside = r.top >= win.top - 1 && r.bottom <= win.bottom + 1 && r.bottom <= innerHeight && r.right <= innerWidth && r.left >= 0;
            const whole = el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1;
            return inside && whole && r.height > 0;
          })
          .map((el) => ({ text: (el.textContent ?? '').trim(), fontSize: parseFloat(getComputedStyle(el).fontSize) }));
      }, selector);
      // The page may have turned by itself while being read; then read it again.
      if (Number(await pager.getAttribute('data-page')) !== p) continue;
      for (const v of visible) seen.push({ ...v, page: p });
      break;
    }
  }
  return { pages, seen };
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // The shipped scenarios, with a story for "Tess wordt 18" near the 2000 characters allowed.
  scenariosDir = mkdtempSync(join(tmpdir(), 'samenspel-screens-'));
  cpSync(REAL_SCENARIOS, scenariosDir, { recursive: true });
  const file = join(scenariosDir, 'tess-wordt-18/scenario.yaml');
  const yaml = readFileSync(file, 'utf8');
  const marker = "    narrative: >-\n      Het is Tess' verjaardag.";
  expect(yaml).toContain(marker);
  writeFileSync(file, yaml.replace(marker, `    narrative: >-\n      ${EXTRA_STORY} Het is Tess' verjaardag.`));
  server = await startServer({ scenariosDir, clientDir: CLIENT_DIR });
  devices = await launchDevices();
  session = await createSessionOver(server.url, 'tess-wordt-18', 5);
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await devices?.close();
  await server?.stop();
  server?.cleanup();
  rmSync(scenariosDir, { recursive: true, force: true });
});

describe('the screens around the board', () => {
  it('keeps a seated tablet and the projector awake, and asks again when the tablet is back in view', async () => {
    host = await open(LAPTOP);
    await host.goto(`${server.url}/host/${session.sessionId}#${session.hostToken}`);
    await host.locator('[data-testid="board"]').first().waitFor();
    screen = await open(PROJECTOR);
    await screen.goto(`${server.url}/screen/${session.code}`);
    await screen.locator('[data-testid="board"]').first().waitFor();
    await screen.waitForFunction(() => (window as unknown as { __wakeLocks: unknown[] }).__wakeLocks.length >= 1);

    tablet = await open(TABLET, true);
    await joinAsPlayer(tablet, server.url, session.code, 'Anouk', 'mentor', { tableId: 't1' });
    await tablet.locator('[data-testid="tablet-table"]').filter({ hasText: 'Tafel 1' }).waitFor();
    await tablet.waitForFunction(() => (window as unknown as { __wakeLocks: unknown[] }).__wakeLocks.length === 1);
    // The browser drops the lock when the page is hidden; back in view, the tablet asks again.
    await tablet.evaluate(() => {
      const locks = (window as unknown as { __wakeLocks: { released: boolean }[] }).__wakeLocks;
      locks[0]!.released = true;
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await tablet.waitForFunction(() => (window as unknown as { __wakeLocks: unknown[] }).__wakeLocks.length === 2);
    const types = await tablet.evaluate(() => (window as unknown as { __wakeLocks: { type: string }[] }).__wakeLocks.map((l) => l.type));
    expect(types).toEqual(['screen', 'screen']);

    portrait = await open(PORTRAIT, true);
    await joinAsPlayer(portrait, server.url, session.code, 'Ria', 'moeder', { tableId: 't1' });
    await portrait.locator('[data-testid="tablet-table"]').waitFor();
  });

  it('lets a player close the poll result and go back to the board', async () => {
    await host.locator('[data-testid="poll-open-werkplek"]').click();
    await tablet.locator('[data-testid="poll-option-0"]').tap();
    await expect(tablet.locator('[data-testid="poll-close"]').count()).resolves.toBe(0);
    await host.locator('[data-testid="poll-close"]').click();
    await host.locator('[data-testid="poll-reveal"]').click();
    await tablet.locator('[data-testid="poll-result"]').waitFor();
    await tablet.locator('[data-testid="poll-close"]').tap();
    await tablet.locator('[data-testid="poll-card"]').waitFor({ state: 'detached' });
    await expect(tablet.locator('.tablet-body').getAttribute('inert')).resolves.toBeNull();
    // The other tablet still shows the result until its player closes it.
    await portrait.locator('[data-testid="poll-result"]').waitFor();
    await host.locator('[data-testid="poll-dismiss"]').click();
    await portrait.locator('[data-testid="poll-card"]').waitFor({ state: 'detached' });
  });

  it('asks in the page before an event: Escape cancels, Enter lets it happen', async () => {
    await nextStep(host);
    await nextStep(host);
    await screen.locator('[data-testid="step-indicator"][data-step="spelen"]').first().waitFor();
    await host.locator('[data-testid="fire-tess-wordt-18"]').click();
    const dialog = host.locator('dialog[open][data-testid="confirm-dialog"]');
    await expect(dialog.textContent()).resolves.toContain('Tess wordt 18');
    // Focus starts on the button that goes ahead, inside the dialog.
    await expect(host.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('confirm-ok');
    await answerConfirm(host, 'Escape');
    await host.waitForTimeout(300);
    await expect(tablet.locator('[data-testid="event-banner"]').count()).resolves.toBe(0);

    await host.locator('[data-testid="fire-tess-wordt-18"]').click();
    await shot(host, 'host-confirm-event');
    await answerConfirm(host, 'Enter');
    await tablet.locator('[data-testid="event-banner"]').waitFor();
    const { scenario } = (await (await fetch(`${server.url}/api/scenarios/tess-wordt-18`)).json()) as { scenario: Scenario };
    narrative = scenario.events.find((e) => e.id === 'tess-wordt-18')!.narrative;
    expect(narrative).toContain('Zin 13:');
    expect(narrative.length).toBeGreaterThan(1500);
  });

  it('explains the event on a tablet from its top: what stops, what arrives and what moves, each with its reason', async () => {
    for (const [page, name] of [
      [tablet, 'tablet-1024x768-event-dialog'],
      [portrait, 'tablet-800x1280-event-dialog'],
    ] as const) {
      await page.locator('[data-testid="event-read-more"]').tap();
      const dialog = page.locator('[data-testid="event-dialog"]');
      await dialog.locator('h2').first().waitFor();
      await expect(dialog.evaluate((d) => d.scrollTop)).resolves.toBe(0);
      await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H2');
      const added = dialog.locator('[data-testid="changes-added"]');
      await expect(added.textContent()).resolves.toContain('hoger jeugdloon vanaf 18');
      await expect(added.textContent()).resolves.toContain('Het minimumjeugdloon stijgt');
      await expect(dialog.locator('[data-testid="changes-ended"]').textContent()).resolves.toContain('De OTS eindigt automatisch');
      await expect(dialog.locator('[data-testid="changes-moved"]').textContent()).resolves.toContain('Zorgverzekeringswet');
      // Labels, never ids.
      await expect(dialog.textContent()).resolves.not.toMatch(/\bjeugd-ggz\b|\bverlengde-jeugdhulp\b/);
      await shot(page, name);
      await added.scrollIntoViewIfNeeded();
      await shot(page, `${name}-arrivals`);
    }
  });

  it('closes the event dialog when the facilitator calls everyone here', async () => {
    await host.locator('[data-testid="summon"]').click();
    for (const page of [tablet, portrait]) await page.locator('[data-testid="event-dialog"] h2').waitFor({ state: 'detached' });
    await expect(tablet.locator('[data-testid="event-dialog"]').evaluate((d: HTMLDialogElement) => d.open)).resolves.toBe(false);
  });

  it('shows the whole story of a long event on the big screen, page by page, none of it cut off', async () => {
    for (const [viewport, name] of [
      [PROJECTOR, 'screen-1920x1080-event'],
      [SMALL_PROJECTOR, 'screen-1280x720-event'],
    ] as const) {
      await screen.setViewportSize(viewport);
      await screen.waitForTimeout(300);
      await shot(screen, name);
      const { pages, seen } = await readEveryPage(screen, '.screen-event-text');
      const shown = [...new Set(seen.map((s) => s.text))].join(' ');
      expect(shown.replace(/\s+/g, ' ')).toBe(narrative.replace(/\s+/g, ' '));
      for (const s of seen) expect(s.fontSize).toBeGreaterThanOrEqual(16);
      expect(pages).toBeGreaterThan(1);
      // What the event changed at this table is on the screen too, with its reasons.
      const changes = await readEveryPage(screen, '.screen-changes li');
      const listed = changes.seen.map((s) => s.text).join('\n');
      expect(listed).toContain('De OTS eindigt automatisch');
      expect(listed).toContain('hoger jeugdloon vanaf 18');
      expect(listed).toContain('Zorgverzekeringswet');
    }
    await screen.setViewportSize(PROJECTOR);
  });

  it('puts all five tables on the big screen from the table tab, in a grid', async () => {
    const panel = host.locator('[data-testid="screen-panel"]');
    await panel.waitFor();
    await panel.scrollIntoViewIfNeeded();
    await panel.locator('[data-testid="screen-all"]').click();
    const grid = screen.locator('[data-testid="screen-grid"][data-count="5"]');
    await grid.waitFor();
    await expect(grid.locator('[data-testid="board"]').count()).resolves.toBe(5);
    await screen.locator('[data-testid="screen-event-line-t1"]').waitFor();
    await shot(host, 'host-screen-panel');
    await shot(screen, 'screen-1920x1080-grid-5');
    await screen.setViewportSize(SMALL_PROJECTOR);
    await shot(screen, 'screen-1280x720-grid-5');
    await screen.setViewportSize(PROJECTOR);
    // Picking two by hand puts them side by side.
    await panel.locator('[data-testid="screen-pick-t3"]').uncheck();
    await panel.locator('[data-testid="screen-pick-t4"]').uncheck();
    await panel.locator('[data-testid="screen-pick-t5"]').uncheck();
    await panel.locator('[data-testid="screen-show"]').click();
    await screen.locator('.screen-pair [data-testid="board"]').nth(1).waitFor();
    await expect(screen.locator('[data-testid="board"]').count()).resolves.toBe(2);
    await panel.locator('[data-testid="screen-only"]').click();
    await screen.locator('.screen [data-testid="board"]').waitFor();
  });

  it('shows every one of 24 revealed insights readably on the big screen, the question once', async () => {
    await nextStep(host);
    await screen.locator('[data-testid="step-indicator"][data-step="reflectie"]').first().waitFor();
    await host.locator('[data-testid="prompt-show-reflection-0"]').click();
    const question = (await screen.locator('[data-testid="screen-prompt"] .screen-prompt-text').textContent())!.trim();

    const texts: string[] = [];
    for (const [t, tableId] of (['t2', 't3', 't4'] as const).entries()) {
      const player = await joinBySocket(server.url, session.code);
      sockets.push(player.socket);
      const claim = await request<ActionAck>(player.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId, roleId: 'mentor', name: `Speler ${t}` }, player.replica.version));
      expect(claim.ok).toBe(true);
      for (let i = 0; i < 8; i++) {
        const text = `Inzicht ${t * 8 + i + 1}: ${i % 3 === 0 ? 'bij 18 stopt te veel tegelijk, dus begin een jaar eerder met plannen en leg vast wie de regie houdt als de jeugdhulp stopt' : 'wie is hier de regisseur?'}`;
        const ack = await request<ActionAck>(player.socket, 'insight:add', actionRequest<'insight:add'>({ text }, player.replica.version));
        expect(ack.ok).toBe(true);
        texts.push(text);
      }
    }
    await host.locator('[data-testid="insights-reveal-all"]').click();
    await screen.locator('[data-testid^="screen-insight-"]').nth(23).waitFor({ state: 'attached' });

    // The question heads its insights and is not shown a second time.
    await expect(screen.locator('[data-testid="screen-prompt"]').count()).resolves.toBe(0);
    const mentions = await screen.evaluate((q) => [...document.querySelectorAll('h1, h2, p')].filter((el) => el.textContent?.includes(q)).length, question);
    expect(mentions).toBe(1);

    for (const [viewport, name] of [
      [PROJECTOR, 'screen-1920x1080-insights'],
      [SMALL_PROJECTOR, 'screen-1280x720-insights'],
    ] as const) {
      await screen.setViewportSize(viewport);
      await screen.waitForTimeout(300);
      await shot(screen, name);
      const { seen } = await readEveryPage(screen, '.screen-postit-text');
      const read = new Set(seen.map((s) => s.text));
      for (const text of texts) expect(read.has(text), text).toBe(true);
      for (const s of seen) expect(s.fontSize).toBeGreaterThanOrEqual(16);
    }
    await screen.setViewportSize(PROJECTOR);
  });

  it('lists the cards that stopped beside the wheel once the insights take the column', async () => {
    const trace = screen.locator('[data-testid="screen-trace"]');
    await trace.waitFor({ state: 'attached' });
    await expect(trace.textContent()).resolves.toContain('Ondertoezichtstelling');
  });

  it('asks before deleting an insight: Escape keeps it, the button deletes it', async () => {
    const first = host.locator('[data-testid^="insight-remove-"]').first();
    const id = (await first.getAttribute('data-testid'))!.slice('insight-remove-'.length);
    await first.click();
    await answerConfirm(host, 'Escape');
    await expect(host.locator(`[data-testid="insight-${id}"]`).count()).resolves.toBe(1);
    await first.click();
    await answerConfirm(host, 'click');
    await host.locator(`[data-testid="insight-${id}"]`).waitFor({ state: 'detached' });
    await screen.locator(`[data-testid="screen-insight-${id}"]`).waitFor({ state: 'detached' });
  });

  it('follows the scenario’s language, and has its own switch', async () => {
    await screen.locator('[data-testid="step-indicator"]').filter({ hasText: 'Reflectie' }).first().waitFor();
    await screen.locator('.screen-lang button[lang="en"]').click();
    await screen.locator('[data-testid="step-indicator"]').filter({ hasText: 'Reflection' }).first().waitFor();
    // The facilitator's own page keeps its language.
    await expect(host.locator('[data-testid="host-tab-table"]').textContent()).resolves.toBe('Tafel');
  });

  it('offers a web app manifest with icons, so a tablet can add the app to its home screen', async () => {
    const href = await tablet.locator('link[rel="manifest"]').getAttribute('href');
    const res = await fetch(new URL(href!, server.url));
    expect(res.status).toBe(200);
    const manifest = (await res.json()) as { name: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const png = Buffer.from(await (await fetch(new URL(icon.src, server.url))).arrayBuffer());
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      const [w, h] = icon.sizes.split('x').map(Number);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([w, h]);
    }
  });

  it('had no script errors and no browser dialogs on any page', () => {
    expect(devices.errors).toEqual([]);
  });
});
