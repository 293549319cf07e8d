import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeSpotInRing, joinAsPlayer, LAPTOP, PROJECTOR, SHOTS, startBrowserSuite, stopBrowserSuite, TABLET, TABLET_PORTRAIT, type Devices } from '../helpers/browser';
import type { TestServer } from '../helpers/server';

/*
 * One workshop table in real Chromium: a facilitator on a laptop, three players on tablets
 * (one browser context each, so each has its own storage, like separate devices) and the
 * projector. The steps build on each other, as in a real session.
 */

let server: TestServer;
let devices: Devices;

interface Player {
  page: Page;
  name: string;
  roleId: string;
}

let host: Page;
let screen: Page;
let code: string;
const players: Player[] = [];

const newPage = (viewport: { width: number; height: number }, touch = false) => devices.open(viewport, touch);

/** Client pixels of a point in mat units on a page's board. */
async function clientPoint(page: Page, mat: { x: number; y: number }) {
  return page.evaluate(({ x, y }) => {
    const svg = document.querySelector<SVGSVGElement>('[data-testid="board"]')!;
    const p = new DOMPoint(x * 1000, y * 1000).matrixTransform(svg.getScreenCTM()!);
    return { x: p.x, y: p.y };
  }, mat);
}

async function tokenAt(page: Page, roleId: string) {
  const el = page.locator(`[data-testid="token-${roleId}"]`);
  return { x: Number(await el.getAttribute('data-x')), y: Number(await el.getAttribute('data-y')) };
}

beforeAll(async () => {
  ({ server, devices } = await startBrowserSuite());
});

afterAll(() => stopBrowserSuite(server, devices));

