import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REAL_SCENARIOS, REPO_ROOT, startServer, type TestServer } from './server';

/*
 * Real Chromium for browser tests: Debian's build at /usr/bin/chromium, one browser context per
 * device so every tablet has its own storage, and every page's script errors collected.
 */

export const CLIENT_DIR = join(REPO_ROOT, 'client/dist');
export const SHOTS = join(REPO_ROOT, 'test-results/e2e');
export const TABLET = { width: 1024, height: 768 };
export const TABLET_PORTRAIT = { width: 768, height: 1024 };
export const PROJECTOR = { width: 1920, height: 1080 };
export const LAPTOP = { width: 1440, height: 900 };

export interface Devices {
  browser: Browser;
  /** Script errors of every page, as `url: message`. */
  errors: string[];
  open(viewport: { width: number; height: number }, touch?: boolean): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Chromium once for a test file; pages opened through it are closed with it. */
export async function launchDevices(): Promise<Devices> {
  if (!existsSync(join(CLIENT_DIR, 'index.html'))) throw new Error('build the client first: npm run build -w client');
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  return {
    browser,
    errors,
    async open(viewport, touch = false) {
      const context = await browser.newContext({ viewport, hasTouch: touch, acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
      // The app asks in the page itself; a browser confirm, alert or prompt is a defect, since
      // embedded and automated browsers dismiss them unseen. Leaving unsaved work may still ask.
      page.on('dialog', (d) => {
        if (d.type() === 'beforeunload') return void d.accept();
        errors.push(`${page.url()}: unexpected browser ${d.type()} dialog: ${d.message()}`);
        void d.dismiss();
      });
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** A player on a tablet joins with the code, types a name and takes a role (at a table, if asked). */
export async function joinAsPlayer(
  page: Page,
  base: string,
  code: string,
  name: string,
  roleId: string,
  options: { tableId?: string; beforeRole?: () => Promise<void> } = {},
) {
  await page.goto(`${base}/join`);
  await page.locator('[data-testid="code-input"]').fill(code.toLowerCase());
  await page.locator('[data-testid="code-submit"]').click();
  await page.locator('[data-testid="name-input"]').fill(name);
  await page.locator('[data-testid="name-submit"]').click();
  if (options.tableId) await page.locator(`[data-testid="table-choice-${options.tableId}"]`).click();
  await options.beforeRole?.();
  await page.locator(`[data-testid="role-${roleId}"]`).click();
  await page.locator('[data-testid="role-card"]').waitFor();
  await page.locator('[data-testid="role-confirm"]').click();
}

/** Waits until a page's board shows (or no longer shows) a card. */
export async function cardShown(page: Page, cardId: string, shown = true, timeout = 8000) {
  await page.locator(`[data-testid="card-${cardId}"]`).first().waitFor({ state: shown ? 'visible' : 'detached', timeout });
}

/** A real server on the shipped scenarios with the built client, and Chromium: one per test file. */
export async function startBrowserSuite(): Promise<{ server: TestServer; devices: Devices }> {
  const server = await startServer({ scenariosDir: REAL_SCENARIOS, clientDir: CLIENT_DIR });
  return { server, devices: await launchDevices() };
}

export async function stopBrowserSuite(server: TestServer | undefined, devices: Devices | undefined) {
  await devices?.close();
  await server?.stop();
  server?.cleanup();
}

/** A spot in the middle of a ring, inside sector `sector`, where no piece lies on this page. */
export async function freeSpotInRing(page: Page, ring: number, sectorCount: number) {
  return page.evaluate(
    ({ ring, sectorCount }) => {
      const svg = document.querySelector<SVGSVGElement>('[data-testid="board"]')!;
      const r = [0.3, 0.5, 0.7, 0.9][ring]!;
      const width = (Math.PI * 2) / sectorCount;
      for (let sector = 0; sector < sectorCount; sector++) {
        for (const f of [0.12, 0.88, 0.3, 0.7]) {
          const a = width * (sector + f);
          const mat = { x: Math.sin(a) * r, y: -Math.cos(a) * r };
          const p = new DOMPoint(mat.x * 1000, mat.y * 1000).matrixTransform(svg.getScreenCTM()!);
          const hit = document.elementFromPoint(p.x, p.y);
          if (hit && !hit.closest('[data-piece]')) return { sector, mat, client: { x: p.x, y: p.y } };
        }
      }
      throw new Error('no free spot in this ring');
    },
    { ring, sectorCount },
  );
}


/**
 * The facilitator moves the table on a step. Play (step 3) asks first while required roles are
 * free; a test table seldom has every role seated, so the facilitator starts anyway.
 */
export async function nextStep(host: Page) {
  await host.locator('[data-testid="step-next"]').click();
  const force = host.locator('[data-testid="step-force"]');
  const asked = await force.waitFor({ timeout: 1500 }).then(
    () => true,
    () => false,
  );
  if (asked) await force.click();
}
