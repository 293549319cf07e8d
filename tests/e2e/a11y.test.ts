import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAsPlayer, LAPTOP, PROJECTOR, startBrowserSuite, stopBrowserSuite, TABLET, type Devices, nextStep } from '../helpers/browser';
import type { TestServer } from '../helpers/server';

/*
 * Every page and state of a live session checked with axe-core (WCAG 2.0, 2.1 and 2.2, A and
 * AA). The session is played as in the room, so each page is checked with the content people
 * see then: a poll open, an event fired, insights on the wall.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let server: TestServer;
let devices: Devices;
let host: Page;
let screen: Page;
let tablet: Page;
let code: string;
const counts: Record<string, number> = {};

interface Finding {
  rule: string;
  impact: string | null;
  nodes: { target: string; html: string; summary: string }[];
}

/** Runs axe on the page as it is now and returns its violations, one line per element. */
async function audit(page: Page, name: string): Promise<string[]> {
  // Colours are judged as people see them, so toasts and entrances must have finished fading.
  await page.waitForTimeout(400);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 }).catch(() => undefined);
  // Injected through evaluate rather than a script tag, so the page's CSP does not apply to it.
  await page.evaluate(AXE_SOURCE);
  const findings = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[]; html: string; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 120), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160) })),
    }));
  }, TAGS) as Finding[];
  const lines = findings.flatMap((f) => f.nodes.map((n) => `${name} | ${f.rule} (${f.impact ?? '-'}): ${n.target} | ${n.html} | ${n.summary}`));
  counts[name] = lines.length;
  return lines;
}

beforeAll(async () => {
  ({ server, devices } = await startBrowserSuite());
});

