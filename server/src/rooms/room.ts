import {
  applyAction,
  erasures,
  ERASING_ACTIONS,
  own,
  DRAG_HOLD_MS as HOLD_MS,
  DRAG_MAX_HOLD_MS as MAX_HOLD_MS,
  type ActionRequest,
  type ActionType,
  type Actor,
  type CommittedAction,
  type ErrorAck,
  type ErrorCode,
  type Presence,
  type Seat,
  type SessionState,
} from '@samenspel/game-core';
import type { Clock, Logger } from '../logger';
import type { AppendExtra, SeatTokenGrant, SessionRecord, Storage } from '../storage/storage';
import { StorageUnavailableError } from '../storage/unavailable';

/** Write a full snapshot every this many actions, so a restart replays a short tail. */
export const SNAPSHOT_EVERY = 200;
/**
 * Tries of the one-round-trip write before a session's write takes the locked way: each miss
 * means another process wrote to the session meanwhile, and brings the replica up to date.
 */
const APPEND_ATTEMPTS = 3;
/** Errors remembered per room, so a retried actionId gets the same refusal back. */
const REMEMBERED_ERRORS = 256;
/** Connections remembered per room that committed an action as a guest (a seat claim). */
const REMEMBERED_GUEST_SENDERS = 1024;

export type SubmitResult =
  | { ok: true; action: CommittedAction; duplicate: boolean; /** The state the action was applied to, for projecting it per viewer. */ before: SessionState }
  | ErrorAck;

/** An action the room judged acceptable, with what is stored along with it. */
interface Accepted {
  ok: true;
  action: CommittedAction;
  duplicate: false;
  /** The state after the action. */
  state: SessionState;
  extra: Omit<AppendExtra, 'erase'>;
}

/** An action found already stored under the request's actionId, answered again. */
interface Retried {
  ok: true;
  action: CommittedAction;
  duplicate: true;
  before: SessionState;
}

export interface Hold {
  by: string;
  /** The first frame of this drag. */
  since: number;
  /** The latest frame of this drag. */
  last: number;
}

/**
 * One live session: its state in memory, kept at the newest committed version. With several
 * processes, each process that serves the session has its own Room, and storage's `ordered`
 * gives every write of the session one order across all of them.
 */
export class Room {
  state: SessionState;
  version: number;
  private readonly errors = new Map<string, ErrorAck>();
  /**
   * The connection that sent each action a guest committed (a seat claim): a guest has no other
   * identity, and a retry of a claim hands out a seat token, so only that connection may retry it.
   */
  private readonly guestSenders = new Map<string, string>();
  /** Who is dragging which piece right now: `${tableId}:${kind}:${id}` → holder. */
  readonly holds = new Map<string, Hold>();
  /** Open connections per seat, and counts of host and screen connections. */
  private readonly seatConnections = new Map<string, number>();
  hosts = 0;
  screens = 0;
  /** Connections other processes have to this session, by process id. */
  readonly remotePresence = new Map<string, Presence>();
  /** The end of the room's queue of writes and catch-ups. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Writes and catch-ups queued and not finished yet. */
  private queued = 0;
  /** This process's connections attached to the room, guests included. */
  private attached = 0;
  /** When (clock) the room last had a connection of this process, or was loaded. */
  private idleFrom: number;

  constructor(
    readonly record: SessionRecord,
    state: SessionState,
    version: number,
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.state = state;
    this.version = version;
    this.idleFrom = clock.now();
  }

  get sessionId(): string {
    return this.record.sessionId;
  }

  get code(): string {
    return this.record.code;
  }

  /**
   * Applies one action: validate, apply, persist, then the caller acks and broadcasts. Actions of
   * a room go through one queue, so each is judged against the state its predecessor left, even
   * while a write to PostgreSQL is under way.
   */
  submit<K extends ActionType>(
    type: K,
    request: ActionRequest<K>,
    actor: Actor,
    options: {
      seatToken?: (seatId: string) => SeatTokenGrant;
      /** The sending connection; a guest's retry is recognised only from the same one. */
      connection?: string;
    } = {},
  ): Promise<SubmitResult> {
    return this.enqueue(() => this.submitInOrder(type, request, actor, options));
  }

