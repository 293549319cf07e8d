import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_SCENARIOS, REPO_ROOT, startServer, type TestServer } from '../helpers/server';
import { newSession, tryConnect } from './wire';

/*
 * Hole 10: security headers the built app passes, tokens kept out of URLs that leave the page,
 * and a WebSocket that only the app's own pages may open.
 */

const CLIENT_DIR = join(REPO_ROOT, 'client/dist');
const SHOTS = '/tmp/infra';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(CLIENT_DIR, 'index.html'))) throw new Error('build the client first: npm run build');
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ scenariosDir: REAL_SCENARIOS, clientDir: CLIENT_DIR });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

describe('response headers', () => {
  it('sends a Content-Security-Policy without inline scripts, and the other protective headers, on pages and the API', async () => {
    for (const path of ['/', '/join/ACDEFG', '/api/scenarios', '/healthz']) {
      const res = await fetch(`${server.url}${path}`);
      await res.arrayBuffer();
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      // A workshop on a LAN is plain http: nothing may send tablets to an https that isn't there.
      expect(csp, path).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('never lets a cache keep a QR code, whose text may be a secret link', async () => {
    const res = await fetch(`${server.url}/api/qr.svg?text=${encodeURIComponent('http://192.168.1.20:3000/host/abc#secret')}`);
    await res.arrayBuffer();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('the WebSocket', () => {
  it('refuses a page from another site and accepts the app\'s own origin and PUBLIC_URL', async () => {
    expect(await tryConnect(server.url, { origin: 'http://evil.example' })).toBe('refused');
    expect(await tryConnect(server.url, { origin: `http://127.0.0.1:${server.port + 1}` })).toBe('refused');
    expect(await tryConnect(server.url, { origin: 'null' })).toBe('refused');
    expect(await tryConnect(server.url, { origin: server.url })).toBe('connected');
    // The test server's PUBLIC_URL is http://localhost.
    expect(await tryConnect(server.url, { origin: 'http://localhost' })).toBe('connected');
  });

  it('accepts a tablet that opened the app on the LAN address (the Origin matches the Host it asked)', async () => {
    expect(await tryConnect(server.url, { origin: 'http://192.168.1.20:3000', host: '192.168.1.20:3000' })).toBe('connected');
    expect(await tryConnect(server.url, { origin: 'http://192.168.1.20:3000', host: '192.168.1.21:3000' })).toBe('refused');
  });
});

describe('the built app under its policy', () => {
  it('loads every page in Chromium with no policy violation, and no token in any request URL', async () => {
    const session = await newSession(server.url, 'tess-wordt-18', 2);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const violations: string[] = [];
    const errors: string[] = [];
    const requests: string[] = [];
    await context.exposeBinding('reportViolation', (_source, text: string) => void violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${location.pathname}: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    const watch = (page: Page) => {
      page.on('console', (m) => {
        if (/Refused to|Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
      page.on('request', (r) => requests.push(r.url()));
      page.on('dialog', (d) => void d.accept());
    };
    context.on('page', watch);

    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('#root *').first().waitFor();
    await page.goto(`${server.url}/join/${session.code}`);
    await page.locator('#root *').first().waitFor();
    await page.goto(`${server.url}/screen/${session.code}`);
    await page.locator('[data-testid="qr"]').first().waitFor();
    expect(await page.locator('img[data-testid="qr"]').first().getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    await page.screenshot({ path: join(SHOTS, 'screen-under-csp.png') });

    await page.goto(`${server.url}/host/${session.sessionId}#${session.hostToken}`);
    await page.locator('[data-testid="host-tab-report"]').click();
    await page.locator('[data-testid="cohost-create"]').click();
    const cohostQr = page.locator('img[data-testid="qr"]');
    await cohostQr.first().waitFor();
    expect(await cohostQr.first().getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    await page.screenshot({ path: join(SHOTS, 'host-report-under-csp.png') });

    const [report] = await Promise.all([context.waitForEvent('page'), page.locator('[data-testid="report-print"]').click()]);
    await report.waitForLoadState();
    await report.locator('[data-testid="board"]').first().waitFor();
    await page.goto(`${server.url}/scenarios`);
    await page.locator('main').first().waitFor();
    await page.goto(`${server.url}/scenarios/tess-wordt-18`);
    await page.locator('main').first().waitFor();
    await page.goto(`${server.url}/scenarios/tess-wordt-18/edit`);
    await page.locator('main').first().waitFor();
    await page.waitForLoadState('networkidle');
    await context.close();

    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(5);
    for (const url of requests) {
      expect(url).not.toContain(session.hostToken);
      expect(url).not.toContain('/api/qr.svg');
    }
  });
});
