import { DRAG_HZ } from '@samenspel/game-core';

/** One frame slot a little wider than 1/DRAG_HZ, so jitter never pushes us over the server's limit. */
export const DRAG_INTERVAL_MS = Math.ceil(1000 / DRAG_HZ) + 2;

export interface Timers {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Throttle<T> {
  push: (value: T) => void;
  /** Drops a waiting value: the drop itself carries the final position. */
  cancel: () => void;
}

/**
 * Sends at most one value per interval. The first value goes out at once; values in between
 * collapse into one trailing send of the latest, so observers always end on the newest spot.
 */
export function createThrottle<T>(send: (value: T) => void, intervalMs = DRAG_INTERVAL_MS, timers: Timers = realTimers): Throttle<T> {
  let lastSent = -Infinity;
  let waiting: { value: T } | null = null;
  let timer: unknown = null;

  const fire = () => {
    timer = null;
    if (!waiting) return;
    const { value } = waiting;
    waiting = null;
    lastSent = timers.now();
    send(value);
  };

  return {
    push(value) {
      const since = timers.now() - lastSent;
      if (timer === null && since >= intervalMs) {
        lastSent = timers.now();
        send(value);
        return;
      }
      waiting = { value };
      if (timer === null) timer = timers.setTimeout(fire, intervalMs - since);
    },
    cancel() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      waiting = null;
    },
  };
}
