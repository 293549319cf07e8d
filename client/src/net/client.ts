import {
  BROADCAST_OF,
  DRAG_HOLD_MS,
  own,
  PROTOCOL_VERSION,
  type ActionAck,
  type ActionPayloads,
  type ActionRequest,
  type ActionType,
  type AttachAck,
  type CommittedAction,
  type DragBatch,
  type DragFrame,
  type DragRefused,
  type ErrorAck,
  type Presence,
  type SeatClaimAck,
  type Snapshot,
  type SyncAck,
  type ViewPatchMessage,
  type WithheldAction,
} from '@samenspel/game-core';
import { errorKey, translate } from '../i18n';
import { newActionId } from '../lib/ids';
import { forget, keys, load, save } from '../lib/storage';
import { pieceKey, type AppStore } from '../store';

/** Who this page attaches as. A player's seat token is read from storage on every attach. */
export type AttachSpec =
  | { kind: 'player'; code: string }
  | { kind: 'host'; sessionId: string; hostToken: string }
  | { kind: 'screen'; code: string };

/** The part of a Socket.IO client socket this module uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  volatile: { emit(event: string, ...args: unknown[]): unknown };
  connect(): unknown;
  disconnect(): unknown;
}

/** The server's error codes plus the one this client adds when no answer comes. */
export type ActionResult<A = ActionAck> = A | { ok: false; code: 'TIMEOUT'; message: string };

export interface ClientOptions {
  socket: SocketLike;
  store: AppStore;
  spec: AttachSpec;
  now?: () => number;
  /** How long to wait for one ack before sending the same request again. */
  ackTimeoutMs?: number;
  /** How long an action may wait (through outages) before we give up and undo it locally. */
  maxActionAgeMs?: number;
}

interface Outgoing {
  type: ActionType;
  request: ActionRequest;
  createdAt: number;
  inFlight: boolean;
  attempts: number;
  timer: ReturnType<typeof setTimeout> | null;
  resolve: (ack: ActionResult<ActionAck | SeatClaimAck>) => void;
}

const BROADCASTS = Object.values(BROADCAST_OF);
const MAX_ATTEMPTS_ONLINE = 3;

/**
 * Keeps one page in step with its session: attaches on every (re)connect, applies broadcasts
 * with the shared reducer in version order, syncs over gaps, and delivers actions at least once
 * (a retry reuses the action id, so the server applies it at most once).
 */
