import { createSession, replay, STATE_FORMAT, type CommittedAction, type Scenario, type SessionState } from '@samenspel/game-core';
import type { Clock, Logger } from '../logger';
import type { Storage, StoredSession } from '../storage/storage';
import { hashSecret, newJoinCode, newSecret, newSessionId, sameSecret } from '../tokens';
import { Room } from './room';

/** PostgreSQL's unique_violation: here, a join code another process took at the same moment. */
const UNIQUE_VIOLATION = '23505';

/**
 * All live rooms of this process, found by session id or by join code. With shared storage
 * (several processes), a session this process has not seen yet is loaded on first use, and a
 * room catches up with the log before it answers an attach.
 */
export class RoomRegistry {
  private readonly bySession = new Map<string, Room>();
  private readonly byCode = new Map<string, Room>();
  private readonly deletedListeners: ((room: Room) => void)[] = [];
  private readonly learnedListeners: ((room: Room, action: CommittedAction, before: SessionState) => void)[] = [];
  private readonly loadedListeners: ((room: Room) => void)[] = [];
  private readonly committedListeners: ((room: Room, action: CommittedAction) => void)[] = [];
  private readonly deletedHereListeners: ((sessionId: string) => void)[] = [];
  /** Loads under way, so two attaches at once build one room. */
  private readonly loading = new Map<string, Promise<Room | null>>();
  /** Stored sessions that could not be brought back, by id, with the reason. */
  readonly damaged = new Map<string, string>();
  /**
   * Sessions unloaded for being idle and not deleted since, as `s:<id>` → code and `c:<code>` →
   * id. With a storage of its own, the process loads a session it does not hold only if it
   * unloaded it (the rest were restored at start, or are damaged).
   */
  private readonly unloaded = new Map<string, string>();
  /** Room objects unloaded for being idle (not deleted), which an attach under way may bring back. */
  private readonly unloadedRooms = new WeakSet<Room>();

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Brings every stored session back: its latest snapshot plus the log after it. With shared
   * storage nothing is loaded up front; each process loads the sessions its connections ask for.
   */
  async restore(): Promise<{ rooms: number; damaged: number; actions: number; ms: number }> {
    const started = performance.now();
    let actions = 0;
    this.damaged.clear();
    if (!this.storage.shared) {
      let sessions: StoredSession[];
      try {
        sessions = await this.storage.loadSessions((sessionId, reason) => this.markDamaged(sessionId, reason));
      } catch (error) {
        // The list of sessions itself can't be read: serve none rather than not start at all.
        this.logger.error(`stored sessions could not be listed (${error instanceof Error ? error.message : String(error)}); starting without them`);
        sessions = [];
      }
      for (const stored of sessions) {
        const room = this.build(stored);
        if (!room) continue;
        this.add(room);
        actions += stored.tail.length;
      }
    }
    return { rooms: this.bySession.size, damaged: this.damaged.size, actions, ms: Math.round(performance.now() - started) };
  }

