import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import type { ActionAck } from '@samenspel/game-core';
import type { TestServer } from '../helpers/server';
import { createSessionOver } from '../helpers/server';
import { actionRequest, joinAsPlayer as joinOverSocket, request, type TestSocket } from '../helpers/socket';
import { cardShown, joinAsPlayer, LAPTOP, PROJECTOR, SHOTS, startBrowserSuite, stopBrowserSuite, TABLET, type Devices } from '../helpers/browser';
import type { SeatClaimAck } from '@samenspel/game-core';

/*
 * The facilitator erases a real name that slipped onto a card: a button in the card's panel,
 * a question first, and then the words are gone from every screen.
 */

let server: TestServer;
let devices: Devices;
let writer: TestSocket;

beforeAll(async () => {
  ({ server, devices } = await startBrowserSuite());
});
afterAll(async () => {
  writer?.disconnect();
  await stopBrowserSuite(server, devices);
});

const LABEL = 'Buurvrouw mevrouw Jansen';

describe('erasing the words on a card', () => {
  it('lets the facilitator erase a blank card’s words after asking, on every screen', async () => {
    const session = await createSessionOver(server.url, 'tess-wordt-18');
    const host: Page = await devices.open(LAPTOP);
    await host.goto(`${server.url}/host/${session.sessionId}#${session.hostToken}`);
    await host.locator('[data-testid="board"]').first().waitFor();
    const tablet = await devices.open(TABLET, true);
    await joinAsPlayer(tablet, server.url, session.code, 'Anouk', 'vader');
    await tablet.locator('[data-testid="tablet-tab-board"]').tap();
    const screen = await devices.open(PROJECTOR);
    await screen.goto(`${server.url}/screen/${session.code}`);

    const p = await joinOverSocket(server.url, session.code);
    writer = p.socket;
    const claim = await request<SeatClaimAck>(writer, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'moeder', name: 'Ria' }, p.replica.version));
    if (!claim.ok) throw new Error(claim.message);
    const placed = await request<ActionAck>(writer, 'card:place', actionRequest<'card:place'>({ tableId: 't1', label: LABEL, x: 0.3, y: 0.3 }, claim.version));
    if (!placed.ok) throw new Error(placed.message);
    const cardId = `blank-${placed.version}`;
    for (const page of [host, tablet, screen]) await cardShown(page, cardId);

    await host.locator(`[data-testid="card-${cardId}"]`).first().click();
    const button = host.locator('[data-testid="selection-redact"]');
    await button.waitFor();
    await host.screenshot({ path: join(SHOTS, 'redact-before.png') });
    await button.click();
    const dialog = host.locator('[data-testid="confirm-dialog"][open]');
    await dialog.waitFor();
    const asked = (await dialog.textContent()) ?? '';
    await host.screenshot({ path: join(SHOTS, 'redact-confirm.png') });
    await host.locator('[data-testid="confirm-ok"]').click();
    for (const page of [host, tablet, screen]) {
      await page.locator(`[data-testid="card-${cardId}"]`).first().waitFor();
      await expect.poll(() => page.locator(`[data-testid="card-${cardId}"]`).first().textContent()).not.toContain('Jansen');
    }
    expect(asked).toContain(LABEL);
    await expect(button.count()).resolves.toBe(0);
    await host.screenshot({ path: join(SHOTS, 'redact-after.png') });
    expect(devices.errors).toEqual([]);
  });
});
