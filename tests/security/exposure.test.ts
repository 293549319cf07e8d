import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { hostOf, listen, newSession, PROTOCOL, screenOf, tabletOf, versionsHeard, type Listener } from './viewWire';

/*
 * Hole 3: each viewer receives only what it may see. Observers attach as another seat at the
 * same table, a seat at another table, the big screen, a guest who stays a guest and a guest
 * who comes late and asks for everything since version 0. Every message each of them receives
 * is searched for what only the facilitator and the player concerned may know.
 */

const NAME = 'Zwaantje Oudebrug';
const LABEL = 'Buurman Kareltje Pronk kookt';
const NOTE = 'woont Lindelaan 17';
const INSIGHT = 'Mevrouw Vliegenthart belde';

let server: TestServer;
const open: Listener[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) l.close();
  await server.stop();
  server.cleanup();
});

async function workshop() {
  server = await startServer({ limits: { actionsPerSecond: 1000, eventsPerSecond: 1000 } });
  const session = await newSession(server.url, 2);
  const host = await hostOf(server.url, session);
  const screen = await screenOf(server.url, session.code);
  const guest = (await tabletOf(server.url, session.code)).tablet;
  const same = await tabletOf(server.url, session.code, { tableId: 't1', roleId: 'mentor', name: 'Gert' });
  const other = await tabletOf(server.url, session.code, { tableId: 't2', roleId: 'moeder', name: 'Fenna' });
  const secret = await tabletOf(server.url, session.code, { tableId: 't1', roleId: 'klantmanager', name: NAME });
  open.push(host, screen, guest, same.tablet, other.tablet, secret.tablet);
  const ok = async (l: Listener, type: string, payload: unknown) => {
    const ack = await l.act<{ ok: boolean; code?: string }>(type, payload);
    expect(ack, type).toMatchObject({ ok: true });
  };
  await ok(host, 'situation:reveal', { all: true });
  await ok(host, 'step:set', { step: 'spelen', force: true });
  await ok(host, 'privacy:set', { private: true, tableIds: ['t1'] });
  await ok(secret.tablet, 'card:place', { tableId: 't1', label: LABEL, x: 0.2, y: -0.6 });
  const placed = secret.tablet.heard.at(-1)!;
  const cardId = /"version":(\d+)/.exec(placed)![1];
  await ok(secret.tablet, 'card:note', { tableId: 't1', cardId: `blank-${cardId}`, note: NOTE });
  await ok(secret.tablet, 'card:place', { tableId: 't1', defId: 'bijstand', x: -0.2, y: -0.6 });
  await ok(secret.tablet, 'card:move', { tableId: 't1', cardId: 'bijstand', x: -0.25, y: -0.6, rev: 0 });
  await ok(host, 'poll:open', { pollId: 'werkveld' });
  await ok(secret.tablet, 'poll:answer', { pollId: 'werkveld', option: 1 });
  await ok(same.tablet, 'poll:answer', { pollId: 'werkveld', option: 0 });
  await ok(host, 'poll:close', { pollId: 'werkveld' });
  await ok(host, 'poll:reveal', { pollId: 'werkveld', revealed: true });
  await ok(host, 'step:set', { step: 'reflectie', force: true });
  await ok(secret.tablet, 'insight:add', { text: INSIGHT });
  const insightId = `i${/"version":(\d+)/.exec(secret.tablet.heard.filter((l) => l.startsWith('ack:insight:add')).at(-1)!)![1]}`;
  await ok(host, 'insight:set', { insightId, hidden: true });
  await ok(same.tablet, 'insight:add', { text: 'Samen is beter' });
  await ok(host, 'insights:reveal', {});
  const last = Number(/"version":(\d+)/.exec(host.heard.at(-1)!)![1]);
  for (const l of [screen, guest, same.tablet, other.tablet]) await l.hears(`"version":${last}`);

  const late = (await tabletOf(server.url, session.code)).tablet;
  open.push(late);
  const caughtUp = await late.ask<{ ok: boolean }>('session:sync', { sinceVersion: 0 });
  expect(caughtUp.ok).toBe(true);
  return { session, host, screen, guest, same, other, secret, late, last, cardId: `blank-${cardId}` };
}