  async create(scenario: Scenario, options: { tables?: number } = {}): Promise<{ room: Room; hostToken: string }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.createOnce(scenario, options);
      } catch (error) {
        // Another process drew the same join code at the same moment: draw again.
        if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION || attempt >= 3) throw error;
      }
    }
  }

  private async createOnce(scenario: Scenario, options: { tables?: number }): Promise<{ room: Room; hostToken: string }> {
    const sessionId = newSessionId();
    let code = newJoinCode();
    while (this.byCode.has(code) || this.unloaded.has(`c:${code}`)) code = newJoinCode();
    const hostToken = newSecret();
    const createdAt = this.clock.now();
    const tables = Math.min(Math.max(options.tables ?? 1, 1), 12);
    const tableNames = Array.from({ length: tables }, (_, i) => `Tafel ${i + 1}`);
    const state = createSession({ sessionId, code, scenario, createdAt, tableNames });
    const record = { sessionId, code, hostTokenHash: hashSecret(hostToken), scenarioId: scenario.id, createdAt };
    await this.storage.createSession(record, state);
    const room = new Room(record, state, 0, this.storage, this.clock, this.logger);
    this.add(room);
    this.logger.info('session created', { sessionId, scenario: scenario.id, tables });
    return { room, hostToken };
  }

  /** Whether a secret is the host token the session was made with, or one of its co-host tokens. */
  async isHostToken(room: Room, token: string): Promise<boolean> {
    const hash = hashSecret(token);
    return sameSecret(hash, room.record.hostTokenHash) || (await this.storage.isHostToken(room.sessionId, hash));
  }

  /** A second facilitator link with the same powers; only its hash is kept. */
  async createCohostToken(room: Room): Promise<string> {
    const token = newSecret();
    await this.storage.addHostToken(room.sessionId, hashSecret(token), this.clock.now());
    this.logger.info('co-host link created', { sessionId: room.sessionId });
    return token;
  }

  /** Deletes a session for good: storage first, then the live room and its connections. */
  async delete(room: Room, reason: 'request' | 'retention'): Promise<void> {
    await this.storage.deleteSession(room.sessionId);
    this.forget(room.sessionId);
    for (const listener of this.deletedHereListeners) listener(room.sessionId);
    this.logger.info('session deleted', { sessionId: room.sessionId, reason });
  }

  /** Lets a live room and its connections go: deleted here, or deleted by another process. */
  forget(sessionId: string): void {
    this.forgetUnloaded(sessionId);
    const room = this.bySession.get(sessionId);
    if (!room) return;
    this.bySession.delete(sessionId);
    this.byCode.delete(room.code);
    room.onLearned = null;
    room.onCommitted = null;
    for (const listener of this.deletedListeners) listener(room);
  }

  /**
   * Deletes every session whose last action (or creation) is more than `retentionMs` ago,
   * including stored ones that are not live (a session that could not be restored). Returns the
   * ids deleted.
   */
  async purgeIdle(retentionMs: number): Promise<string[]> {
    const ids = await this.storage.sessionsIdleSince(this.clock.now() - retentionMs);
    for (const id of ids) {
      const room = this.bySession.get(id);
      if (room) await this.delete(room, 'retention');
      else {
        await this.storage.deleteSession(id);
        this.damaged.delete(id);
        this.forgetUnloaded(id);
        for (const listener of this.deletedHereListeners) listener(id);
        this.logger.info('session deleted', { sessionId: id, reason: 'retention' });
      }
    }
    return ids;
  }

  /** Called after a session is deleted, so its connections can be told and let go. */
  onDeleted(listener: (room: Room) => void): void {
    this.deletedListeners.push(listener);
  }

  /** Called with each action a room took in from another process, so its connections hear it. */
  onLearned(listener: (room: Room, action: CommittedAction, before: SessionState) => void): void {
    this.learnedListeners.push(listener);
  }

  /** Called when a session stored by another process is loaded here. */
  onLoaded(listener: (room: Room) => void): void {
    this.loadedListeners.push(listener);
  }

  /** Called with each action a room of this process committed. */
  onCommitted(listener: (room: Room, action: CommittedAction) => void): void {
    this.committedListeners.push(listener);
  }

  /** Called when this process deleted a session (other processes may have it live). */
  onDeletedHere(listener: (sessionId: string) => void): void {
    this.deletedHereListeners.push(listener);
  }

  byId(sessionId: string): Room | undefined {
    return this.bySession.get(sessionId);
  }

  byJoinCode(code: string): Room | undefined {
    return this.byCode.get(code);
  }

  /**
   * The room to attach to: the live one, brought up to the newest committed version, or (with
   * shared storage) the stored session loaded now. Null when there is no such session.
   */
  async find(by: { sessionId: string } | { code: string }): Promise<Room | null> {
    const live = 'code' in by ? this.byCode.get(by.code) : this.bySession.get(by.sessionId);
    if (live && !this.storage.shared) return live;
    if (live) {
      await live.learn(null);
      return this.bySession.get(live.sessionId) === live ? live : null;
    }
    const key = 'code' in by ? `c:${by.code}` : `s:${by.sessionId}`;
    if (!this.storage.shared && !this.unloaded.has(key)) return null;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = (async () => {
        const stored = await this.storage.loadSession(by);
        if (!stored) return null;
        const existing = this.bySession.get(stored.record.sessionId);
        if (existing) return existing;
        const room = this.build(stored);
        if (!room) return null;
        this.add(room);
        for (const listener of this.loadedListeners) listener(room);
        return room;
      })().finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  /**
   * The room an attach goes ahead with, after `find` answered `room` and the attach awaited its
   * checks: the live room of the session. If `room` was unloaded meanwhile (idle, with no
   * connection), it is taken back as it was, and with shared storage it catches up with the log
   * (the actions it takes in reach the connection after its snapshot). A deleted session's room
   * is answered as it is; its connection hears nothing more.
   */
  revive(room: Room): Room {
    const live = this.bySession.get(room.sessionId);
    if (live) return live;
    // Deleted since it was unloaded (by retention, or by another process): not brought back.
    if (!this.unloadedRooms.has(room) || !this.unloaded.has(`s:${room.sessionId}`)) return room;
    this.unloadedRooms.delete(room);
    this.add(room);
    if (this.storage.shared) {
      room.learn(null).catch(() => undefined);
      for (const listener of this.loadedListeners) listener(room);
    }
    return room;
  }

  /**
   * Lets go of rooms that have had no connection of this process and no write or catch-up
   * under way for `idleMs`, so a process does not keep every session it ever served in memory.
   * Nothing is lost: the log is stored, and the next attach loads the session again (and with
   * shared storage, catches up). With shared storage the process stops following the session:
   * other processes' messages about it are ignored here until it is loaded again. Returns the
   * ids unloaded.
   */
  unloadIdle(idleMs: number): string[] {
    const now = this.clock.now();
    const ids: string[] = [];
    for (const room of [...this.bySession.values()]) {
      const idle = room.idleFor(now);
      if (idle === null || idle < idleMs) continue;
      this.bySession.delete(room.sessionId);
      this.byCode.delete(room.code);
      room.onLearned = null;
      room.onCommitted = null;
      this.unloadedRooms.add(room);
      this.unloaded.set(`s:${room.sessionId}`, room.code).set(`c:${room.code}`, room.sessionId);
      ids.push(room.sessionId);
    }
    if (ids.length > 0) this.logger.info('idle sessions unloaded', { sessions: ids.length, idleMs });
    return ids;
  }

  /**
   * Lets go of live rooms whose session is no longer stored: deleted by another process while
   * its announcement could not arrive (Redis was away).
   */
  async forgetDeleted(): Promise<void> {
    for (const room of [...this.bySession.values()]) {
      if (!(await this.storage.loadSession({ sessionId: room.sessionId }))) this.forget(room.sessionId);
    }
  }

  get size(): number {
    return this.bySession.size;
  }

  rooms(): IterableIterator<Room> {
    return this.bySession.values();
  }

  private build(stored: StoredSession): Room | null {
    if (stored.snapshot.state.format !== STATE_FORMAT) {
      // Made by an earlier version of Samenspel. It stays stored until retention removes it.
      this.logger.warn('session from an older version is not restored', { sessionId: stored.record.sessionId, format: stored.snapshot.state.format ?? 1 });
      return null;
    }
    try {
      const state = replay(stored.snapshot.state, stored.tail);
      const version = stored.tail.at(-1)?.version ?? stored.snapshot.version;
      return new Room(stored.record, state, version, this.storage, this.clock, this.logger);
    } catch (error) {
      // One damaged session must not keep every other workshop from coming back.
      this.markDamaged(stored.record.sessionId, error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  private markDamaged(sessionId: string, reason: string): void {
    this.damaged.set(sessionId, reason);
    this.logger.error('session could not be restored; skipped', { sessionId, reason });
  }

  private forgetUnloaded(sessionId: string): void {
    const code = this.unloaded.get(`s:${sessionId}`);
    if (code === undefined) return;
    this.unloaded.delete(`s:${sessionId}`);
    this.unloaded.delete(`c:${code}`);
  }

  private add(room: Room): void {
    this.forgetUnloaded(room.sessionId);
    room.onLearned = (action, before) => {
      for (const listener of this.learnedListeners) listener(room, action, before);
    };
    room.onCommitted = (action) => {
      for (const listener of this.committedListeners) listener(room, action);
    };
    this.bySession.set(room.sessionId, room);
    this.byCode.set(room.code, room);
  }
}
