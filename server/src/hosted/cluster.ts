import { randomBytes } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { CommittedAction, DragBatch } from '@samenspel/game-core';
import type { Logger } from '../logger';

/** What one process tells the others about the sessions they may share. */
export type ClusterMessage =
  | { kind: 'committed'; sessionId: string; action: CommittedAction }
  | { kind: 'deleted'; sessionId: string }
  /** This process's connections to a session (seat ids with at least one connection). */
  | { kind: 'presence'; sessionId: string; seats: string[]; hosts: number; screens: number }
  /** A process that just loaded a session asks the others for their presence in it. */
  | { kind: 'presence?'; sessionId: string }
  /** A flushed batch of this process's live drags at one table (never acknowledged, never stored). */
  | { kind: 'drags'; sessionId: string; tableId: string; frames: DragBatch['frames'] }
  | { kind: 'alive' };

type Envelope = ClusterMessage & { from: string };

export interface Dependencies {
  postgres: 'up' | 'down';
  redis: 'up' | 'down';
}

/**
 * The hosted mode's coordination over Redis. One pub/sub channel carries what the processes
 * must know of each other (committed actions, deletions, presence, drag batches); each process
 * then tells its own connections, projected for each of them. Socket.IO's Redis adapter is
 * installed too, so any broadcast made with `io.to(…)` reaches every process's connections.
 */
export class Cluster {
  readonly processId = randomBytes(6).toString('base64url');
  readonly adapter: ReturnType<typeof createAdapter>;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly adapterPub: Redis;
  private readonly adapterSub: Redis;
  private readonly channel: string;
  private readonly listeners: ((message: Envelope) => void)[] = [];
  private readonly recoveredListeners: (() => void)[] = [];
  private wasDown = false;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    const options = {
      // Commands wait for a reconnect only briefly: a caller that needs Redis hears it is down.
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt: number) => Math.min(attempt * 200, 1000),
      lazyConnect: false,
    };
    this.pub = new Redis(url, options);
    this.sub = new Redis(url, options);
    this.adapterPub = new Redis(url, options);
    this.adapterSub = new Redis(url, options);
    this.channel = `${prefix}:cluster`;
    for (const client of [this.pub, this.sub, this.adapterPub, this.adapterSub]) {
      client.on('error', (error: Error) => this.logger.warn('redis connection error', { error: error.message }));
      client.on('close', () => (this.wasDown = true));
      client.on('ready', () => this.checkRecovered());
    }
    this.adapter = createAdapter(this.adapterPub, this.adapterSub, { key: `${prefix}:socket.io` });
    this.sub.on('messageBuffer', (channel: Buffer, data: Buffer) => {
      if (channel.toString() !== this.channel) return;
      let message: Envelope;
      try {
        message = JSON.parse(data.toString()) as Envelope;
      } catch {
        return;
      }
      if (message.from === this.processId) return;
      for (const listener of this.listeners) listener(message);
    });
  }

  /** Waits until every Redis connection is up and subscribed (the process refuses to start otherwise). */
  async start(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!this.redisUp()) {
      if (Date.now() > until) throw new Error('Redis did not answer');
      await new Promise((r) => setTimeout(r, 50));
    }
    await this.sub.subscribe(this.channel);
    this.wasDown = false;
  }

  redisUp(): boolean {
    return [this.pub, this.sub, this.adapterPub, this.adapterSub].every((c) => c.status === 'ready');
  }

  publish(message: ClusterMessage): void {
    if (this.pub.status !== 'ready') return;
    this.pub.publish(this.channel, JSON.stringify({ ...message, from: this.processId })).catch((error: Error) => {
      this.logger.warn('cluster message not sent', { kind: message.kind, error: error.message });
    });
  }

  onMessage(listener: (message: Envelope) => void): void {
    this.listeners.push(listener);
  }

  /** Called when Redis is back after an outage: messages sent meanwhile were lost, so catch up. */
  onRecovered(listener: () => void): void {
    this.recoveredListeners.push(listener);
  }

  /**
   * Runs `work` while holding a lock no other process holds, or returns null at once when one
   * does. The lock expires by itself after `ttlMs` (a process that dies holding it blocks nobody
   * for long) and is let go when `work` ends.
   */
  async exclusively<T>(name: string, ttlMs: number, work: () => Promise<T>): Promise<T | null> {
    const key = `${this.prefix}:lock:${name}`;
    const token = `${this.processId}:${randomBytes(6).toString('base64url')}`;
    if ((await this.pub.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return null;
    try {
      return await work();
    } finally {
      // Only our own lock: if it expired and another process took it, that one stays.
      await this.pub
        .eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, key, token)
        .catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pub, this.sub, this.adapterPub, this.adapterSub].map((c) => c.quit().catch(() => c.disconnect())));
  }

  private checkRecovered(): void {
    if (!this.wasDown || !this.redisUp()) return;
    this.wasDown = false;
    this.logger.info('redis is back; catching up');
    for (const listener of this.recoveredListeners) listener();
  }
}
