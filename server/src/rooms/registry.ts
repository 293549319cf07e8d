import { createSession, replay, type Scenario } from '@samenspel/game-core';
import type { Clock, Logger } from '../logger';
import type { Storage } from '../storage/storage';
import { hashSecret, newJoinCode, newSecret, newSessionId } from '../tokens';
import { Room } from './room';

/** All live rooms of this process, found by session id or by join code. */
export class RoomRegistry {
  private readonly bySession = new Map<string, Room>();
  private readonly byCode = new Map<string, Room>();

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Brings every stored session back: its latest snapshot plus the log after it. */
  restore(): { rooms: number; actions: number; ms: number } {
    const started = performance.now();
    let actions = 0;
    for (const stored of this.storage.loadSessions()) {
      try {
        const state = replay(stored.snapshot.state, stored.tail);
        const version = stored.tail.at(-1)?.version ?? stored.snapshot.version;
        this.add(new Room(stored.record, state, version, this.storage, this.clock, this.logger));
        actions += stored.tail.length;
      } catch (error) {
        // One damaged session must not keep every other workshop from coming back.
        this.logger.error('session could not be restored', { sessionId: stored.record.sessionId, error: String(error) });
      }
    }
    return { rooms: this.bySession.size, actions, ms: Math.round(performance.now() - started) };
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
