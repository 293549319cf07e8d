import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import {
  ACTION_TYPES,
  BROADCAST_OF,
  HOST_ONLY,
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  DRAG_HZ,
  isCardVisible,
  own,
  playerView,
  projectAction,
  viewerKey,
  type ActionType,
  type CommittedAction,
  type ProjectedAction,
  type SessionState,
  type Actor,
  type AttachAck,
  type ClientToServerEvents,
  type ErrorAck,
  type ErrorCode,
  type ServerToClientEvents,
  type Viewer,
} from '@samenspel/game-core';
import {
  actionPayloadSchemas,
  actionRequestSchema,
  describeZodError,
  refusalCode,
  hostAttachSchema,
  joinSchema,
  screenAttachSchema,
  syncSchema,
} from '@samenspel/game-core/protocol/schemas';
import type { Cluster } from '../hosted/cluster';
import type { Clock, Logger } from '../logger';
import type { Room } from '../rooms/room';
import { holdKey, holderId } from '../rooms/room';
import { StorageUnavailableError } from '../storage/unavailable';
import type { RoomRegistry } from '../rooms/registry';
import type { Storage } from '../storage/storage';
import { hashSecret, newSecret, normaliseCode } from '../tokens';
import { takeDragsFirst } from './dragLane';
import { DRAG_FRAME_SHAPE, DragRelay, readDragFrame, REMOTE_ORIGIN, type DragConnection, type RelayedFrame } from './dragRelay';
import { TokenBucket } from './rateLimit';
import { ByteBudget, Coalescer, cutOff, WindowCounter, outgoingBacklog, RefusalLog } from './limits';

