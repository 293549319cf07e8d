import { SUPPORT_TYPES, cellPoint, locate, type SessionState } from '@samenspel/game-core';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAsPlayer, PROJECTOR, startBrowserSuite, stopBrowserSuite, TABLET, type Devices } from '../helpers/browser';
import { createSessionOver, type TestServer } from '../helpers/server';
import type { ActionPayloads, ActionType } from '@samenspel/game-core';
import { actionRequest, attachHost, request } from '../helpers/socket';

/*
 * The board as a room reads it and a finger plays it: Tess with forty cards on the wheel, on
 * the projector (1920×1080) and on tablets, checked from the DOM; and real touch drags (CDP
 * touch events in a hasTouch context) of a token, a card and a deck card, seen elsewhere.
 */

const SHOTS = process.env.BOARD_SHOTS ?? '/tmp/board';
const PORTRAIT = { width: 800, height: 1280 };

let server: TestServer;
let devices: Devices;
let host: Awaited<ReturnType<typeof attachHost>>;
let code: string;
let screen: Page;
let tablet: Page;
let portrait: Page;

beforeAll(async () => {
  ({ server, devices } = await startBrowserSuite());
  const session = await createSessionOver(server.url, 'tess-wordt-18');
  code = session.code;
  host = await attachHost(server.url, session.sessionId, session.hostToken);
}, 60_000);

afterAll(async () => {
  host?.socket.disconnect();
  await stopBrowserSuite(server, devices);
});

const state = (): SessionState => host.replica.state!;

/** Sends one action as the facilitator and waits until the host's replica has it. */
async function act<K extends ActionType>(type: K, payload: ActionPayloads[K]) {
  const ack = await request<{ ok: boolean; version?: number; code?: string }>(host.socket, type, actionRequest<K>(payload, host.replica.version));
  if (!ack.ok) throw new Error(`${type} refused: ${ack.code}`);
  for (let i = 0; i < 100 && host.replica.version < (ack.version ?? 0); i++) await new Promise((r) => setTimeout(r, 20));
}

/** Fills Tess's wheel as a table does in an hour: the situation, then deck cards where the scenario puts them, to forty. */
async function fillBoard(target: number) {
  const scenario = state().scenario;
  const sectors = scenario.board.sectors.map((s) => s.id);
  const deck = [...state().tables.t1!.deck];
  for (const defId of deck) {
    if (Object.keys(state().tables.t1!.cards).length >= target) break;
    const def = scenario.cards.find((c) => c.id === defId)!;
    const at = cellPoint(SUPPORT_TYPES.indexOf(def.supportType), sectors.indexOf(def.sector), sectors.length);
    await act('card:place', { tableId: 't1', defId, x: at.x, y: at.y });
  }
  // The deck runs out before forty: players write their own cards too.
  const own = ['Buurvrouw kookt mee', 'Oom helpt met verhuizen', 'Zumba met vriendinnen', 'Huiswerkklas', 'Budgetcursus', 'Oma belt elke zondag', 'Vakbond', 'Stichting Leergeld', 'Jongerenwerker', 'Sportcoach', 'Buddy', 'Kerkgemeenschap'];
  for (let i = 0; Object.keys(state().tables.t1!.cards).length < target; i++) {
    const at = cellPoint(i % 4, (i * 3) % sectors.length, sectors.length);
    await act('card:place', { tableId: 't1', label: own[i % own.length]!, x: at.x, y: at.y });
  }
}

interface Piece {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  rotate: number;
  ring: number;
  sector: number;
  font: number;
  px: number;
  textW: number;
}

