import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellPoint, type ActionAck, type ActionPayloads, type ActionType, type SeatClaimAck } from '@samenspel/game-core';
import { SHOTS, startBrowserSuite, stopBrowserSuite, type Devices } from '../helpers/browser';
import { createSessionOver, type TestServer } from '../helpers/server';
import { actionRequest, attachHost, joinAsPlayer, request, type TestSocket } from '../helpers/socket';

/*
 * The printable report on a page as wide as A4 at 150 dpi (1240 px): a label of 80 letters
 * without a space wraps inside its cell instead of widening the page.
 */

let server: TestServer;
let devices: Devices;
const sockets: TestSocket[] = [];
const LONG_LABEL = 'Participatiewetconsulentenondersteuningsvoorzieningaanvraagbehandelingsprocedure';

beforeAll(async () => {
  ({ server, devices } = await startBrowserSuite());
});
afterAll(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await stopBrowserSuite(server, devices);
});

describe('printable report', () => {
  it('wraps an 80-letter label inside the page and lists connections per board', async () => {
    expect(LONG_LABEL).toHaveLength(80);
    const session = await createSessionOver(server.url, 'tess-wordt-18');
    const host = await attachHost(server.url, session.sessionId, session.hostToken);
    const player = await joinAsPlayer(server.url, session.code);
    sockets.push(host.socket, player.socket);
    let version = host.replica.version;
    const send = async <K extends ActionType>(socket: TestSocket, type: K, payload: ActionPayloads[K]) => {
      const ack = await request<ActionAck>(socket, type, actionRequest<K>(payload, version));
      if (!ack.ok) throw new Error(`${type}: ${ack.code} ${ack.message}`);
      version = ack.version;
    };
    const claim = await request<SeatClaimAck>(player.socket, 'seat:claim', actionRequest<'seat:claim'>({ tableId: 't1', roleId: 'mentor', name: 'Anouk' }, version));
    if (!claim.ok) throw new Error(claim.message);
    version = claim.version;
    await send(host.socket, 'situation:reveal', { all: true });
    await send(host.socket, 'step:set', { step: 'spelen', force: true });
    await send(player.socket, 'card:place', { tableId: 't1', label: LONG_LABEL, ...cellPoint(2, 1, 8, 1, 3) });
    await send(player.socket, 'link:add', { tableId: 't1', from: 'fasehuis', to: 'mentorgesprek' });
    await send(host.socket, 'event:fire', { eventId: 'tess-wordt-18' });
    await host.replica.waitForVersion(version);

    const page = await devices.open({ width: 1240, height: 1754 });
    await page.goto(server.url);
    await page.evaluate(([key, token]) => localStorage.setItem(key!, token!), [`samenspel.host.${session.sessionId}`, session.hostToken]);
    await page.goto(`${server.url}/host/${session.sessionId}/report`);
    await page.locator('[data-testid="report"]').waitFor();
    await page.locator('.report-cards').getByText(LONG_LABEL.slice(0, 20), { exact: false }).first().waitFor();

    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      table: document.querySelector('.report-cards')!.getBoundingClientRect().width,
      report: document.querySelector('[data-testid="report"]')!.getBoundingClientRect().width,
    }));
    expect(widths.page).toBeLessThanOrEqual(1240);
    expect(widths.table).toBeLessThanOrEqual(widths.report);
    // The line to the fasehuis ended with the event; the board before it still lists it.
    await page.locator('.report-links').getByText('Woont in een fasehuis', { exact: false }).first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, 'report-long-label.png'), fullPage: true });
    await page.locator('.report-cards').screenshot({ path: join(SHOTS, 'report-long-label-table.png') });
  });
});