export interface SocketData {
  ip: string;
  room: Room | null;
  viewer: Viewer | null;
  events: TokenBucket;
  actions: TokenBucket;
  drags: TokenBucket;
  failedAttaches: number;
  refusedAt: number;
  /** What the connection may still be sent in snapshots and sync replies. */
  replies: ByteBudget;
  /** Messages over the flood limit that are still answered with a refusal. */
  flood: TokenBucket;
  /** The version of the last snapshot this connection was sent, so it is not sent twice. */
  snapshotVersion: number;
  refusals: RefusalLog;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface RealtimeLimits {
  /**
   * Any message, per socket: a flood is refused above this, and a connection that sends more
   * than three times this per second for a few seconds is cut off.
   */
  eventsPerSecond: number;
  actionsPerSecond: number;
  /**
   * Wrong seat or host tokens per minute from one address at one code (or session), before
   * further wrong ones are refused with RATE_LIMITED. A right token is never refused.
   */
  attachFailuresPerMinute: number;
  /** Failed attempts on one connection before it is refused. */
  attachFailuresPerSocket: number;
  /**
   * Bytes of snapshots and sync replies one connection may be sent per second, and at once.
   * A sync or attach past it is refused with RATE_LIMITED.
   */
  replyBytesPerSecond: number;
  replyBytesBurst: number;
  /** Bytes waiting unread for one connection before it is cut off. */
  maxOutgoingBytes: number;
  /** Packets waiting unread for one connection before it is cut off. */
  maxOutgoingPackets: number;
  /** presence:changed goes out at most once per this many ms per session. */
  presenceEveryMs: number;
  /** Refusals logged one by one per connection; after that, one summary per refusalSummaryMs. */
  refusalsLogged: number;
  refusalSummaryMs: number;
  /** A sync that would replay more than this sends a snapshot instead. */
  maxSyncActions: number;
}

export const DEFAULT_LIMITS: RealtimeLimits = {
  eventsPerSecond: 80,
  actionsPerSecond: 15,
  attachFailuresPerMinute: 20,
  attachFailuresPerSocket: 8,
  maxSyncActions: 500,
  replyBytesPerSecond: 64 * 1024,
  replyBytesBurst: 512 * 1024,
  maxOutgoingBytes: 2 * 1024 * 1024,
  maxOutgoingPackets: 2_000,
  presenceEveryMs: 250,
  refusalsLogged: 20,
  refusalSummaryMs: 10_000,
};

const ATTACH_EVENTS = ['session:join', 'host:attach', 'screen:attach', 'session:sync', 'piece:drag'] as const;
const KNOWN_EVENTS = new Set<string>([...ACTION_TYPES, ...ATTACH_EVENTS]);

export interface RealtimeDeps {
  io: IoServer;
  registry: RoomRegistry;
  storage: Storage;
  clock: Clock;
  logger: Logger;
  limits: RealtimeLimits;
  /** Several processes: the Redis coordination (null with one process). */
  cluster?: Cluster | null;
  /** The dependency that is down (actions are refused meanwhile), or null when all are up. */
  unavailable?: () => string | null;
}

const sessionRoom = (sessionId: string) => `s:${sessionId}`;
const tableRoom = (sessionId: string, tableId: string) => `t:${sessionId}:${tableId}`;

/** Wires every socket event: validate → room → ack → broadcast. */
export function attachRealtime(deps: RealtimeDeps): { relay: DragRelay; stop: () => void } {
  const { io, registry, storage, clock, logger, limits } = deps;
  const cluster = deps.cluster ?? null;
  const tokenGuesses = new WindowCounter(limits.attachFailuresPerMinute, 60_000, () => clock.now());
  const nsp = io.of('/');
  const relay = new DragRelay({
    members: (sessionId, tableId) => nsp.adapter.rooms.get(tableRoom(sessionId, tableId)),
    // `wsPreEncodedFrame` is the send option Socket.IO's own broadcasts use; Engine.IO's types omit it.
    connection: (id) => nsp.sockets.get(id)?.conn as DragConnection | undefined,
    // Hosted mode: each flushed batch of this process's draggers goes to the other processes,
    // as coalesced as it went to this process's connections, and as volatile (Redis pub/sub).
    ...(cluster ? { share: (sessionId: string, tableId: string, frames: RelayedFrame[]) => cluster.publish({ kind: 'drags', sessionId, tableId, frames }) } : {}),
    // A private or staged card's drag reaches only those who may see the card: its placer and the facilitator.
    mayHear: (id, sessionId, frame) => {
      const s = nsp.sockets.get(id);
      const room = s?.data.room;
      if (!s || !room || room.sessionId !== sessionId) return false;
      const card = own(own(room.state.tables, frame.tableId)?.cards ?? {}, frame.id);
      return card !== undefined && isCardVisible(card, s.data.viewer);
    },
  });

  // Every process tells its own connections (merged over all processes, see Room.presence);
  // the others hear of this process's connections over Redis. Both coalesced.
  const presence = new Coalescer<Room>(limits.presenceEveryMs, (room) => {
    if (registry.byId(room.sessionId) === room) io.local.to(sessionRoom(room.sessionId)).emit('presence:changed', room.presence());
  });
  const announcePresence = new Coalescer<Room>(limits.presenceEveryMs, (room) => {
    if (registry.byId(room.sessionId) === room) cluster?.publish({ kind: 'presence', sessionId: room.sessionId, ...room.localPresence() });
  });
  const publishPresence = (room: Room) => {
    presence.schedule(room);
    if (cluster) announcePresence.schedule(room);
  };

  /** A reader that stopped reading is cut off rather than buffered for. */
  const overBacklog = (socket: IoSocket): boolean => {
    const backlog = outgoingBacklog(socket);
    if (backlog.bytes <= limits.maxOutgoingBytes && backlog.packets <= limits.maxOutgoingPackets) return false;
    logger.warn('slow reader cut off', { socket: socket.id, ip: socket.data.ip, bytes: backlog.bytes, packets: backlog.packets });
    cutOff(socket);
    return true;
  };
  const backlogSweep = setInterval(() => {
    for (const socket of io.sockets.sockets.values()) overBacklog(socket);
  }, 250);
  backlogSweep.unref();

  /**
   * Sends a committed action to every connection of its session as that connection's viewer
   * may see it (game-core's `projectAction`): the action, a version-only placeholder, or a new
   * view. Projected once per distinct viewer, not per connection.
   */
  const publish = (room: Room, action: CommittedAction, before: SessionState, fresh: ReadonlySet<string>) => {
    const members = io.sockets.adapter.rooms.get(sessionRoom(room.sessionId));
    if (!members) return;
    const projected = new Map<string, ProjectedAction>();
    // Connections that receive the same message are sent it in one emit, encoded once.
    const audience = new Map<ProjectedAction | 'as-is' | 'withheld', { out: ProjectedAction; ids: string[] }>();
    for (const id of members) {
      const viewer = io.sockets.sockets.get(id)?.data.viewer;
      if (!viewer) continue;
      let out: ProjectedAction;
      if (fresh.has(id)) out = { kind: 'replaced', version: action.version, state: playerView(room.state, viewer) };
      else {
        const key = viewerKey(viewer);
        out = projected.get(key) ?? projectAction(action, before, room.state, viewer);
        projected.set(key, out);
      }
      const group = out.kind === 'withheld' ? 'withheld' : out.kind === 'action' && out.action === action ? 'as-is' : out;
      const entry = audience.get(group);
      if (entry) entry.ids.push(id);
      else audience.set(group, { out, ids: [id] });
    }
    // Local: every process projects for its own connections (see docs/architecture.md).
    for (const { out, ids } of audience.values()) {
      const to = io.local.to(ids);
      if (out.kind === 'action') to.emit(BROADCAST_OF[action.type] as 'card:placed', out.action as never);
      else if (out.kind === 'withheld') to.emit('action:withheld', { version: out.version });
      else if (out.kind === 'patched') to.emit('view:patched', { version: out.version, patch: out.patch });
      else to.emit('view:replaced', { version: out.version, state: out.state });
    }
  };

  /**
   * Side effects on connections that follow from state changes. Returns the connections
   * whose viewer changed, which are sent their new view whole.
   */
  const afterCommit = (room: Room, type: ActionType, payload: unknown): Set<string> => {
    const changed = new Set<string>();
    if (type === 'seat:release') {
      const { seatId } = payload as { seatId: string };
      for (const s of io.sockets.sockets.values()) {
        if (s.data.room === room && s.data.viewer?.kind === 'seat' && s.data.viewer.seatId === seatId) {
          const seat = seatId;
          for (const r of s.rooms) if (r.startsWith(`t:${room.sessionId}:`)) void s.leave(r);
          room.disconnect('seat', seat);
          s.data.viewer = { kind: 'guest' };
          changed.add(s.id);
        }
      }
      publishPresence(room);
    } else if (type === 'seat:reassign') {
      // A player moved to another table hears that table's drags from now on.
      const { seatId, tableId } = payload as { seatId: string; tableId: string };
      for (const s of io.sockets.sockets.values()) {
        if (s.data.room !== room || s.data.viewer?.kind !== 'seat' || s.data.viewer.seatId !== seatId) continue;
        for (const r of s.rooms) if (r.startsWith(`t:${room.sessionId}:`) && r !== tableRoom(room.sessionId, tableId)) void s.leave(r);
        void s.join(tableRoom(room.sessionId, tableId));
      }
      publishPresence(room);
    } else if (type === 'table:add') {
      const tableId = room.state.tableOrder.at(-1);
      if (!tableId) return changed;
      for (const s of io.sockets.sockets.values()) {
        if (s.data.room === room && (s.data.viewer?.kind === 'host' || s.data.viewer?.kind === 'screen'))
          void s.join(tableRoom(room.sessionId, tableId));
      }
    }
    return changed;
  };

  /** A committed action, to this process's connections of its session, as each may see it. */
  const broadcast = (room: Room, action: CommittedAction, before: SessionState) => {
    publish(room, action, before, afterCommit(room, action.type, action.payload));
  };

  // Actions another process committed reach this process's connections the same way.
  registry.onLearned((room, action, before) => broadcast(room, action, before));
  if (cluster) attachCluster(cluster, registry, io, relay, { tellLocal: (room) => presence.schedule(room), publish: publishPresence });

  // A deleted session (by the facilitator, or by retention) says goodbye and lets its connections go.
  registry.onDeleted((room) => {
    io.local.to(sessionRoom(room.sessionId)).emit('session:deleted', { sessionId: room.sessionId });
    for (const s of io.sockets.sockets.values()) {
      if (s.data.room !== room) continue;
      for (const r of s.rooms) if (r !== s.id) void s.leave(r);
      s.data.room = null;
      s.data.viewer = null;
    }
  });

  let dragLaneMissing = false;
  io.on('connection', (socket: IoSocket) => {
    const now = () => clock.now();
    socket.data = {
      ip: socket.handshake.address,
      room: null,
      viewer: null,
      events: new TokenBucket(limits.eventsPerSecond, limits.eventsPerSecond * 2, now),
      actions: new TokenBucket(limits.actionsPerSecond, limits.actionsPerSecond * 2, now),
      // A little headroom over the drag rate absorbs network jitter without letting floods through.
      drags: new TokenBucket(DRAG_HZ + 5, DRAG_HZ, now),
      failedAttaches: 0,
      refusedAt: 0,
      replies: new ByteBudget(limits.replyBytesPerSecond, limits.replyBytesBurst, now),
      flood: new TokenBucket(limits.eventsPerSecond * 2, limits.eventsPerSecond * 8, now),
      snapshotVersion: -1,
      refusals: new RefusalLog(logger, { socket: socket.id, ip: socket.handshake.address }, limits.refusalsLogged, limits.refusalSummaryMs, now),
    };

    const refuse = (event: string, reply: ((ack: ErrorAck) => void) | null, code: ErrorCode, message: string) => {
      const error: ErrorAck = { ok: false, code, message };
      socket.data.refusals.refused(event, code, message);
      if (reply) reply(error);
      else if (clock.now() - socket.data.refusedAt > 1000) {
        // Fire-and-forget messages have no ack; tell the sender once a second at most.
        socket.data.refusedAt = clock.now();
        socket.emit('error:reported', { ...error, event });
      }
    };

    /**
     * Counts a message against the connection's rate. Over the rate it is refused; a client
     * that keeps sending far past it is not a tablet: answering each message with a refusal
     * costs the server as much as serving it, so it is let go. True when the message stops here.
     */
    const overLimit = (event: string, reply: ((ack: ErrorAck) => void) | null): boolean => {
      if (socket.data.events.take()) return false;
      if (!socket.data.flood.take()) {
        logger.warn('flooding connection cut off', { socket: socket.id, ip: socket.data.ip });
        cutOff(socket);
      } else refuse(event, reply, 'RATE_LIMITED', 'too many messages; slow down');
      return true;
    };

    /**
     * Every handler runs through here: the flood limit, the size limit, an ack that is a
     * function, and a catch so that no input can take the server down.
     */
    const guard = <T>(event: string, handler: (payload: unknown, reply: (ack: T) => void) => void | Promise<void>) =>
      (...args: unknown[]) => {
        const last = args.at(-1);
        const ack = typeof last === 'function' ? (last as (ack: T | ErrorAck) => void) : null;
        const payload = args[0] === last && ack ? undefined : args[0];
        const replyError = ack ? (e: ErrorAck) => ack(e) : null;
        const failed = (error: unknown) => {
          logger.error('handler failed', { event, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
          if (!replyError) return;
          if (error instanceof StorageUnavailableError) replyError({ ok: false, code: 'UNAVAILABLE', message: 'the server cannot reach its database; try again in a moment' });
          else replyError({ ok: false, code: 'INTERNAL', message: 'something went wrong on the server' });
        };
        try {
          if (overLimit(event, replyError)) return;
          if (messageSize(payload) > MAX_MESSAGE_BYTES)
            return refuse(event, replyError, 'PAYLOAD_TOO_LARGE', `messages are limited to ${MAX_MESSAGE_BYTES} bytes`);
          const pending = handler(payload, (result: T) => {
            if (ack) ack(result);
          });
          if (pending) pending.catch(failed);
        } catch (error) {
          failed(error);
        }
      };

    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && KNOWN_EVENTS.has(event)) return;
      const last = args.at(-1);
      const reply = typeof last === 'function' ? (last as (e: ErrorAck) => void) : null;
      const name = String(event).slice(0, 64);
      if (!overLimit(name, reply)) refuse(name, reply, 'UNKNOWN_EVENT', `unknown event ${name}`);
    });

    const detach = () => {
      const { room, viewer } = socket.data;
      if (!room || !viewer) return;
      for (const r of socket.rooms) if (r !== socket.id) void socket.leave(r);
      if (viewer.kind === 'seat') room.disconnect('seat', viewer.seatId);
      else if (viewer.kind === 'host' || viewer.kind === 'screen') room.disconnect(viewer.kind);
      room.release();
      socket.data.room = null;
      socket.data.viewer = null;
      publishPresence(room);
    };

    const attach = (found: Room, viewer: Viewer) => {
      detach();
      // The room may have been unloaded (idle) while this attach awaited its checks.
      const room = registry.revive(found);
      room.retain();
      socket.data.room = room;
      socket.data.viewer = viewer;
      void socket.join(sessionRoom(room.sessionId));
      joinTableRooms(room, viewer);
      if (viewer.kind === 'seat') room.connect('seat', viewer.seatId);
      else if (viewer.kind === 'host' || viewer.kind === 'screen') room.connect(viewer.kind);
      publishPresence(room);
      socket.data.snapshotVersion = room.version;
      return metered({
        ok: true as const,
        sessionId: room.sessionId,
        viewer,
        seat: viewer.kind === 'seat' ? (room.seatOf(viewer.seatId) ?? null) : null,
        snapshot: { version: room.version, state: playerView(room.state, viewer) },
        presence: room.presence(),
      });
    };

    /** Counts a reply against the connection's byte budget. */
    const metered = <T>(reply: T): T => {
      socket.data.replies.spend(messageSize(reply));
      return reply;
    };
    const overBudget = () => !socket.data.replies.available();

    /** Players hear drags of their own table; hosts and screens hear every table. */
    const joinTableRooms = (room: Room, viewer: Viewer) => {
      if (viewer.kind === 'seat') {
        const seat = room.seatOf(viewer.seatId);
        if (seat) void socket.join(tableRoom(room.sessionId, seat.tableId));
      } else if (viewer.kind === 'host' || viewer.kind === 'screen') {
        for (const id of room.state.tableOrder) void socket.join(tableRoom(room.sessionId, id));
      }
    };

    /**
     * A wrong guess counts on this connection and, for a wrong token, at this address and the
     * code or session it was aimed at (`target`). Never at the address alone: a venue's sixty
     * tablets share one.
     */
    const attachFailed = (event: string, reply: (e: ErrorAck) => void, code: ErrorCode, message: string, target?: string) => {
      if (target !== undefined) tokenGuesses.fail(`${socket.data.ip}|${target}`);
      socket.data.failedAttaches++;
      refuse(event, reply, code, message);
    };
    const connectionBlocked = () => socket.data.failedAttaches >= limits.attachFailuresPerSocket;
    const targetBlocked = (target: string) => tokenGuesses.blocked(`${socket.data.ip}|${target}`);

    /**
     * The three ways in share their first checks: a readable request, the same protocol, and
     * an address that is not guessing codes.
     */
    const onAttach = <T extends { protocolVersion: number }>(
      event: 'session:join' | 'host:attach' | 'screen:attach',
      schema: z.ZodType<T>,
      resolve: (req: T, reply: (ack: AttachAck) => void) => void | Promise<void>,
    ) => {
      socket.on(
        event,
        guard<AttachAck>(event, (raw, reply) => {
          const parsed = schema.safeParse(raw);
          if (!parsed.success) return refuse(event, reply, 'BAD_REQUEST', describeZodError(parsed.error));
          if (parsed.data.protocolVersion !== PROTOCOL_VERSION)
            return refuse(event, reply, 'PROTOCOL_MISMATCH', `server speaks protocol ${PROTOCOL_VERSION}; reload the page`);
          if (connectionBlocked()) return refuse(event, reply, 'RATE_LIMITED', 'too many failed attempts on this connection; reload the page');
          return resolve(parsed.data, reply);
        }),
      );
    };

    onAttach('session:join', joinSchema, async (req, reply) => {
      const room = await registry.find({ code: normaliseCode(req.code) });
      if (!room) return attachFailed('session:join', reply, 'SESSION_NOT_FOUND', 'no session with this code');
      if (overBudget()) return refuse('session:join', reply, 'RATE_LIMITED', 'too many snapshots for this connection; wait a few seconds');
      if (req.seatToken !== undefined) {
        const seatId = await storage.findSeatByToken(room.sessionId, hashSecret(req.seatToken));
        if (!seatId || !room.seatOf(seatId)) {
          // Checked after the token: a right token is never refused because of someone's guesses.
          if (targetBlocked(room.code)) return refuse('session:join', reply, 'RATE_LIMITED', 'too many wrong seat tokens for this code; wait a minute');
          return attachFailed('session:join', reply, 'BAD_SEAT_TOKEN', 'this seat is no longer yours; choose a role again', room.code);
        }
        return reply(attach(room, { kind: 'seat', seatId }));
      }
      reply(attach(room, { kind: 'guest' }));
    });

    onAttach('host:attach', hostAttachSchema, async (req, reply) => {
      const room = await registry.find({ sessionId: req.sessionId });
      if (!room) return attachFailed('host:attach', reply, 'SESSION_NOT_FOUND', 'no such session');
      if (overBudget()) return refuse('host:attach', reply, 'RATE_LIMITED', 'too many snapshots for this connection; wait a few seconds');
      if (!(await registry.isHostToken(room, req.hostToken))) {
        if (targetBlocked(room.sessionId)) return refuse('host:attach', reply, 'RATE_LIMITED', 'too many wrong facilitator tokens; wait a minute');
        return attachFailed('host:attach', reply, 'BAD_HOST_TOKEN', 'this is not the facilitator link of the session', room.sessionId);
      }
      reply(attach(room, { kind: 'host' }));
    });

    onAttach('screen:attach', screenAttachSchema, async (req, reply) => {
      const room = await registry.find({ code: normaliseCode(req.code) });
      if (!room) return attachFailed('screen:attach', reply, 'SESSION_NOT_FOUND', 'no session with this code');
      if (overBudget()) return refuse('screen:attach', reply, 'RATE_LIMITED', 'too many snapshots for this connection; wait a few seconds');
      reply(attach(room, { kind: 'screen' }));
    });

    socket.on(
      'session:sync',
      guard('session:sync', async (raw, reply) => {
        const parsed = syncSchema.safeParse(raw);
        if (!parsed.success) return refuse('session:sync', reply, 'BAD_REQUEST', describeZodError(parsed.error));
        const { room, viewer } = socket.data;
        if (!room || !viewer) return refuse('session:sync', reply, 'NOT_ATTACHED', 'join a session first');
        const since = parsed.data.sinceVersion;
        const behind = room.version - since;
        if (behind === 0) return reply({ ok: true, version: room.version, actions: [] });
        // Only the host's view is the log itself; everyone else catches up from their own view.
        if (viewer.kind !== 'host' || since > room.version || behind > limits.maxSyncActions) {
          // This connection already has the state at this version: answer "you are current"
          // instead of the same snapshot again, so a snapshot costs one state change.
          if (socket.data.snapshotVersion === room.version) return reply({ ok: true, version: room.version, actions: [] });
          if (overBacklog(socket)) return;
          if (overBudget()) return refuse('session:sync', reply, 'RATE_LIMITED', 'too many snapshots for this connection; wait a few seconds');
          socket.data.snapshotVersion = room.version;
          return reply(metered({ ok: true, version: room.version, snapshot: { version: room.version, state: playerView(room.state, viewer) } }));
        }
        if (overBudget()) return refuse('session:sync', reply, 'RATE_LIMITED', 'too many sync replies for this connection; wait a few seconds');
        reply(metered({ ok: true, version: room.version, actions: await storage.actionsSince(room.sessionId, since, behind) }));
      }),
    );

    for (const type of ACTION_TYPES) {
      socket.on(type, guard(type, (raw, reply) => handleAction(type, raw, reply as (ack: unknown) => void)) as never);
    }

    const handleAction = async (type: ActionType, raw: unknown, reply: (ack: unknown) => void) => {
      if (!socket.data.actions.take()) return refuse(type, reply, 'RATE_LIMITED', 'too many actions; slow down');
      const { room, viewer } = socket.data;
      if (!room || !viewer) return refuse(type, reply, 'NOT_ATTACHED', 'join a session first');
      if (viewer.kind === 'screen') return refuse(type, reply, 'FORBIDDEN', 'the big screen only shows the board');
      const envelope = actionRequestSchema.safeParse(raw);
      if (!envelope.success) return refuse(type, reply, 'BAD_REQUEST', describeZodError(envelope.error));
      const payload = actionPayloadSchemas[type].safeParse(envelope.data.payload);
      if (!payload.success) return refuse(type, reply, refusalCode(payload.error), describeZodError(payload.error));
      if (HOST_ONLY.has(type) && viewer.kind !== 'host')
        return refuse(type, reply, 'FORBIDDEN', 'only the facilitator can do this');
      // Without Redis the other processes' connections would not hear the action: refuse it.
      const down = deps.unavailable?.();
      if (down) return refuse(type, reply, 'UNAVAILABLE', `${down} is unreachable; try again in a moment`);

      const actor: Actor = viewer.kind === 'seat' ? { kind: 'seat', seatId: viewer.seatId } : viewer.kind === 'host' ? { kind: 'host' } : { kind: 'guest' };
      let seatToken: string | null = null;
      const result = await room.submit(type, { ...envelope.data, payload: payload.data } as never, actor, {
        connection: socket.id,
        seatToken: (seatId) => {
          seatToken = newSecret();
          return { tokenHash: hashSecret(seatToken), seatId };
        },
      });
      if (!result.ok) return refuse(type, reply, result.code, result.message);

      if (type === 'seat:claim') {
        const seatId = `s${result.action.version}`;
        const seat = room.seatOf(seatId);
        if (!seat) return refuse(type, reply, 'NOT_FOUND', 'this seat was released again');
        if (result.duplicate) {
          // A retry after a lost ack, from the connection that claimed (the room checked): the
          // first token never arrived, so hand out a new one.
          seatToken = newSecret();
          await storage.addSeatToken(room.sessionId, { tokenHash: hashSecret(seatToken), seatId });
        }
        attach(room, { kind: 'seat', seatId });
        reply(result.duplicate ? { ok: true, version: result.action.version, seat, seatToken, duplicate: true } : { ok: true, version: result.action.version, seat, seatToken });
      } else {
        reply(result.duplicate ? { ok: true, version: result.action.version, duplicate: true } : { ok: true, version: result.action.version });
      }
      if (result.duplicate) return;

      broadcast(room, result.action, result.before);
    };

    /*
     * The drag lane carries 30 frames a second per dragger, so it skips `guard`'s JSON size
     * check and zod: `readDragFrame` bounds every field itself, and Engine.IO bounds the message.
     */
    const onDrag = (raw: unknown) => {
      try {
        if (overLimit('piece:drag', null)) return;
        // Above the drag rate frames are dropped silently: the next frame carries a newer position.
        if (!socket.data.drags.take()) return;
        relayDrag(raw);
      } catch (error) {
        logger.error('handler failed', { event: 'piece:drag', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    };
    socket.on('piece:drag', onDrag);
    if (!takeDragsFirst(socket, onDrag) && !dragLaneMissing) {
      dragLaneMissing = true;
      logger.warn('drag frames take Socket.IO\'s generic path: this Socket.IO delivers data differently');
    }

    const relayDrag = (raw: unknown) => {
      const frame = readDragFrame(raw);
      if (!frame) return refuse('piece:drag', null, 'BAD_REQUEST', DRAG_FRAME_SHAPE);
      const { room, viewer } = socket.data;
      if (!room || !viewer) return refuse('piece:drag', null, 'NOT_ATTACHED', 'join a session first');
      const table = own(room.state.tables, frame.tableId);
      if (!table) return refuse('piece:drag', null, 'NOT_FOUND', 'no such table');
      let by: string;
      if (viewer.kind === 'host') by = holderId({ kind: 'host' });
      else if (viewer.kind === 'seat') {
        const seat = room.seatOf(viewer.seatId);
        if (!seat || seat.tableId !== frame.tableId) return refuse('piece:drag', null, 'FORBIDDEN', 'you play at another table');
        if (frame.kind === 'token' && seat.roleId !== frame.id)
          return refuse('piece:drag', null, 'FORBIDDEN', 'you can only move your own token');
        // "Rust": players' drops are refused while the board is locked, so their drags are not shown either.
        if (table.locked) return refuse('piece:drag', null, 'LOCKED', 'the facilitator has paused the board');
        by = holderId({ kind: 'seat', seatId: seat.id });
      } else return refuse('piece:drag', null, 'FORBIDDEN', 'choose a role before playing');
      // A card the player cannot see (not on the wheel yet, or another player's private card) is not there for them.
      const exists =
        frame.kind === 'token'
          ? Object.hasOwn(table.tokens, frame.id)
          : Object.hasOwn(table.cards, frame.id) && isCardVisible(table.cards[frame.id]!, viewer);
      if (!exists) return refuse('piece:drag', null, 'NOT_FOUND', `no such ${frame.kind}`);
      const key = holdKey(frame.tableId, frame.kind, frame.id);
      const hold = room.hold(key, by);
      if ('heldBy' in hold) {
        socket.emit('drag:refused', { tableId: frame.tableId, kind: frame.kind, id: frame.id, heldBy: hold.heldBy });
        return;
      }
      frame.by = by;
      const card = frame.kind === 'card' ? table.cards[frame.id]! : null;
      relay.enqueue(room.sessionId, key, frame, socket.id, card !== null && (card.staged || card.hidden));
    };

    socket.on('disconnect', () => {
      relay.forget(socket.id);
      detach();
      socket.data.refusals.flush();
    });
  });

  // Holds of drags that stopped without a drop (a closed tab) expire; prune them now and then.
  const pruner = setInterval(() => {
    for (const room of registry.rooms()) room.pruneHolds();
  }, 5_000);
  pruner.unref();
  return {
    relay,
    stop: () => {
      clearInterval(pruner);
      clearInterval(backlogSweep);
      presence.close();
      announcePresence.close();
    },
  };
}

function messageSize(payload: unknown): number {
  if (payload === undefined) return 0;
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '');
  } catch {
    // Unserialisable input (cycles cannot arrive over the wire, but be safe) counts as too large.
    return Infinity;
  }
}


/** How often a process says it is alive; one not heard from for three of these is gone. */
const ALIVE_EVERY_MS = 2_000;

/**
 * What this process does with the other processes' messages: takes in their committed actions,
 * deletions, holds and presence. A process that stops saying it is alive (killed) has its
 * connections taken out of every session's presence.
 */
function attachCluster(
  cluster: Cluster,
  registry: RoomRegistry,
  io: IoServer,
  relay: DragRelay,
  presence: { tellLocal: (room: Room) => void; publish: (room: Room) => void },
): void {
  const lastSeen = new Map<string, number>();
  const { tellLocal } = presence;
  cluster.onMessage((message) => {
    lastSeen.set(message.from, Date.now());
    if (message.kind === 'alive') return;
    const room = registry.byId(message.sessionId);
    if (!room) return;
    // A gap is filled from PostgreSQL; while it is away, the next write or attach catches up.
    if (message.kind === 'committed') room.learn(message.action).catch(() => undefined);
    else if (message.kind === 'deleted') registry.forget(message.sessionId);
    else if (message.kind === 'drags') {
      // Another process's draggers: this process's connections at the table see them too, and
      // their holds keep drops here off those pieces.
      for (const frame of message.frames) {
        const key = holdKey(frame.tableId, frame.kind, frame.id);
        room.adoptHold(key, frame.by);
        // A private or staged card's drag reaches only those here who may see the card.
        const card = frame.kind === 'card' ? own(own(room.state.tables, frame.tableId)?.cards ?? {}, frame.id) : undefined;
        relay.enqueue(room.sessionId, key, frame, REMOTE_ORIGIN, card !== undefined && (card.staged || card.hidden));
      }
    }
    else if (message.kind === 'presence?') cluster.publish({ kind: 'presence', sessionId: room.sessionId, ...room.localPresence() });
    else if (message.kind === 'presence') {
      room.remotePresence.set(message.from, { seats: message.seats, hosts: message.hosts, screens: message.screens });
      // A seat claimed over there is announced before its presence; let the claim land first.
      void room.settled().then(() => tellLocal(room));
    }
  });
  cluster.onRecovered(() => {
    // Whatever was announced while Redis was away is in PostgreSQL: catch every room up, and
    // let go of sessions deleted meanwhile.
    registry.forgetDeleted().catch(() => undefined);
    for (const room of registry.rooms()) {
      room.learn(null).catch(() => undefined);
      presence.publish(room);
    }
  });
  registry.onLoaded((room) => cluster.publish({ kind: 'presence?', sessionId: room.sessionId }));
  registry.onCommitted((room, action) => cluster.publish({ kind: 'committed', sessionId: room.sessionId, action }));
  registry.onDeletedHere((sessionId) => cluster.publish({ kind: 'deleted', sessionId }));
  const alive = setInterval(() => {
    cluster.publish({ kind: 'alive' });
    const now = Date.now();
    for (const [id, seen] of lastSeen) {
      if (now - seen < ALIVE_EVERY_MS * 3) continue;
      lastSeen.delete(id);
      for (const room of registry.rooms()) if (room.remotePresence.delete(id)) tellLocal(room);
    }
  }, ALIVE_EVERY_MS);
  alive.unref();
  io.engine.on('close', () => clearInterval(alive));
}