/** Every card and stack badge as drawn, from the DOM: its box in mat units and its label's size in screen pixels. */
async function piecesOn(page: Page): Promise<{ pieces: Piece[]; rings: number[][]; stacked: number }> {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('svg[data-testid="board"]')!;
    const rings = svg.dataset.rings!.split(';').map((edges) => edges.split(' ').map(Number));
    const scale = svg.getScreenCTM()!.a;
    const pieces = [...svg.querySelectorAll<SVGGElement>('[data-layout-ring]')].map((el) => {
      const text = el.querySelector('.card-text, .stack-count');
      return {
        id: el.dataset.testid ?? el.closest('[data-testid]')!.getAttribute('data-testid')!,
        x: Number(el.dataset.cx),
        y: Number(el.dataset.cy),
        w: Number(el.dataset.w),
        h: Number(el.dataset.h),
        rotate: Number(el.dataset.rotate),
        ring: Number(el.dataset.layoutRing),
        sector: Number(el.dataset.layoutSector),
        font: Number(el.dataset.font ?? 0),
        px: text ? Number(text.getAttribute('font-size')) * scale : 0,
        // The label as the browser set it, in the card's own (unturned) units: it must fit the card.
        textW: text instanceof SVGGraphicsElement ? text.getBBox().width / 1000 : 0,
      };
    });
    const stacked = [...svg.querySelectorAll<SVGGElement>('[data-count]')].reduce((n, el) => n + Number(el.dataset.count), 0);
    return { pieces, rings, stacked };
  });
}

type P = { x: number; y: number };
function corners(b: Piece): P[] {
  const t = (b.rotate * Math.PI) / 180;
  const [c, s] = [Math.cos(t), Math.sin(t)];
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([dx, dy]) => ({ x: b.x + ((dx! * b.w) / 2) * c - ((dy! * b.h) / 2) * s, y: b.y + ((dx! * b.w) / 2) * s + ((dy! * b.h) / 2) * c }));
}
function overlap(a: P[], b: P[]): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < 4; i++) {
      const p = poly[i]!;
      const q = poly[(i + 1) % 4]!;
      const n = { x: q.y - p.y, y: p.x - q.x };
      const pa = a.map((v) => v.x * n.x + v.y * n.y);
      const pb = b.map((v) => v.x * n.x + v.y * n.y);
      if (Math.max(...pa) <= Math.min(...pb) + 1e-9 || Math.max(...pb) <= Math.min(...pa) + 1e-9) return false;
    }
  }
  return true;
}
function nearest(quad: P[]): number {
  let best = Infinity;
  for (let i = 0; i < 4; i++) {
    const p = quad[i]!;
    const q = quad[(i + 1) % 4]!;
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const t = Math.max(0, Math.min(1, -(p.x * dx + p.y * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(p.x + t * dx, p.y + t * dy));
  }
  return best;
}

/** The checks a reader makes of a full board: nothing on anything, everything inside its ring, all counted. */
async function expectReadableBoard(page: Page, cards: number) {
  // Cards that went into a stack fade out first; wait until the board has settled.
  await expect
    .poll(async () => {
      const now = await piecesOn(page);
      return now.pieces.filter((p) => p.id.startsWith('card-')).length + now.stacked;
    }, { timeout: 10_000 })
    .toBe(cards);
  const { pieces, rings, stacked } = await piecesOn(page);
  const drawn = pieces.filter((p) => p.id.startsWith('card-'));
  for (const p of pieces) {
    const quad = corners(p);
    const edges = rings[p.sector]!;
    expect(nearest(quad), `${p.id} inside its ring`).toBeGreaterThanOrEqual(edges[p.ring]! - 1e-3);
    for (const c of quad) expect(Math.hypot(c.x, c.y), `${p.id} inside its ring`).toBeLessThanOrEqual(edges[p.ring + 1]! + 1e-3);
  }
  for (let i = 0; i < pieces.length; i++)
    for (let j = i + 1; j < pieces.length; j++) expect(overlap(corners(pieces[i]!), corners(pieces[j]!)), `${pieces[i]!.id} on ${pieces[j]!.id}`).toBe(false);
  // game-core measures labels in the card font letter by letter; the browser's lines must agree.
  for (const p of drawn) expect(p.textW, `${p.id}'s label inside its card`).toBeLessThanOrEqual(p.w);
  return { drawn, stacked, minPx: Math.min(...drawn.map((p) => p.px)) };
}

/** A finger on the screen: CDP touch events from `from` to `to` in small steps, as a hand moves. */
async function fingerDrag(page: Page, from: P, to: P, path: P[] = []) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const points = [from, ...path, to];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y, id: 1 }] });
  for (let leg = 1; leg < points.length; leg++) {
    const a = points[leg - 1]!;
    const b = points[leg]!;
    for (let i = 1; i <= 12; i++) {
      const p = { x: a.x + ((b.x - a.x) * i) / 12, y: a.y + ((b.y - a.y) * i) / 12 };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: p.x, y: p.y, id: 1 }] });
    }
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Screen pixels of a point of the drawing (mat units). */
async function screenPoint(page: Page, mat: P): Promise<P> {
  return page.evaluate(({ x, y }) => {
    const svg = document.querySelector<SVGSVGElement>('svg[data-testid="board"]')!;
    const p = new DOMPoint(x * 1000, y * 1000).matrixTransform(svg.getScreenCTM()!);
    return { x: p.x, y: p.y };
  }, mat);
}

