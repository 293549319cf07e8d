import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { act, newSession, PROTOCOL, until, wire } from './wire';

/* Hole 12: a fuzzing client must not be able to fill the disk with log lines. */

let server: TestServer;
beforeAll(async () => {
  // The flood limit would cut this client off before it is done; here only the logging counts.
  server = await startServer({ limits: { eventsPerSecond: 10_000 } });
});
afterAll(async () => {
  await server.stop();
  server.cleanup();
});

const refusalLines = () => server.logger.lines.filter((l) => l.msg.startsWith('request'));

describe('refusal logging', () => {
  it('logs the first refusals of a fuzzing connection one by one and the rest as counted summaries', async () => {
    const session = await newSession(server.url);
    const fuzzer = await wire(server.url);
    await fuzzer.ask('session:join', { protocolVersion: PROTOCOL, code: session.code });
    const sent = 1500;
    const shapes = [
      () => fuzzer.ask('card:explode', { x: 1 }),
      () => fuzzer.ask('card:place', act({ tableId: 't1', label: '', x: 9, y: 9 }, 0)),
      () => fuzzer.ask('session:sync', { sinceVersion: -1 }),
      () => fuzzer.ask('token:move', 'not an object'),
    ];
    const acks = await Promise.all(Array.from({ length: sent }, (_, i) => shapes[i % shapes.length]!()));
    expect(acks.every((a) => !a.ok)).toBe(true);
    fuzzer.close();
    await until(() => server.logger.lines.some((l) => l.msg === 'requests refused (not logged one by one)'), 'the closing summary');

    const oneByOne = server.logger.lines.filter((l) => l.msg === 'request refused');
    const summaries = server.logger.lines.filter((l) => l.msg === 'requests refused (not logged one by one)');
    expect(oneByOne).toHaveLength(20);
    const summarised = summaries.reduce((n, l) => n + Number(l.fields?.count), 0);
    // Every refusal is accounted for, in a line of its own or in a count.
    expect(oneByOne.length + summarised).toBe(sent);
    expect(summaries.length).toBeLessThanOrEqual(3);
    const bytes = refusalLines().reduce((n, l) => n + JSON.stringify(l).length, 0);
    expect(bytes).toBeLessThan(10_000);
  });

  it('keeps logging each new connection\'s first refusals', async () => {
    const before = server.logger.lines.filter((l) => l.msg === 'request refused').length;
    const other = await wire(server.url);
    const ack = await other.ask('session:join', { protocolVersion: PROTOCOL, code: 'QQQQQQ' });
    expect(ack).toMatchObject({ ok: false, code: 'SESSION_NOT_FOUND' });
    other.close();
    const after = server.logger.lines.filter((l) => l.msg === 'request refused');
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)?.fields).toMatchObject({ event: 'session:join', code: 'SESSION_NOT_FOUND' });
  });
});
