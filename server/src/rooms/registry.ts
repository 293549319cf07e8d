import { createSession, replay, STATE_FORMAT, type Scenario } from '@samenspel/game-core';
import type { Clock, Logger } from '../logger';
import type { Storage } from '../storage/storage';
import { hashSecret, newJoinCode, newSecret, newSessionId, sameSecret } from '../tokens';
import { Room } from './room';

/** All live rooms of this process, found by session id or by join code. */
export class RoomRegistry {
  private readonly bySession = new Map<string, Room>();
  private readonly byCode = new Map<string, Room>();
  private readonly deletedListeners: ((room: Room) => void)[] = [];
  /** Stored sessions that could not be brought back, by id, with the reason. */
  readonly damaged = new Map<string, string>();

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Brings every stored session back: its latest snapshot plus the log after it. */
  restore(): { rooms: number; damaged: number; actions: number; ms: number } {
    const started = performance.now();
    let actions = 0;
    this.damaged.clear();
    const markDamaged = (sessionId: string, reason: string) => {
      this.damaged.set(sessionId, reason);
      this.logger.error('session could not be restored; skipped', { sessionId, reason });
    };
    let sessions: ReturnType<Storage['loadSessions']>;
    try {
      sessions = this.storage.loadSessions(markDamaged);
    } catch (error) {
      // The list of sessions itself can't be read: serve none rather than not start at all.
      this.logger.error(`stored sessions could not be listed (${error instanceof Error ? error.message : String(error)}); starting without them`);
      sessions = [];
    }
    for (const stored of sessions) {
      if (stored.snapshot.state.format !== STATE_FORMAT) {
        // Made by an earlier version of Samenspel. It stays on disk until retention removes it.
        this.logger.warn('session from an older version is not restored', { sessionId: stored.record.sessionId, format: stored.snapshot.state.format ?? 1 });
        continue;
      }
      try {
        const state = replay(stored.snapshot.state, stored.tail);
        const version = stored.tail.at(-1)?.version ?? stored.snapshot.version;
        this.add(new Room(stored.record, state, version, this.storage, this.clock, this.logger));
        actions += stored.tail.length;
      } catch (error) {
        // One damaged session must not keep every other workshop from coming back.
        markDamaged(stored.record.sessionId, error instanceof Error ? error.message : String(error));
      }
    }
    return { rooms: this.bySession.size, damaged: this.damaged.size, actions, ms: Math.round(performance.now() - started) };
  }

  create(scenario: Scenario, options: { tables?: number } = {}): { room: Room; hostToken: string } {
    const sessionId = newSessionId();
    let code = newJoinCode();
    while (this.byCode.has(code)) code = newJoinCode();
    const hostToken = newSecret();
    const createdAt = this.clock.now();
    const tables = Math.min(Math.max(options.tables ?? 1, 1), 12);
    const tableNames = Array.from({ length: tables }, (_, i) => `Tafel ${i + 1}`);
    const state = createSession({ sessionId, code, scenario, createdAt, tableNames });
    const record = { sessionId, code, hostTokenHash: hashSecret(hostToken), scenarioId: scenario.id, createdAt };
    this.storage.createSession(record, state);
    const room = new Room(record, state, 0, this.storage, this.clock, this.logger);
    this.add(room);
    this.logger.info('session created', { sessionId, scenario: scenario.id, tables });
    return { room, hostToken };
  }

  /** Whether a secret is the host token the session was made with, or one of its co-host tokens. */
  isHostToken(room: Room, token: string): boolean {
    const hash = hashSecret(token);
    return sameSecret(hash, room.record.hostTokenHash) || this.storage.isHostToken(room.sessionId, hash);
  }

  /** A second facilitator link with the same powers; only its hash is kept. */
  createCohostToken(room: Room): string {
    const token = newSecret();
    this.storage.addHostToken(room.sessionId, hashSecret(token), this.clock.now());
    this.logger.info('co-host link created', { sessionId: room.sessionId });
    return token;
  }

  /** Deletes a session for good: storage first, then the live room and its connections. */
  delete(room: Room, reason: 'request' | 'retention'): void {
    this.storage.deleteSession(room.sessionId);
    this.bySession.delete(room.sessionId);
    this.byCode.delete(room.code);
    for (const listener of this.deletedListeners) listener(room);
    this.logger.info('session deleted', { sessionId: room.sessionId, reason });
  }

  /**
   * Deletes every session whose last action (or creation) is more than `retentionMs` ago,
   * including stored ones that are not live (a session that could not be restored).
   */
  purgeIdle(retentionMs: number): number {
    const ids = this.storage.sessionsIdleSince(this.clock.now() - retentionMs);
    for (const id of ids) {
      const room = this.bySession.get(id);
      if (room) this.delete(room, 'retention');
      else {
        this.storage.deleteSession(id);
        this.damaged.delete(id);
        this.logger.info('session deleted', { sessionId: id, reason: 'retention' });
      }
    }
    return ids.length;
  }

  /** Called after a session is deleted, so its connections can be told and let go. */
  onDeleted(listener: (room: Room) => void): void {
    this.deletedListeners.push(listener);
  }

  byId(sessionId: string): Room | undefined {
    return this.bySession.get(sessionId);
  }

  byJoinCode(code: string): Room | undefined {
    return this.byCode.get(code);
  }

  get size(): number {
    return this.bySession.size;
  }

  rooms(): IterableIterator<Room> {
    return this.bySession.values();
  }

  private add(room: Room): void {
    this.bySession.set(room.sessionId, room);
    this.byCode.set(room.code, room);
  }
}