export function createSessionClient(options: ClientOptions) {
  const { socket, store } = options;
  const spec = options.spec;
  const now = options.now ?? (() => Date.now());
  const ackTimeoutMs = options.ackTimeoutMs ?? 8_000;
  const maxActionAgeMs = options.maxActionAgeMs ?? 45_000;

  const queue: Outgoing[] = [];
  let syncing = false;
  /** Broadcasts that arrive while a sync is under way: actions, withheld ones and patches. */
  let buffered: (CommittedAction | WithheldAction | ViewPatchMessage)[] = [];
  let attachTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const lang = () => store.getState().lang;

  const attachRequest = (): [string, object] => {
    const base = { protocolVersion: PROTOCOL_VERSION };
    if (spec.kind === 'host') return ['host:attach', { ...base, sessionId: spec.sessionId, hostToken: spec.hostToken }];
    if (spec.kind === 'screen') return ['screen:attach', { ...base, code: spec.code }];
    const seatToken = load(keys.seat(spec.code)) ?? undefined;
    return ['session:join', seatToken ? { ...base, code: spec.code, seatToken } : { ...base, code: spec.code }];
  };

  const attach = () => {
    if (closed || !socket.connected) return;
    if (attachTimer) clearTimeout(attachTimer);
    const [event, request] = attachRequest();
    let answered = false;
    // An attach whose answer never comes (a half-open connection) is simply tried again.
    attachTimer = setTimeout(() => {
      if (!answered) attach();
    }, ackTimeoutMs);
    socket.emit(event, request, (ack: AttachAck) => {
      answered = true;
      if (attachTimer) clearTimeout(attachTimer);
      onAttached(ack);
    });
  };

  const onAttached = (ack: AttachAck) => {
    if (closed) return;
    const s = store.getState();
    if (!ack.ok) {
      if (ack.code === 'BAD_SEAT_TOKEN' && spec.kind === 'player') {
        // The facilitator freed our seat while we were away: come back as a guest.
        forget(keys.seat(spec.code));
        s.announce(translate(lang(), 'join.released'), 'error');
        return attach();
      }
      if (ack.code === 'RATE_LIMITED' || ack.code === 'INTERNAL') {
        s.setConnection('offline');
        attachTimer = setTimeout(attach, 5_000);
        return;
      }
      return s.setConnection('failed', ack.code);
    }
    const code = ack.snapshot.state.code;
    s.setAttached({ sessionId: ack.sessionId, code, viewer: ack.viewer });
    s.loadSnapshot(ack.snapshot);
    s.setPresence(ack.presence);
    if (s.tableId === null || !own(ack.snapshot.state.tables, s.tableId)) {
      s.setTable(ack.seat?.tableId ?? ack.snapshot.state.tableOrder[0] ?? null);
    }
    s.setConnection('ready');
    buffered = [];
    flushQueue();
  };

  const receive = (raw: unknown) => {
    const action = unwrap(raw);
    if (!action) return;
    if (syncing) {
      buffered.push(action);
      return;
    }
    const result = store.getState().receive(action);
    if (result === 'gap') void sync();
    else if (result === 'rejected') attach();
    else if (result === 'applied') afterApplied(action);
  };

  /** Applies a broadcast or a withheld action's placeholder in version order. */
  const apply = (item: CommittedAction | WithheldAction | ViewPatchMessage) => {
    const s = store.getState();
    if (!('type' in item)) {
      const patch = 'patch' in item ? item.patch : undefined;
      const before = s.game?.events.length ?? 0;
      const result = s.skip(item.version, patch);
      // An event fired reaches players as a patch of their view; it is said aloud all the same.
      const fired = result === 'applied' && patch?.events && patch.events.length > before ? patch.events.at(-1) : undefined;
      if (fired) announceEvent(fired.eventId);
      return result;
    }
    const result = s.receive(item);
    if (result === 'applied') afterApplied(item);
    return result;
  };

  /** A withheld action's placeholder, or a patch: both move the version on by one. */
  const withheld = (raw: unknown) => {
    const msg = raw as Partial<ViewPatchMessage> | null;
    if (typeof msg?.version !== 'number') return;
    const item = msg.patch && typeof msg.patch === 'object' ? { version: msg.version, patch: msg.patch } : { version: msg.version };
    if (syncing) {
      buffered.push(item);
      return;
    }
    if (apply(item) === 'gap') void sync();
  };

  /** A whole new view from the server (cards revealed, a seat taken): newer than anything before it. */
  const replaced = (raw: unknown) => {
    const snapshot = raw as Partial<Snapshot> | null;
    if (!snapshot || typeof snapshot.version !== 'number' || !snapshot.state) return;
    if (snapshot.version < store.getState().version) return;
    store.getState().loadSnapshot(snapshot as Snapshot);
  };

  const announceEvent = (id: string) => {
    const title = store.getState().game?.scenario.events.find((e) => e.id === id)?.title ?? id;
    store.getState().announce(translate(lang(), 'events.happened', { title }));
  };

  const afterApplied = (action: CommittedAction) => {
    const s = store.getState();
    if (action.type === 'step:set') {
      const step = (action.payload as ActionPayloads['step:set']).step;
      s.announce(translate(lang(), 'step.changed', { step: translate(lang(), `step.${step}`) }));
    }
    if (action.type === 'event:fire') announceEvent((action.payload as ActionPayloads['event:fire']).eventId);
    if (action.type === 'seat:release' && spec.kind === 'player') {
      const released = (action.payload as ActionPayloads['seat:release']).seatId;
      if (released === s.seatId) {
        forget(keys.seat(spec.code));
        forget(keys.seenRole(spec.code));
        s.setSeat(null);
        s.announce(translate(lang(), 'join.released'), 'error');
      }
    }
  };

  /** Catches up after a gap: replays the missing actions, or takes a snapshot. */
  const sync = async (): Promise<void> => {
    if (syncing || closed) return;
    syncing = true;
    try {
      for (let round = 0; round < 5; round++) {
        const ack = await emitWithAck<SyncAck>('session:sync', { sinceVersion: store.getState().version });
        if (!ack || !ack.ok) {
          attach();
          return;
        }
        if ('snapshot' in ack) store.getState().loadSnapshot(ack.snapshot);
        else {
          for (const action of ack.actions) {
            const r = store.getState().receive(action);
            if (r === 'gap' || r === 'rejected') {
              attach();
              return;
            }
            if (r === 'applied') afterApplied(action);
          }
        }
        const waiting = buffered.sort((a, b) => a.version - b.version);
        buffered = [];
        let gap = false;
        for (const item of waiting) {
          const r = apply(item);
          if (r === 'gap' || r === 'rejected') gap = true;
        }
        if (!gap) return;
      }
    } finally {
      syncing = false;
    }
  };

  const emitWithAck = <A>(event: string, payload: unknown): Promise<A | null> =>
    new Promise((resolve) => {
      if (!socket.connected) return resolve(null);
      const timer = setTimeout(() => resolve(null), ackTimeoutMs);
      socket.emit(event, payload, (ack: A) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });

  const transmit = (out: Outgoing) => {
    out.inFlight = true;
    out.attempts++;
    const sentOn = out.attempts;
    out.timer = setTimeout(() => {
      if (!queue.includes(out) || out.attempts !== sentOn) return;
      out.inFlight = false;
      if (out.attempts >= MAX_ATTEMPTS_ONLINE) return finish(out, { ok: false, code: 'TIMEOUT', message: 'no answer from the server' });
      if (isReady()) transmit(out);
    }, ackTimeoutMs);
    socket.emit(out.type, out.request, (ack: ActionAck | SeatClaimAck) => {
      if (!queue.includes(out)) return;
      finish(out, ack);
    });
  };

  const finish = (out: Outgoing, ack: ActionResult<ActionAck | SeatClaimAck>) => {
    if (out.timer) clearTimeout(out.timer);
    const i = queue.indexOf(out);
    if (i >= 0) queue.splice(i, 1);
    if (ack.ok && store.getState().version < ack.version) {
      // Our own broadcast normally follows the ack at once; if it went missing, fetch it.
      setTimeout(() => {
        if (!closed && store.getState().version < ack.version) void sync();
      }, 600);
    }
    out.resolve(ack);
  };

  const isReady = () => !closed && socket.connected && store.getState().connection === 'ready';

  const flushQueue = () => {
    for (const out of [...queue]) {
      if (now() - out.createdAt > maxActionAgeMs) {
        finish(out, { ok: false, code: 'TIMEOUT', message: 'the action waited too long for a connection' });
      } else if (!out.inFlight && isReady()) transmit(out);
    }
  };

  const enqueue = <K extends ActionType, A>(type: K, payload: ActionPayloads[K], actionId = newActionId()): Promise<ActionResult<A>> =>
    new Promise((resolve) => {
      const out: Outgoing = {
        type,
        request: { actionId, baseVersion: store.getState().version, payload },
        createdAt: now(),
        inFlight: false,
        attempts: 0,
        timer: null,
        resolve: resolve as Outgoing['resolve'],
      };
      queue.push(out);
      if (isReady()) transmit(out);
    });

  socket.on('connect', () => {
    if (store.getState().connection !== 'ready') store.getState().setConnection('connecting');
    attach();
  });
  socket.on('disconnect', () => {
    if (closed) return;
    for (const out of queue) {
      // Acks of the old connection will never come; these go again, with the same ids, after attach.
      out.inFlight = false;
      if (out.timer) clearTimeout(out.timer);
    }
    syncing = false;
    buffered = [];
    store.getState().setConnection(store.getState().everReady ? 'offline' : 'connecting');
  });
  socket.on('connect_error', () => {
    if (closed) return;
    store.getState().setConnection(store.getState().everReady ? 'offline' : 'connecting');
  });
  for (const name of BROADCASTS) socket.on(name, receive);
  socket.on('action:withheld', withheld);
  socket.on('view:patched', withheld);
  socket.on('view:replaced', replaced);
  socket.on('presence:changed', (presence: Presence) => store.getState().setPresence(presence));
  socket.on('pieces:dragged', (batch: DragBatch) => store.getState().drags.getState().applyDragFrames(batch, selfHolder(), now()));
  socket.on('drag:refused', (info: DragRefused) => {
    const s = store.getState();
    s.refuseDrag(pieceKey(info.tableId, info.kind, info.id));
    s.announce(translate(lang(), 'error.HELD_BY_OTHER'), 'error');
  });
  socket.on('session:deleted', () => {
    // The session is gone for good: stop reconnecting and let the page say so.
    closed = true;
    clearInterval(sweep);
    if (attachTimer) clearTimeout(attachTimer);
    for (const out of queue) if (out.timer) clearTimeout(out.timer);
    store.getState().setSessionEnded();
    socket.disconnect();
  });
  socket.on('error:reported', (err: ErrorAck & { event: string }) => {
    // Messages without an ack (drag frames) report problems here; they matter to developers only.
    console.warn('server refused', err.event, err.code, err.message);
  });

  const sweep = setInterval(() => {
    store.getState().drags.getState().expireDrags(now() - DRAG_HOLD_MS);
    if (queue.length > 0) flushQueue();
  }, 500);

  /** The name the server gives this page's drags, so our own echoes can be skipped. */
  const selfHolder = (): string | null => {
    const viewer = store.getState().viewer;
    if (!viewer) return null;
    return viewer.kind === 'seat' ? viewer.seatId : viewer.kind;
  };

  if (socket.connected) attach();

  return {
    spec,
    /**
     * Sends an action; resolves with the server's ack (or TIMEOUT after retries and outages).
     * Pass `actionId` to recognise the action's own broadcast when it comes back.
     */
    send<K extends Exclude<ActionType, 'seat:claim'>>(type: K, payload: ActionPayloads[K], actionId?: string): Promise<ActionResult> {
      return enqueue<K, ActionAck>(type, payload, actionId);
    },
    /** Takes a role. On success the seat token is kept, so this device gets the seat back. */
    async claimSeat(payload: ActionPayloads['seat:claim']): Promise<ActionResult<SeatClaimAck>> {
      const ack = await enqueue<'seat:claim', SeatClaimAck>('seat:claim', payload);
      if (ack.ok && spec.kind === 'player') {
        save(keys.seat(spec.code), ack.seatToken);
        const s = store.getState();
        s.setSeat(ack.seat.id);
        if (s.tableId !== ack.seat.tableId) s.setTable(ack.seat.tableId);
      }
      return ack;
    },
    /** A live position while dragging. Volatile: a lost frame is replaced by the next one. */
    drag(frame: DragFrame) {
      if (isReady()) socket.volatile.emit('piece:drag', frame);
    },
    /** Tries again after a failure the person can fix (for example a wrong code). */
    retry() {
      if (!socket.connected) socket.connect();
      else attach();
    },
    close() {
      closed = true;
      clearInterval(sweep);
      if (attachTimer) clearTimeout(attachTimer);
      for (const out of queue) if (out.timer) clearTimeout(out.timer);
      socket.disconnect();
    },
  };
}

export type SessionClient = ReturnType<typeof createSessionClient>;

/** Broadcasts carry the committed action itself; tolerate a `{ version, action }` envelope too. */
function unwrap(raw: unknown): CommittedAction | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Partial<CommittedAction> & { action?: CommittedAction };
  if (r.action && typeof r.action === 'object' && typeof r.action.type === 'string') {
    return { ...r.action, version: r.action.version ?? (r.version as number) };
  }
  if (typeof r.type === 'string' && typeof r.version === 'number') return r as CommittedAction;
  return null;
}

/** The words to show for a failed action. */
export function errorText(lang: Parameters<typeof translate>[0], code: string): string {
  return translate(lang, errorKey(code));
}
