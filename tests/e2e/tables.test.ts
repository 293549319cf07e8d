import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeSpotInRing, joinAsPlayer, LAPTOP, PROJECTOR, SHOTS, startBrowserSuite, stopBrowserSuite, TABLET, type Devices } from '../helpers/browser';
import { createSessionOver, type TestServer } from '../helpers/server';

/*
 * Samenspel XXL: one session, two tables with their own boards and seats, one facilitator who
 * watches both from the overview and leads one table on while the other keeps its step.
 */

let server: TestServer;
let devices: Devices;
let host: Page;
let screen: Page;
let session: Awaited<ReturnType<typeof createSessionOver>>;
const atTable: Record<'t1' | 't2', Page> = {} as Record<'t1' | 't2', Page>;

beforeAll(async () => {
  ({ server, devices } = await startBrowserSuite());
  session = await createSessionOver(server.url, 'tess-wordt-18', 2);
});

afterAll(() => stopBrowserSuite(server, devices));

describe('two tables in one session', () => {
  it('lets players choose a table after the code, and the same role is free at each table', async () => {
    host = await devices.open(LAPTOP);
    await host.goto(`${server.url}/host/${session.sessionId}#${session.hostToken}`);
    await host.locator('[data-testid="board"]').first().waitFor();
    for (const [tableId, name] of [
      ['t1', 'Anouk'],
      ['t2', 'Bram'],
    ] as const) {
      const page = await devices.open(TABLET, true);
      await joinAsPlayer(page, server.url, session.code, name, 'mentor', { tableId });
      await page.locator('[data-testid="tablet-tab-board"]').tap();
      await page.locator('[data-testid="board"]').waitFor();
      atTable[tableId] = page;
    }
    await host.locator('[data-role="mentor"][data-online="true"]').nth(1).waitFor();
  });

  it('shows every table live in the facilitator overview', async () => {
    await host.locator('[data-testid="host-tab-overview"]').click();
    const t1 = host.locator('[data-testid="overview-table-t1"]');
    const t2 = host.locator('[data-testid="overview-table-t2"]');
    await t1.locator('[data-testid="board"]').waitFor();
    await t2.locator('[data-testid="board"]').waitFor();

    // A card placed at table 2 appears in table 2's thumbnail only.
    const player = atTable.t2;
    const deckItem = player.locator('[data-testid^="deck-"]').first();
    const defId = (await deckItem.getAttribute('data-testid'))!.slice('deck-'.length);
    await deckItem.tap();
    const spot = (await freeSpotInRing(player, 2, 8)).client;
    await player.touchscreen.tap(spot.x, spot.y);
    await t2.locator(`[data-testid="card-${defId}"]`).waitFor();
    await expect(t1.locator(`[data-testid="card-${defId}"]`).count()).resolves.toBe(0);
    await host.screenshot({ path: join(SHOTS, 'tables-overview.png') });
  });

  it('moves one table to the next step while the other stays where it is', async () => {
    await host.locator('[data-testid="overview-view-t2"]').click();
    await host.locator('[data-testid="scope-table"]').click();
    await host.locator('[data-testid="step-next"]').click();
    await atTable.t2.locator('[data-testid="step-indicator"][data-step="situatie"]').waitFor();
    await atTable.t1.waitForTimeout(300);
    await expect(atTable.t1.locator('[data-testid="step-indicator"]').getAttribute('data-step')).resolves.toBe('kennismaken');
  });

  it('puts both tables side by side on the big screen', async () => {
    screen = await devices.open(PROJECTOR);
    await screen.goto(`${server.url}/screen/${session.code}`);
    await screen.locator('[data-testid="board"]').first().waitFor();
    await host.locator('[data-testid="host-tab-overview"]').click();
    await host.locator('[data-testid="overview-pair"]').click();
    await screen.locator('[data-testid="board"]').nth(1).waitFor();
    await screen.screenshot({ path: join(SHOTS, 'tables-screen-pair.png') });
  });

  it('had no script errors on any page', () => {
    expect(devices.errors).toEqual([]);
  });
});
