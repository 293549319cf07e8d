import {
  applyAction,
  erasures,
  ERASING_ACTIONS,
  DRAG_HOLD_MS as HOLD_MS,
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

export type SubmitResult =
  | { ok: true; action: CommittedAction; duplicate: boolean; /** The state the action was applied to, for projecting it per viewer. */ before: SessionState }
  | ErrorAck;

export interface Hold {
  by: string;
  until: number;
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
    options: { seatToken?: (seatId: string) => SeatTokenGrant } = {},
  ): SubmitResult {
    const previous = this.storage.findAction(this.sessionId, request.actionId);
    if (previous) {
      if (previous.type !== type) return err('BAD_REQUEST', 'this actionId was used for another action');
      return { ok: true, action: previous, duplicate: true, before: this.state };
    }
    const rememberedError = this.errors.get(request.actionId);
    if (rememberedError) return rememberedError;

    if (request.baseVersion > this.version) {
      return this.remember(request.actionId, err('VERSION_AHEAD', `the board is at version ${this.version}, not ${request.baseVersion}; resync`));
    }
    const heldBy = this.heldByOther(type, request.payload, actor);
    if (heldBy) return this.remember(request.actionId, err('HELD_BY_OTHER', `someone else (${heldBy}) is moving this piece`));

    const action: CommittedAction<K> = {
      version: this.version + 1,
      actionId: request.actionId,
      type,
      payload: request.payload,
      actor,
      at: this.clock.now(),
    };
    const result = applyAction(this.state, action as CommittedAction);
    if (!result.ok) return this.remember(request.actionId, err(result.code, result.message));

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
    this.releaseHold(type, request.payload);
    const before = this.state;
    this.state = result.state;
    return { ok: true, action: action as CommittedAction, duplicate: false, before };
  }

  seatOf(seatId: string): Seat | undefined {
    return this.state.seats[seatId];
  }

  /** Takes a hold on a piece for a dragger; false when someone else holds it. */
  hold(key: string, by: string): Hold | 'held' {
    const now = this.clock.now();
    const current = this.holds.get(key);
    if (current && current.by !== by && current.until > now) return 'held';
    const hold = { by, until: now + HOLD_MS };
    this.holds.set(key, hold);
    return hold;
  }

  pruneHolds(): void {
    const now = this.clock.now();
    for (const [key, hold] of this.holds) if (hold.until <= now) this.holds.delete(key);
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
      seats: [...this.seatConnections.keys()].filter((id) => this.state.seats[id] !== undefined),
      hosts: this.hosts,
      screens: this.screens,
    };
  }

  private heldByOther(type: ActionType, payload: unknown, actor: Actor): string | null {
    const key = holdKeyOf(type, payload);
    if (!key) return null;
    const hold = this.holds.get(key);
    if (!hold || hold.until <= this.clock.now()) return null;
    return hold.by === holderId(actor) ? null : hold.by;
  }

  private releaseHold(type: ActionType, payload: unknown): void {
    const key = holdKeyOf(type, payload);
    if (key) this.holds.delete(key);
  }

  private remember(actionId: string, error: ErrorAck): ErrorAck {
    this.errors.set(actionId, error);
    if (this.errors.size > REMEMBERED_ERRORS) {
      const oldest = this.errors.keys().next().value;
      if (oldest !== undefined) this.errors.delete(oldest);
    }
    return error;
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

/** The name a hold is kept under: a seat id, or "host" for any facilitator connection. */
export function holderId(actor: Actor): string {
  return actor.kind === 'seat' ? actor.seatId : actor.kind;
}

function err(code: ErrorCode, message: string): ErrorAck {
  return { ok: false, code, message };
}