/** The middle of a cell in the drawing (its rings as this page draws them). */
async function cellMiddle(page: Page, ring: number, sector: number, sectorCount: number): Promise<P> {
  const rings = (await page.locator('svg[data-testid="board"]').getAttribute('data-rings'))!.split(';')[sector]!.split(' ').map(Number);
  const r = (rings[ring]! + rings[ring + 1]!) / 2;
  const a = ((Math.PI * 2) / sectorCount) * (sector + 0.5);
  return { x: Math.sin(a) * r, y: -Math.cos(a) * r };
}

async function centreOf(page: Page, testId: string): Promise<P> {
  const box = (await page.locator(`[data-testid="${testId}"] .card-body, [data-testid="${testId}"] .token-body`).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const SECTORS = 8;

describe('a board played by finger', () => {
  it('moves a token with a finger drag, and the other tablet and the projector see it', async () => {
    await act('step:set', { step: 'situatie' });
    await act('situation:reveal', { all: true });
    await act('step:set', { step: 'spelen', force: true });
    tablet = await devices.open(TABLET, true);
    await joinAsPlayer(tablet, server.url, code, 'Anouk', 'mentor');
    portrait = await devices.open(PORTRAIT, true);
    await joinAsPlayer(portrait, server.url, code, 'Ria', 'moeder');
    screen = await devices.open(PROJECTOR);
    await screen.goto(`${server.url}/screen/${code}`);
    for (const page of [tablet, portrait, screen]) await page.locator('[data-testid="token-mentor"]').waitFor();

    const target = { x: 1.12, y: 0.2 };
    await fingerDrag(tablet, await centreOf(tablet, 'token-mentor'), await screenPoint(tablet, target));
    for (const page of [portrait, screen]) {
      await expect
        .poll(async () => Number(await page.locator('[data-testid="token-mentor"]').getAttribute('data-x')), { timeout: 8000 })
        .toBeCloseTo(target.x, 1);
    }
    expect(Number(await screen.locator('[data-testid="token-mentor"]').getAttribute('data-y'))).toBeCloseTo(target.y, 1);
  }, 120_000);

  it('moves a card on the wheel into another ring with a finger, and everyone sees it there', async () => {
    const testId = (await tablet.locator('[data-testid^="card-"][data-layout-ring]').first().getAttribute('data-testid'))!;
    const card = { id: testId.slice('card-'.length) };
    const cell = await tablet.locator(`[data-testid="card-${card.id}"]`).getAttribute('data-ring');
    const ringTo = cell === 'landelijk' ? 2 : 3;
    const mid = await cellMiddle(tablet, ringTo, 1, SECTORS);
    await fingerDrag(tablet, await centreOf(tablet, `card-${card.id}`), await screenPoint(tablet, mid));
    for (const page of [portrait, screen]) {
      await expect.poll(() => page.locator(`[data-testid="card-${card.id}"]`).getAttribute('data-ring'), { timeout: 8000 }).toBe(SUPPORT_TYPES[ringTo]);
      await expect(page.locator(`[data-testid="card-${card.id}"]`).getAttribute('data-sector')).resolves.toBe(state().scenario.board.sectors[1]!.id);
    }
  }, 120_000);

  it('carries a deck card from the list onto the wheel with a finger, and everyone sees it', async () => {
    const defId = state().tables.t1!.deck[0]!;
    const button = tablet.locator(`[data-testid="deck-${defId}"]`);
    await button.scrollIntoViewIfNeeded();
    const box = (await button.boundingBox())!;
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const mid = await cellMiddle(tablet, 1, 5, SECTORS);
    // Sideways first, as a hand takes a card out of the list towards the board.
    await fingerDrag(tablet, from, await screenPoint(tablet, mid), [{ x: from.x - 60, y: from.y }]);
    await expect.poll(() => state().tables.t1!.cards[defId] !== undefined, { timeout: 8000 }).toBe(true);
    const placed = locate(state().tables.t1!.cards[defId]!, SECTORS);
    expect(placed.kind === 'ring' && [placed.supportType, placed.sector]).toEqual(['informeel', 5]);
    // Every screen shows it: on the wheel, or counted in its cell's stack when that is full.
    for (const page of [tablet, portrait, screen]) await page.locator(`[data-testid="card-${defId}"], [data-ids~="${defId}"]`).first().waitFor({ timeout: 8000 });
  }, 120_000);

  it('opens the chosen card\'s panel in view, also when the deck list was scrolled down', async () => {
    const side = tablet.locator('.side-panel');
    await side.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const testId = (await tablet.locator('[data-testid^="card-"][data-layout-ring]').first().getAttribute('data-testid'))!;
    await tablet.locator(`[data-testid="${testId}"]`).tap();
    const panel = tablet.locator('[data-testid="selection-panel"]');
    await panel.waitFor();
    const box = (await panel.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(TABLET.height + 1);
    await expect(tablet.locator('[data-testid="selection-cancel"]').isVisible()).resolves.toBe(true);
    await tablet.screenshot({ path: `${SHOTS}/tablet-selection.png` });
    await tablet.locator('[data-testid="selection-cancel"]').tap();
  }, 60_000);

  it('still scrolls the deck list with a vertical finger swipe', async () => {
    const list = tablet.locator('.side-panel');
    await list.evaluate((el) => el.scrollTo(0, 0));
    const before = await list.evaluate((el) => el.scrollTop);
    const box = (await tablet.locator('.deck-list').boundingBox())!;
    const canScroll = await list.evaluate((el) => el.scrollHeight > el.clientHeight + 20);
    if (!canScroll) return;
    const from = { x: box.x + box.width / 2, y: Math.min(box.y + box.height - 10, 700) };
    await fingerDrag(tablet, from, { x: from.x, y: from.y - 250 });
    await expect.poll(() => list.evaluate((el) => el.scrollTop), { timeout: 4000 }).toBeGreaterThan(before);
  }, 60_000);
});

describe('a full board, read on every screen', () => {
  it('shows all forty cards on the projector, none in a stack, none on another, each inside its ring, in letters the room can read', async () => {
    await fillBoard(40);
    const cards = Object.values(state().tables.t1!.cards).filter((c) => !c.staged).length;
    await expect.poll(async () => (await piecesOn(screen)).pieces.length, { timeout: 10_000 }).toBeGreaterThan(10);
    const { drawn, stacked, minPx } = await expectReadableBoard(screen, cards);
    console.log(`projector: ${drawn.length} cards drawn, ${stacked} in stacks, smallest label ${minPx.toFixed(1)} px, rings ${await screen.locator('svg[data-testid="board"]').getAttribute('data-rings')}`);
    await screen.screenshot({ path: `${SHOTS}/screen-1920x1080.png` });
    expect(stacked).toBe(0);
    expect(drawn).toHaveLength(40);
    expect(minPx).toBeGreaterThanOrEqual(16);
  }, 120_000);

  it('shows every one of the forty cards on a 1024×768 tablet in letters of at least 12 px, and on a portrait tablet', async () => {
    const cards = Object.values(state().tables.t1!.cards).filter((c) => !c.staged).length;
    const { drawn, stacked, minPx } = await expectReadableBoard(tablet, cards);
    console.log(`tablet: ${drawn.length} cards drawn, ${stacked} in stacks, smallest label ${minPx.toFixed(1)} px`);
    await tablet.screenshot({ path: `${SHOTS}/tablet-1024x768.png` });
    expect(stacked).toBe(0);
    expect(drawn).toHaveLength(40);
    expect(minPx).toBeGreaterThanOrEqual(12);
    const upright = await expectReadableBoard(portrait, cards);
    console.log(`portrait: ${upright.drawn.length} cards drawn, ${upright.stacked} in stacks, smallest label ${upright.minPx.toFixed(1)} px`);
    await portrait.screenshot({ path: `${SHOTS}/portrait-800x1280.png` });
    expect(upright.stacked).toBe(0);
    expect(upright.minPx).toBeGreaterThanOrEqual(12);
  }, 120_000);
});
