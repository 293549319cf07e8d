import { describe, expect, it } from 'vitest';
import { hostedUnavailable, twoProcesses } from '../helpers/hosted';
import type { ServerProcess } from '../helpers/process';
import { hostOf, newSession, screenOf, tabletOf, versionsHeard, type Listener } from '../security/viewWire';

/*
 * A private card placed on one process: every other process projects the committed action for
 * its own connections (docs/architecture.md, "Several processes"), so what crosses Redis whole
 * must still reach a connection on the other process only as that viewer may see it. The
 * clients are written from docs/protocol.md (socket.io-client and JSON) and keep every message
 * they receive.
 */

const skip = await hostedUnavailable();

const NAME = 'Zwaantje Oudebrug';
const LABEL = 'Buurman Kareltje Pronk kookt';
const NOTE = 'woont Lindelaan 17';

describe.skipIf(skip !== null)('hosted mode: a private card placed on one process', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  const open: Listener[] = [];

  twoProcesses((p) => ({ a, b } = p), () => {
    for (const l of open) l.close();
  });

  it('reaches no seat, other table or screen on the other process, only the facilitator, with every version still told there', async () => {
    const session = await newSession(a.url, 2);
    const host = await hostOf(a.url, session);
    const hostOnB = await hostOf(b.url, session);
    const screenOnB = await screenOf(b.url, session.code);
    const sameOnB = await tabletOf(b.url, session.code, { tableId: 't1', roleId: 'mentor', name: 'Gert' });
    const otherOnB = await tabletOf(b.url, session.code, { tableId: 't2', roleId: 'moeder', name: 'Fenna' });
    const secret = await tabletOf(a.url, session.code, { tableId: 't1', roleId: 'klantmanager', name: NAME });
    open.push(host, hostOnB, screenOnB, sameOnB.tablet, otherOnB.tablet, secret.tablet);
    const ok = async (l: Listener, type: string, payload: unknown) => {
      const ack = await l.act<{ ok: boolean; code?: string; version: number }>(type, payload);
      expect(ack, type).toMatchObject({ ok: true });
      return ack.version;
    };
    await ok(host, 'situation:reveal', { all: true });
    await ok(host, 'step:set', { step: 'spelen', force: true });
    await ok(host, 'privacy:set', { private: true, tableIds: ['t1'] });
    const placed = await ok(secret.tablet, 'card:place', { tableId: 't1', label: LABEL, x: 0.2, y: -0.6 });
    const cardId = `blank-${placed}`;
    await ok(secret.tablet, 'card:note', { tableId: 't1', cardId, note: NOTE });
    await ok(secret.tablet, 'card:move', { tableId: 't1', cardId, x: 0.25, y: -0.55, rev: 0 });
    // A public action after the private ones, so every listener on B has heard everything before it.
    const last = await ok(host, 'step:set', { step: 'reflectie', force: true });
    for (const l of [hostOnB, screenOnB, sameOnB.tablet, otherOnB.tablet]) await l.hears(`"version":${last}`);

    for (const [who, l] of Object.entries({ 'seat at the same table on B': sameOnB.tablet, 'seat at another table on B': otherOnB.tablet, 'screen on B': screenOnB })) {
      const text = l.heard.join('\n');
      expect(text, who).not.toContain(LABEL);
      expect(text, who).not.toContain(NOTE);
      expect(text, who).not.toContain(cardId);
      expect(text, who).not.toContain(`"placedBy":"${secret.seatId}"`);
      expect(l.heard.filter((line) => line.startsWith('card:') && line.includes(`"seatId":"${secret.seatId}"`)), who).toEqual([]);
      // The private steps reach them as placeholders, so their versions have no gap.
      expect(text, who).toContain(`action:withheld [{"version":${placed}}]`);
      const heard = versionsHeard(l);
      expect(heard, who).toEqual(Array.from({ length: last - heard[0]! + 1 }, (_, i) => heard[0]! + i));
    }
    // The facilitator sees it on either process, note and placer included.
    for (const l of [host, hostOnB]) {
      const text = l.heard.join('\n');
      expect(text).toContain(LABEL);
      expect(text).toContain(NOTE);
      expect(l.heard.some((line) => line.startsWith('card:placed') && line.includes(LABEL) && line.includes(`"seatId":"${secret.seatId}"`))).toBe(true);
    }
  });
});