  /**
   * Takes in an action another process committed (announced over Redis) or that this process
   * missed. Versions at or below the room's are old news; a gap is filled from storage.
   */
  learn(action: CommittedAction | null): Promise<void> {
    return this.enqueue(async () => {
      if (action && action.version <= this.version) return;
      if (action && action.version === this.version + 1) return this.applyLearned([action]);
      await this.applyLearned(await this.storage.actionsSince(this.sessionId, this.version, Number.MAX_SAFE_INTEGER));
    });
  }

  /** Resolves once every write and catch-up queued so far has finished. */
  settled(): Promise<void> {
    return this.enqueue(async () => undefined);
  }

  /** Called with every action this room takes in from elsewhere, after it is applied. */
  onLearned: ((action: CommittedAction, before: SessionState) => void) | null = null;
  /** Called with every action this room committed itself, so other processes can hear of it. */
  onCommitted: ((action: CommittedAction) => void) | null = null;

  private async applyLearned(actions: CommittedAction[]): Promise<void> {
    for (const action of actions) {
      if (action.version !== this.version + 1) continue;
      const result = applyAction(this.state, action);
      if (!result.ok) {
        // Committed elsewhere means valid: the same reducer judged it against the same state.
        this.logger.error('a committed action did not apply', { sessionId: this.sessionId, version: action.version, code: result.code });
        continue;
      }
      const before = this.state;
      this.state = result.state;
      this.version = action.version;
      this.releaseHold(action.type, action.payload);
      this.onLearned?.(action, before);
    }
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    this.queued++;
    const run = this.queue.then(work).finally(() => this.queued--);
    this.queue = run.then(noop, noop);
    return run;
  }

  /** A connection of this process attached to the room (any viewer, guests too). */
  retain(): void {
    this.attached++;
  }

  /** A connection let the room go (detached, or closed). */
  release(): void {
    this.attached = Math.max(0, this.attached - 1);
    if (this.attached === 0) this.idleFrom = this.clock.now();
  }

  /**
   * How long the room has had no connection of this process; null while it has one, or while a
   * write or catch-up is queued (actions committed elsewhere do not keep a replica nobody here
   * watches in memory).
   */
  idleFor(now: number): number | null {
    return this.attached > 0 || this.queued > 0 ? null : Math.max(0, now - this.idleFrom);
  }

  private async submitInOrder<K extends ActionType>(
    type: K,
    request: ActionRequest<K>,
    actor: Actor,
    options: { seatToken?: (seatId: string) => SeatTokenGrant; connection?: string },
  ): Promise<SubmitResult> {
    const connection = options.connection ?? '';
    const errorKey = `${actor.kind === 'guest' ? `guest:${connection}` : holderId(actor)}|${request.actionId}`;
    let outcome: ErrorAck | Retried | Accepted;
    try {
      outcome =
        (await this.appendOnReplica(type, request, actor, errorKey, options)) ??
        (await this.storage.ordered(this.sessionId, this.version, request.actionId, async (write) => {
          await this.applyLearned(write.missed);
          if (write.previous) return this.answerRetry(write.previous, type, actor, request.actionId, connection);
          const rememberedError = this.errors.get(errorKey);
          if (rememberedError) return rememberedError;
          const judged = this.judge(type, request, actor, options);
          if (!judged.ok) return this.remember(errorKey, judged);
          // Removed words leave the stored log in the same transaction, and the snapshots with them.
          // The log is read while this write holds the session's order, so nothing lands meanwhile.
          const erase = ERASING_ACTIONS.has(type)
            ? erasures(await this.storage.actionsSince(this.sessionId, 0, Number.MAX_SAFE_INTEGER), judged.action)
            : undefined;
          write.append(judged.action, { ...judged.extra, ...(erase ? { erase, snapshot: judged.state } : {}) });
          return judged;
        }));
    } catch (error) {
      // Nothing changed in memory: the action is refused as a whole and may be retried.
      this.logger.error('action not persisted', { sessionId: this.sessionId, type, error: String(error) });
      if (error instanceof StorageUnavailableError) return err('UNAVAILABLE', 'the server cannot reach its database; try again in a moment');
      return err('INTERNAL', 'the action could not be saved; please try again');
    }
    if (!outcome.ok || outcome.duplicate) return outcome;
    // Only now, with the write committed, does the room move on.
    const before = this.state;
    this.state = outcome.state;
    this.version = outcome.action.version;
    if (actor.kind === 'guest') remember(this.guestSenders, request.actionId, connection, REMEMBERED_GUEST_SENDERS);
    this.releaseHold(type, request.payload);
    this.onCommitted?.(outcome.action);
    return { ok: true, action: outcome.action, duplicate: false, before };
  }

