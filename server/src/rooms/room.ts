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
import type { SeatTokenGrant, SessionRecord, Storage } from '../storage/storage';

/** Write a full snapshot every this many actions, so a restart replays a short tail. */
export const SNAPSHOT_EVERY = 200;
/** Errors remembered per room, so a retried actionId gets the same refusal back. */
const REMEMBERED_ERRORS = 256;
/** Connections remembered per room that committed an action as a guest (a seat claim). */
const REMEMBERED_GUEST_SENDERS = 1024;

export type SubmitResult =
  | { ok: true; action: CommittedAction; duplicate: boolean; /** The state the action was applied to, for projecting it per viewer. */ before: SessionState }
  | ErrorAck;

export interface Hold {
  by: string;
  /** The first frame of this drag. */
  since: number;
  /** The latest frame of this drag. */
  last: number;
}

/**
 * One live session. Node runs one callback at a time and storage writes are synchronous, so
 * `submit` applies a room's actions strictly one after another: validate, apply, persist,
 * then the caller acks and broadcasts.
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
  }

  get sessionId(): string {
    return this.record.sessionId;
  }

  get code(): string {
    return this.record.code;
  }

  submit<K extends ActionType>(
    type: K,
    request: ActionRequest<K>,
    actor: Actor,
    options: {
      seatToken?: (seatId: string) => SeatTokenGrant;
      /** The sending connection; a guest's retry is recognised only from the same one. */
      connection?: string;
    } = {},
  ): SubmitResult {
    const connection = options.connection ?? '';
    // Dedupe is scoped to the sender: an actionId seen in a broadcast is no key to someone else's answer.
    const previous = this.storage.findAction(this.sessionId, request.actionId);
    if (previous) {
      const sameSender =
        previous.actor.kind === 'guest'
          ? connection !== '' && this.guestSenders.get(request.actionId) === connection
          : holderId(previous.actor) === holderId(actor);
      if (!sameSender) return err('CONFLICT', 'this actionId was already used by another sender; send a new one');
      if (previous.type !== type) return err('BAD_REQUEST', 'this actionId was used for another action');
      return { ok: true, action: previous, duplicate: true, before: this.state };
    }
    const errorKey = `${actor.kind === 'guest' ? `guest:${connection}` : holderId(actor)}|${request.actionId}`;
    const rememberedError = this.errors.get(errorKey);
    if (rememberedError) return rememberedError;

    if (request.baseVersion > this.version) {
      return this.remember(errorKey, err('VERSION_AHEAD', `the board is at version ${this.version}, not ${request.baseVersion}; resync`));
    }
    const heldBy = this.heldByOther(type, request.payload, actor);
    if (heldBy) return this.remember(errorKey, err('HELD_BY_OTHER', `someone else (${heldBy}) is moving this piece`));

    const action: CommittedAction<K> = {
      version: this.version + 1,
      actionId: request.actionId,
      type,
      payload: request.payload,
      actor,
      at: this.clock.now(),
    };
    const result = applyAction(this.state, action as CommittedAction);
    if (!result.ok) return this.remember(errorKey, err(result.code, result.message));

    const grant = type === 'seat:claim' && options.seatToken ? options.seatToken(`s${action.version}`) : undefined;
    // Removed words leave the stored log in the same transaction, and the snapshots with them.
    const erase = ERASING_ACTIONS.has(type)
      ? erasures(this.storage.actionsSince(this.sessionId, 0, Number.MAX_SAFE_INTEGER), action as CommittedAction)
      : undefined;
    try {
      this.storage.append(this.sessionId, action as CommittedAction, {
        ...(grant ? { seatToken: grant } : {}),
        ...(erase || action.version % SNAPSHOT_EVERY === 0 ? { snapshot: result.state } : {}),
        ...(erase ? { erase } : {}),
      });
    } catch (error) {
      // Nothing changed in memory: the action is refused as a whole and may be retried.
      this.logger.error('action not persisted', { sessionId: this.sessionId, type, error: String(error) });
      return err('INTERNAL', 'the action could not be saved; please try again');
    }
    this.version = action.version;
    if (actor.kind === 'guest') remember(this.guestSenders, request.actionId, connection, REMEMBERED_GUEST_SENDERS);
    this.releaseHold(type, request.payload);
    const before = this.state;
    this.state = result.state;
    return { ok: true, action: action as CommittedAction, duplicate: false, before };
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

  presence(): Presence {
    return {
      seats: [...this.seatConnections.keys()].filter((id) => own(this.state.seats, id) !== undefined),
      hosts: this.hosts,
      screens: this.screens,
    };
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

function err(code: ErrorCode, message: string): ErrorAck {
  return { ok: false, code, message };
}