const all = (l: Listener) => l.heard.join('\n');

describe('what each viewer receives', () => {
  it('sends a private card, its note and its placer to nobody but the placer and the facilitator', async () => {
    const w = await workshop();
    for (const [who, l] of Object.entries({ same: w.same.tablet, other: w.other.tablet, screen: w.screen, guest: w.guest, late: w.late })) {
      const text = all(l);
      expect(text, who).not.toContain(LABEL);
      expect(text, who).not.toContain(NOTE);
      expect(text, who).not.toContain(w.cardId);
      expect(text, who).not.toContain(`"placedBy":"${w.secret.seatId}"`);
      // The private deck card was neither shown placed nor moved.
      expect(text, who).not.toMatch(/"(card:placed|card:moved)" \[\{[^\n]*"bijstand"/);
    }
    expect(all(w.secret.tablet)).toContain(LABEL);
    expect(all(w.host)).toContain(NOTE);
  });

  it('tells no viewer but the voter who voted what, and the others only counts', async () => {
    const w = await workshop();
    for (const [who, l] of Object.entries({ same: w.same.tablet, other: w.other.tablet, screen: w.screen, guest: w.guest, late: w.late })) {
      const text = all(l);
      expect(text, who).not.toMatch(new RegExp(`"answers":\\{[^}]*"${w.secret.seatId}"`));
      expect(text, who).not.toMatch(new RegExp(`poll:answered \\[\\{[^\\n]*"${w.secret.seatId}"`));
    }
    // The facilitator gets counts per seat; the voter sees their own answer.
    expect(all(w.secret.tablet)).toMatch(new RegExp(`"answers":\\{"${w.secret.seatId}":1`));
  });

  it('sends a hidden insight to nobody but its writer and the facilitator', async () => {
    const w = await workshop();
    for (const [who, l] of Object.entries({ same: w.same.tablet, other: w.other.tablet, screen: w.screen, guest: w.guest, late: w.late })) {
      expect(all(l), who).not.toContain(INSIGHT);
    }
  });

  it('gives player names to nobody but the facilitator and the players at the same table', async () => {
    const w = await workshop();
    for (const [who, l] of Object.entries({ other: w.other.tablet, screen: w.screen, guest: w.guest, late: w.late })) {
      expect(all(l), who).not.toContain(NAME);
    }
    expect(all(w.same.tablet)).toContain(NAME);
  });

  it('tells every viewer about every version, in order, so replicas notice a gap', async () => {
    const w = await workshop();
    for (const l of [w.same.tablet, w.other.tablet, w.screen, w.guest]) {
      const heard = versionsHeard(l);
      const from = heard[0]!;
      expect(heard).toEqual(Array.from({ length: w.last - from + 1 }, (_, i) => from + i));
    }
  });

  it('shows the private cards to the table at the reveal, and still not to another table or a guest', async () => {
    const w = await workshop();
    const ack = await w.host.act<{ ok: boolean; version: number }>('cards:reveal', { tableIds: ['t1'] });
    expect(ack.ok).toBe(true);
    await w.same.tablet.hears(LABEL);
    for (const l of [w.other.tablet, w.guest]) await l.hears(`"version":${ack.version}`);
    for (const l of [w.other.tablet, w.guest, w.late]) expect(all(l)).not.toContain(LABEL);
  });

  it('refuses a player who moves or writes on another player\u2019s private card, and changes nothing', async () => {
    const w = await workshop();
    const sneak = await listen(server.url);
    open.push(sneak);
    await sneak.ask('session:join', { protocolVersion: PROTOCOL, code: w.session.code });
    const move = await w.same.tablet.act<{ ok: boolean; code: string }>('card:move', { tableId: 't1', cardId: w.cardId, x: 0, y: -0.5, rev: 0 });
    expect(move).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const note = await w.same.tablet.act<{ ok: boolean; code: string }>('card:note', { tableId: 't1', cardId: w.cardId, note: 'x' });
    expect(note).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const sync = await w.host.ask<{ ok: boolean; version: number }>('session:sync', { sinceVersion: w.last });
    expect(sync).toMatchObject({ ok: true, version: w.last });
    expect(all(sneak)).not.toContain(LABEL);
  });
});
