import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionAck, ActionPayloads, ActionType } from '@samenspel/game-core';
import { joinAsPlayer, LAPTOP, PROJECTOR, SHOTS, startBrowserSuite, stopBrowserSuite, TABLET, type Devices } from '../helpers/browser';
import { createSessionOver, type TestServer } from '../helpers/server';
import { actionRequest, attachHost, request, type TestSocket } from '../helpers/socket';

/*
 * What life does to Henk, seen in Chromium: a broken hip pauses his own cards on the tablet
 * and the projector, the facilitator puts a card on hold by hand, and the Wlz changes the
 * case manager's funding, which her tablet's "Mijn rol" shows old against new.
 */

let server: TestServer;
let devices: Devices;
let tablet: Page;
let screen: Page;
let hostPage: Page;
let session: Awaited<ReturnType<typeof createSessionOver>>;
let host: Awaited<ReturnType<typeof attachHost>>;

async function send<K extends ActionType>(socket: TestSocket, type: K, payload: ActionPayloads[K]) {
  const ack = await request<ActionAck>(socket, type, actionRequest<K>(payload, host.replica.version));
  if (!ack.ok) throw new Error(`${type}: ${ack.code} ${ack.message}`);
  await host.replica.waitForVersion(ack.version);
}

/** Opens the latest event's dialog on the tablet, as a player reads what changed. */
async function openEventDialog() {
  await tablet.locator('[data-testid="event-read-more"]').tap();
  const dialog = tablet.locator('dialog[open][data-testid="event-dialog"]');
  await dialog.waitFor();
  return dialog;
}

async function closeEventDialog() {
  await tablet.locator('[data-testid="event-dialog-close"]').tap();
  await tablet.locator('dialog[open][data-testid="event-dialog"]').waitFor({ state: 'detached' });
}

const paused = (page: Page, cardId: string) => page.locator(`[data-testid="card-${cardId}"][data-paused="true"]`).first();

beforeAll(async () => {
  ({ server, devices } = await startBrowserSuite());
  session = await createSessionOver(server.url, 'henk-blijft-thuis');
  host = await attachHost(server.url, session.sessionId, session.hostToken);
  tablet = await devices.open(TABLET, true);
  await joinAsPlayer(tablet, server.url, session.code, 'Mira', 'casemanager');
  await host.replica.waitForVersion(1);
  screen = await devices.open(PROJECTOR);
  await screen.goto(`${server.url}/screen/${session.code}`);
  await screen.locator('[data-testid="board"]').waitFor();
  await send(host.socket, 'situation:reveal', { all: true });
  await send(host.socket, 'step:set', { step: 'spelen', force: true });
});

afterAll(async () => {
  host?.socket.disconnect();
  await stopBrowserSuite(server, devices);
});

describe('life events in the browser', () => {
  it('shows the cards a broken hip pauses as on hold, on the tablet and on the big screen', async () => {
    await send(host.socket, 'event:fire', { eventId: 'heup-gebroken' });
    for (const page of [tablet, screen]) {
      for (const id of ['naar-de-bakker', 'zelf-koken', 'moestuin', 'dagbesteding']) await paused(page, id).waitFor();
      await expect(paused(page, 'zelf-koken').getAttribute('aria-label')).resolves.toContain('Staat even stil.');
      await expect(page.locator('[data-testid="card-koffie-kees"]').first().getAttribute('data-paused')).resolves.toBeNull();
    }
    await tablet.screenshot({ path: join(SHOTS, 'life-paused-tablet.png') });
    await screen.screenshot({ path: join(SHOTS, 'life-paused-screen.png') });
  });

  it('says in the tablet\'s event dialog which cards now stand still, each with its reason', async () => {
    const dialog = await openEventDialog();
    const list = dialog.locator('[data-testid="changes-paused"]');
    for (const id of ['naar-de-bakker', 'zelf-koken', 'moestuin', 'dagbesteding']) await list.locator(`[data-card="${id}"]`).waitFor();
    await expect(list.locator('[data-card="zelf-koken"] .event-change-reason').count()).resolves.toBe(1);
    await tablet.screenshot({ path: join(SHOTS, 'life-paused-dialog.png') });
    await closeEventDialog();
  });

  it('lets the facilitator put a card on hold and bring it back from the card itself', async () => {
    hostPage = await devices.open(LAPTOP);
    await hostPage.goto(`${server.url}/host/${session.sessionId}#${session.hostToken}`);
    await hostPage.locator('[data-testid="card-keukenbord"]').first().click();
    await hostPage.locator('[data-testid="selection-pause"]').click();
    await paused(tablet, 'keukenbord').waitFor();
    await expect(hostPage.locator('[data-testid="selection-paused"]').textContent()).resolves.toContain('door de spelleider stilgezet');
    await hostPage.screenshot({ path: join(SHOTS, 'life-pause-host.png') });
    await hostPage.locator('[data-testid="selection-pause"]').click();
    await tablet.locator('[data-testid="card-keukenbord"]:not([data-paused])').first().waitFor();
  });

  it('brings paused cards back when Henk comes home, and leaves the one that stays on hold', async () => {
    await send(host.socket, 'event:fire', { eventId: 'weer-thuis' });
    await screen.locator('[data-testid="card-zelf-koken"]:not([data-paused])').first().waitFor();
    await paused(screen, 'naar-de-bakker').waitFor();
    const dialog = await openEventDialog();
    await dialog.locator('[data-testid="changes-resumed"] [data-card="zelf-koken"]').waitFor();
    await expect(dialog.locator('[data-testid="changes-resumed"] [data-card="naar-de-bakker"]').count()).resolves.toBe(0);
    await closeEventDialog();
  });

  it('shows the case manager her new funding and mandate in Mijn rol, with the old text struck through', async () => {
    await send(host.socket, 'event:fire', { eventId: 'naar-de-wlz' });
    await tablet.locator('[data-testid="tablet-tab-role"]').tap();
    const mandate = tablet.locator('[data-testid="role-changed-mandate"]');
    await mandate.waitFor();
    await expect(mandate.locator('ins').textContent()).resolves.toContain('Blijft Henk en Ingrid begeleiden');
    await expect(mandate.locator('del').textContent()).resolves.toContain('coördineert de zorg rond Henk');
    await expect(mandate.textContent()).resolves.toContain('Veranderd door “Een indicatie voor de Wlz”');
    await expect(tablet.locator('[data-testid="role-changed-law"] ins').textContent()).resolves.toBe('Wet langdurige zorg (via het zorgkantoor)');
    // A part the event left alone is not marked.
    await expect(tablet.locator('[data-testid="role-changed-organisation"]').count()).resolves.toBe(0);
    await tablet.screenshot({ path: join(SHOTS, 'life-role-changed-tablet.png'), fullPage: true });
  });
});