describe('a workshop table in the browser', () => {
  it('lets a facilitator start Tess on the home page and open the facilitator page', async () => {
    host = await newPage(LAPTOP);
    await host.goto(`${server.url}/`);
    const firstScenario = host.locator('[data-testid^="start-"]').first();
    await expect(firstScenario.getAttribute('data-testid')).resolves.toBe('start-tess-wordt-18');
    await firstScenario.click();
    code = (await host.locator('[data-testid="session-code"]').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await host.locator('[data-testid="host-link"]').click();
    await host.locator('[data-testid="board"]').waitFor();
    expect(new URL(host.url()).hash).toBe('');
    await expect(host.locator('[data-testid="step-indicator"]').getAttribute('data-step')).resolves.toBe('kennismaken');

    screen = await newPage(PROJECTOR);
    await screen.goto(`${server.url}/screen/${code}`);
    await screen.locator('[data-testid="board"]').waitFor();
  });

  it('seats three players on tablets, each in the role they chose', async () => {
    const wanted = [
      { name: 'Anouk', roleId: 'mentor', viewport: TABLET },
      { name: 'Ria', roleId: 'moeder', viewport: TABLET_PORTRAIT },
      { name: 'Sem', roleId: 'wijkteam', viewport: TABLET },
    ];
    for (const w of wanted) {
      const page = await newPage(w.viewport, true);
      await joinAsPlayer(page, server.url, code, w.name, w.roleId, {
        // Roles chosen by earlier players show as taken.
        beforeRole: async () => {
          for (const earlier of players) await expect(page.locator(`[data-testid="role-${earlier.roleId}"]`).isDisabled()).resolves.toBe(true);
        },
      });
      // While getting to know the persona the tablet opens on her; the board is one tap away.
      await page.locator('[data-testid="tablet-tab-board"]').tap();
      await page.locator('[data-testid="board"]').waitFor();
      await expect(page.locator(`[data-testid="token-${w.roleId}"]`).getAttribute('class')).resolves.toContain('is-own');
      players.push({ page, name: w.name, roleId: w.roleId });
    }
    for (const p of players) {
      await host.locator(`[data-role="${p.roleId}"][data-online="true"]`).waitFor();
    }
  });

  it('shows a token moving on other screens while its player is still dragging it', async () => {
    const [mover, watcher] = [players[0]!, players[1]!];
    const start = await tokenAt(watcher.page, mover.roleId);
    const from = await clientPoint(mover.page, start);
    const target = { x: 0.45, y: -0.25 };
    const to = await clientPoint(mover.page, target);

    await mover.page.mouse.move(from.x, from.y);
    await mover.page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await mover.page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
      await mover.page.waitForTimeout(40);
    }
    // The button is still down: only live drag frames can have moved it on the other tablet.
    await watcher.page.waitForFunction(
      ({ id, x, y }) => {
        const el = document.querySelector(`[data-testid="token-${id}"]`);
        return !!el && Math.hypot(Number(el.getAttribute('data-x')) - x, Number(el.getAttribute('data-y')) - y) > 0.3;
      },
      { id: mover.roleId, ...start },
      { timeout: 5000 },
    );
    const midway = await tokenAt(screen, mover.roleId);
    expect(Math.hypot(midway.x - start.x, midway.y - start.y)).toBeGreaterThan(0.3);
    await mover.page.mouse.up();

    for (const page of [watcher.page, host, screen]) {
      await page.waitForFunction(
        ({ id, x, y }) => {
          const el = document.querySelector(`[data-testid="token-${id}"]`);
          return !!el && Math.abs(Number(el.getAttribute('data-x')) - x) < 0.02 && Math.abs(Number(el.getAttribute('data-y')) - y) < 0.02;
        },
        { id: mover.roleId, ...target },
        { timeout: 5000 },
      );
    }
  });

  it('puts a card tapped from the deck on every screen in the ring it was tapped into', async () => {
    const placer = players[2]!;
    const deckItem = placer.page.locator('[data-testid^="deck-"]').first();
    const defId = (await deckItem.getAttribute('data-testid'))!.slice('deck-'.length);
    await deckItem.tap();
    await placer.page.locator('[data-testid="selection-panel"]').waitFor();
    const spot = await freeSpotInRing(placer.page, 2, 8);
    await placer.page.touchscreen.tap(spot.client.x, spot.client.y);

    const sectorId = await placer.page.evaluate((i) => {
      // The sector ids in order, as the wheel draws them.
      return Array.from(document.querySelectorAll('[id^="sector-label-"]')).map((el) => el.id.slice('sector-label-'.length))[i];
    }, spot.sector);
    for (const page of [...players.map((p) => p.page), host, screen]) {
      const card = page.locator(`[data-testid="card-${defId}"]`);
      await card.waitFor();
      await expect(card.getAttribute('data-ring')).resolves.toBe('gemeente');
      await expect(card.getAttribute('data-sector')).resolves.toBe(sectorId);
    }
    await expect(placer.page.locator(`[data-testid="deck-${defId}"]`).count()).resolves.toBe(0);
  });

  it('moves every screen to the next step when the facilitator advances', async () => {
    await host.locator('[data-testid="step-next"]').click();
    for (const page of [...players.map((p) => p.page), host, screen]) {
      await page.locator('[data-testid="step-indicator"][data-step="situatie"]').waitFor({ timeout: 5000 });
    }
  });

  it('gives a player who reloads the same seat back without typing anything', async () => {
    const player = players[0]!;
    const before = await tokenAt(host, player.roleId);
    await player.page.reload();
    await player.page.locator('[data-testid="board"]').waitFor();
    await expect(player.page.locator('[data-testid="name-input"]').count()).resolves.toBe(0);
    await expect(player.page.locator(`[data-testid="token-${player.roleId}"]`).getAttribute('class')).resolves.toContain('is-own');
    const after = await tokenAt(player.page, player.roleId);
    expect(after).toEqual(before);
    await host.locator(`[data-role="${player.roleId}"][data-online="true"]`).waitFor();
  });

  it('runs a shared timer that every screen shows, and a calm moment that freezes the tablets', async () => {
    await host.locator('[data-testid="timer-length"]').selectOption('5');
    await host.locator('[data-testid="timer-start"]').click();
    for (const page of [players[0]!.page, screen]) {
      const timer = page.locator('[data-testid="timer"][data-state="running"]');
      await timer.waitFor({ timeout: 5000 });
      await expect(timer.textContent()).resolves.toMatch(/^[45]:\d\d/);
    }
    await host.locator('[data-testid="timer-extend"]').click();
    await host.locator('[data-testid="timer-pause"]').click();
    await players[0]!.page.locator('[data-testid="timer"][data-state="paused"]').waitFor({ timeout: 5000 });
    await expect(players[0]!.page.locator('[data-testid="timer"]').textContent()).resolves.toMatch(/^[56]:\d\d/);

    await host.locator('[data-testid="lock-toggle"]').click();
    await players[1]!.page.locator('[data-testid="lock-banner"]').waitFor({ timeout: 5000 });
    await screen.locator('[data-testid="screen-calm"]').waitFor({ timeout: 5000 });
    await players[0]!.page.screenshot({ path: join(SHOTS, 'player-calm.png') });
    await screen.screenshot({ path: join(SHOTS, 'screen-calm.png') });
    await host.locator('[data-testid="lock-toggle"]').click();
    await players[1]!.page.locator('[data-testid="lock-banner"]').waitFor({ state: 'detached', timeout: 5000 });
  });

  it('saves screenshots of the player, facilitator and big-screen pages', async () => {
    await players[0]!.page.screenshot({ path: join(SHOTS, 'player-tablet.png') });
    await players[1]!.page.screenshot({ path: join(SHOTS, 'player-tablet-portrait.png') });
    await host.screenshot({ path: join(SHOTS, 'host.png') });
    await screen.screenshot({ path: join(SHOTS, 'screen.png') });
    expect(devices.errors).toEqual([]);
  });
});