  /**
   * The usual write with shared storage: the action judged on this replica and stored as the
   * next version in one round trip (`Storage.appendNext`). When the replica was behind, the same
   * round trip brings what it missed; the action is judged again on the caught-up state and
   * tried again. Null, with nothing stored, when the locked way (`Storage.ordered`) must decide:
   * an erasing action, an actionId refused before, a refusal before the log was read (it may
   * hold what this replica has not heard of yet), or a session too busy to get a turn this way.
   */
  private async appendOnReplica<K extends ActionType>(
    type: K,
    request: ActionRequest<K>,
    actor: Actor,
    errorKey: string,
    options: { seatToken?: (seatId: string) => SeatTokenGrant; connection?: string },
  ): Promise<Accepted | Retried | ErrorAck | null> {
    if (!this.storage.appendNext || ERASING_ACTIONS.has(type) || this.errors.has(errorKey)) return null;
    let caughtUp = false;
    for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
      const judged = this.judge(type, request, actor, options);
      if (!judged.ok) return caughtUp ? this.remember(errorKey, judged) : null;
      const stored = await this.storage.appendNext(this.sessionId, judged.action, judged.extra);
      if (stored.written) return judged;
      await this.applyLearned(stored.missed);
      if (stored.previous) return this.answerRetry(stored.previous, type, actor, request.actionId, options.connection ?? '');
      caughtUp = true;
    }
    return null;
  }

  /** The answer to an action whose actionId is already in the log (a retry after a lost ack). */
  private answerRetry(previous: CommittedAction, type: ActionType, actor: Actor, actionId: string, connection: string): Retried | ErrorAck {
    // Dedupe is scoped to the sender: an actionId seen in a broadcast is no key to someone else's answer.
    const sameSender =
      previous.actor.kind === 'guest' ? connection !== '' && this.guestSenders.get(actionId) === connection : holderId(previous.actor) === holderId(actor);
    if (!sameSender) return err('CONFLICT', 'this actionId was already used by another sender; send a new one');
    if (previous.type !== type) return err('BAD_REQUEST', 'this actionId was used for another action');
    return { ok: true, action: previous, duplicate: true, before: this.state };
  }

  /** Judges an action against the room's state as it is now: what to store, or the refusal. */
  private judge<K extends ActionType>(
    type: K,
    request: ActionRequest<K>,
    actor: Actor,
    options: { seatToken?: (seatId: string) => SeatTokenGrant },
  ): Accepted | ErrorAck {
    if (request.baseVersion > this.version) return err('VERSION_AHEAD', `the board is at version ${this.version}, not ${request.baseVersion}; resync`);
    const heldBy = this.heldByOther(type, request.payload, actor);
    if (heldBy) return err('HELD_BY_OTHER', `someone else (${heldBy}) is moving this piece`);
    const action = {
      version: this.version + 1,
      actionId: request.actionId,
      type,
      payload: request.payload,
      actor,
      at: this.clock.now(),
    } as CommittedAction;
    const result = applyAction(this.state, action);
    if (!result.ok) return err(result.code, result.message);
    const grant = type === 'seat:claim' && options.seatToken ? options.seatToken(`s${action.version}`) : undefined;
    return {
      ok: true,
      action,
      duplicate: false,
      state: result.state,
      extra: { ...(grant ? { seatToken: grant } : {}), ...(action.version % SNAPSHOT_EVERY === 0 ? { snapshot: result.state } : {}) },
    };
  }

  seatOf(seatId: string): Seat | undefined {
    return own(this.state.seats, seatId);
  }

  /**
   * Takes or keeps a hold on a piece for a dragger, or returns who holds it instead. A frame
   * within DRAG_HOLD_MS of the dragger's previous one continues the same drag; the facilitator
   * takes over any hold, so a player can never keep a piece from them.
   */
  hold(key: string, by: string): Hold | { heldBy: string } {
    const now = this.clock.now();
    const current = this.holds.get(key);
    if (current && current.by === by && now - current.last < HOLD_MS) {
      current.last = now;
      return current;
    }
    if (current && current.by !== by && by !== HOST_HOLDER && holdsOff(current, now)) return { heldBy: current.by };
    const hold = { by, since: now, last: now };
    this.holds.set(key, hold);
    return hold;
  }

  /** A hold another process's dragger has (its frames arrive over Redis); the latest frame wins. */
  adoptHold(key: string, by: string): void {
    const now = this.clock.now();
    const current = this.holds.get(key);
    if (current && current.by === by) current.last = now;
    else this.holds.set(key, { by, since: now, last: now });
  }

  pruneHolds(): void {
    const now = this.clock.now();
    for (const [key, hold] of this.holds) if (now - hold.last >= HOLD_MS) this.holds.delete(key);
  }

  connect(kind: 'seat' | 'host' | 'screen', seatId?: string): void {
    if (kind === 'host') this.hosts++;
    else if (kind === 'screen') this.screens++;
    else if (seatId) this.seatConnections.set(seatId, (this.seatConnections.get(seatId) ?? 0) + 1);
  }

  disconnect(kind: 'seat' | 'host' | 'screen', seatId?: string): void {
    if (kind === 'host') this.hosts = Math.max(0, this.hosts - 1);
    else if (kind === 'screen') this.screens = Math.max(0, this.screens - 1);
    else if (seatId) {
      const n = (this.seatConnections.get(seatId) ?? 0) - 1;
      if (n <= 0) this.seatConnections.delete(seatId);
      else this.seatConnections.set(seatId, n);
    }
  }

  /** This process's own connections, as told to the other processes. */
  localPresence(): Presence {
    return {
      seats: [...this.seatConnections.keys()],
      hosts: this.hosts,
      screens: this.screens,
    };
  }

  /** Who is connected, over every process that serves the session. */
  presence(): Presence {
    const seats = new Set(this.seatConnections.keys());
    let hosts = this.hosts;
    let screens = this.screens;
    for (const other of this.remotePresence.values()) {
      for (const id of other.seats) seats.add(id);
      hosts += other.hosts;
      screens += other.screens;
    }
    return { seats: [...seats].filter((id) => own(this.state.seats, id) !== undefined), hosts, screens };
  }

  private heldByOther(type: ActionType, payload: unknown, actor: Actor): string | null {
    const key = holdKeyOf(type, payload);
    if (!key) return null;
    const hold = this.holds.get(key);
    if (!hold || actor.kind === 'host' || !holdsOff(hold, this.clock.now())) return null;
    return hold.by === holderId(actor) ? null : hold.by;
  }

  private releaseHold(type: ActionType, payload: unknown): void {
    const key = holdKeyOf(type, payload);
    if (key) this.holds.delete(key);
  }

  private remember(key: string, error: ErrorAck): ErrorAck {
    remember(this.errors, key, error, REMEMBERED_ERRORS);
    return error;
  }
}