afterAll(async () => {
  // The figures for the record: violations per page, all expected to be 0.
  console.log(`axe violations per page:\n${Object.entries(counts).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  await stopBrowserSuite(server, devices);
});

describe('every page of a live session passes axe (WCAG 2.2 AA)', () => {
  it('has no violations on the home page', async () => {
    host = await devices.open(LAPTOP);
    await host.goto(`${server.url}/`);
    await host.locator('[data-testid="start-tess-wordt-18"]').waitFor();
    expect(await audit(host, 'home')).toEqual([]);
  });

  it('has no violations on the home page after a session was started', async () => {
    await host.locator('[data-testid="start-tess-wordt-18"]').click();
    code = (await host.locator('[data-testid="session-code"]').textContent())!.trim();
    expect(await audit(host, 'home, session started')).toEqual([]);
  });

  it('has no violations on any step of joining', async () => {
    tablet = await devices.open(TABLET, true);
    await tablet.goto(`${server.url}/join`);
    await tablet.locator('[data-testid="code-input"]').waitFor();
    const found = [...(await audit(tablet, 'join: code'))];
    await tablet.locator('[data-testid="code-input"]').fill(code.toLowerCase());
    await tablet.locator('[data-testid="code-submit"]').click();
    await tablet.locator('[data-testid="name-input"]').waitFor();
    found.push(...(await audit(tablet, 'join: name')));
    await tablet.locator('[data-testid="name-input"]').fill('Anouk');
    await tablet.locator('[data-testid="name-submit"]').click();
    await tablet.locator('[data-testid="role-mentor"]').waitFor();
    found.push(...(await audit(tablet, 'join: role')));
    await tablet.locator('[data-testid="role-mentor"]').click();
    await tablet.locator('[data-testid="role-card"]').waitFor();
    found.push(...(await audit(tablet, 'join: role card')));
    await tablet.locator('[data-testid="role-confirm"]').click();
    // In step 1 a seated tablet opens on the persona, not on the board.
    await tablet.locator('[data-testid="step-indicator"]').first().waitFor();
    expect(found).toEqual([]);
  });

  it('has no violations on the facilitator page, tab Tafel, and on the big screen', async () => {
    await host.locator('[data-testid="host-link"]').click();
    await host.locator('[data-testid="board"]').first().waitFor();
    screen = await devices.open(PROJECTOR);
    await screen.goto(`${server.url}/screen/${code}`);
    await screen.locator('[data-testid="board"]').first().waitFor();
    const second = await devices.open(TABLET, true);
    await joinAsPlayer(second, server.url, code, 'Ria', 'moeder');
    expect([...(await audit(host, 'host: Tafel')), ...(await audit(screen, 'screen: start'))]).toEqual([]);
  });

  it('has no violations while a poll is open and after its result is shown', async () => {
    await host.locator('[data-testid^="poll-open-"]').first().click();
    await tablet.locator('[data-testid="poll-card"]').waitFor();
    const found = [...(await audit(tablet, 'tablet: poll')), ...(await audit(screen, 'screen: poll'))];
    await tablet.locator('[data-testid="poll-option-0"]').tap();
    await host.locator('[data-testid="poll-count"]').filter({ hasText: '1' }).waitFor();
    await host.locator('[data-testid="poll-close"]').click();
    await host.locator('[data-testid="poll-reveal"]').click();
    await screen.locator('[data-testid="screen-poll-result"]').waitFor();
    await tablet.locator('[data-testid="poll-result"]').waitFor();
    found.push(...(await audit(screen, 'screen: poll result')), ...(await audit(tablet, 'tablet: poll result')), ...(await audit(host, 'host: poll result')));
    await host.locator('[data-testid="poll-dismiss"]').click();
    await screen.locator('[data-testid="screen-poll"]').waitFor({ state: 'detached' });
    expect(found).toEqual([]);
  });

  it('has no violations on each tablet tab', async () => {
    await host.locator('[data-testid="interview-next"]').click();
    await screen.locator('[data-testid="screen-interview"]').waitFor();
    const found = [...(await audit(screen, 'screen: interview'))];
    for (const tab of ['persona', 'role', 'board']) {
      const button = tablet.locator(`[data-testid="tablet-tab-${tab}"]`);
      if ((await button.count()) === 0) continue;
      await button.tap();
      found.push(...(await audit(tablet, `tablet: ${tab}`)));
    }
    expect(found).toEqual([]);
  });

  it('has no violations on the board with the situation, after an event, and with insights', async () => {
    await nextStep(host);
    await host.locator('[data-testid="situation-all"]').click();
    await tablet.locator('[data-testid="card-ots"]').first().waitFor();
    const found = [...(await audit(tablet, 'tablet: board with situation')), ...(await audit(host, 'host: situation'))];
    await nextStep(host);
    await host.locator('[data-testid="fire-tess-wordt-18"]').click();
    const confirm = host.locator('[data-testid="confirm-ok"]');
    if (await confirm.count()) await confirm.click();
    await screen.locator('[data-testid="card-ots"]').waitFor({ state: 'detached' });
    found.push(...(await audit(screen, 'screen: event')), ...(await audit(tablet, 'tablet: after event')), ...(await audit(host, 'host: after event')));
    await nextStep(host);
    await tablet.locator('[data-testid="step-indicator"][data-step="reflectie"]').first().waitFor();
    await tablet.locator('[data-testid="insight-text"]').fill('Begin op tijd met plannen voor na de achttiende.');
    await tablet.locator('[data-testid="insight-send"]').tap();
    await tablet.locator('[data-testid="my-insight"]').first().waitFor();
    found.push(...(await audit(tablet, 'tablet: insights')));
    await host.locator('[data-testid="insights-reveal-all"]').click();
    await screen.locator('[data-testid="screen-insights"]').waitFor();
    found.push(...(await audit(screen, 'screen: insights')), ...(await audit(host, 'host: insights')));
    expect(found).toEqual([]);
  });

  it('has no violations on the other facilitator tabs and the printable report', async () => {
    const found: string[] = [];
    for (const tab of ['overview', 'timeline', 'report']) {
      await host.locator(`[data-testid="host-tab-${tab}"]`).click();
      found.push(...(await audit(host, `host: ${tab}`)));
    }
    const [report] = await Promise.all([host.context().waitForEvent('page'), host.locator('[data-testid="report-print"]').click()]);
    await report.waitForLoadState();
    await report.locator('[data-testid="board"]').first().waitFor();
    found.push(...(await audit(report, 'printable report')));
    expect(found).toEqual([]);
  });

  it('has no violations on the trainer pages: list, preview and editor', async () => {
    const trainer = await devices.open(LAPTOP);
    await trainer.goto(`${server.url}/scenarios`);
    await trainer.locator('[data-testid="trainer-scenario-tess-wordt-18"]').waitFor();
    const found = [...(await audit(trainer, 'trainer: list'))];
    await trainer.goto(`${server.url}/scenarios/tess-wordt-18`);
    await trainer.locator('[data-testid="scenario-preview"]').waitFor();
    found.push(...(await audit(trainer, 'trainer: preview')));
    await trainer.goto(`${server.url}/scenarios/tess-wordt-18/edit`);
    await trainer.locator('[data-testid="check-panel"]').waitFor();
    found.push(...(await audit(trainer, 'trainer: editor')));
    expect(found).toEqual([]);
  });

  it('shows a focus ring on a wheel piece reached by keyboard, as thick as elsewhere', async () => {
    await tablet.locator('[data-testid="tablet-tab-board"]').tap();
    const card = tablet.locator('g[data-piece="card"][tabindex="0"]').first();
    await card.waitFor();
    await tablet.keyboard.press('Tab');
    await card.focus();
    const ring = await card.evaluate((el) => {
      const style = getComputedStyle(el.querySelector('.focus-ring')!);
      return { visibility: style.visibility, width: style.strokeWidth, scaling: style.getPropertyValue('vector-effect') };
    });
    expect(ring).toEqual({ visibility: 'visible', width: '3px', scaling: 'non-scaling-stroke' });
  });

  it('had no script errors on any page', () => {
    expect(devices.errors).toEqual([]);
  });
});