/** Keeps the newest `limit` entries of a map. */
function remember<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
  map.set(key, value);
  if (map.size > limit) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}

export function holdKey(tableId: string, kind: 'token' | 'card', id: string): string {
  return `${tableId}:${kind}:${id}`;
}

/** The piece a drop lands on, for the pieces that can be dragged live. */
function holdKeyOf(type: ActionType, payload: unknown): string | null {
  const p = payload as { tableId?: string; roleId?: string; cardId?: string };
  if (type === 'token:move' && p.tableId && p.roleId) return holdKey(p.tableId, 'token', p.roleId);
  if ((type === 'card:move' || type === 'card:remove') && p.tableId && p.cardId) return holdKey(p.tableId, 'card', p.cardId);
  return null;
}

const HOST_HOLDER = 'host';

/**
 * Whether a hold still keeps others off its piece: until DRAG_HOLD_MS after the last frame, and
 * never longer than DRAG_MAX_HOLD_MS after the first, so frames trickling in (one a second,
 * say) cannot keep a piece from everyone else.
 */
function holdsOff(hold: Hold, now: number): boolean {
  return now - hold.last < HOLD_MS && now - hold.since < MAX_HOLD_MS;
}

/** The name a hold is kept under: a seat id, or "host" for any facilitator connection. */
export function holderId(actor: Actor): string {
  return actor.kind === 'seat' ? actor.seatId : actor.kind === 'host' ? HOST_HOLDER : actor.kind;
}

function noop(): void {}

function err(code: ErrorCode, message: string): ErrorAck {
  return { ok: false, code, message };
}
