import { DRAG_HZ } from '@samenspel/game-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle, DRAG_INTERVAL_MS } from './throttle';

describe('the drag throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const timers = { now: () => Date.now(), setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as number) };

  it(`sends at most ${DRAG_HZ} frames in any second of continuous dragging`, () => {
    const sent: { value: number; at: number }[] = [];
    const throttle = createThrottle((value: number) => sent.push({ value, at: Date.now() }), DRAG_INTERVAL_MS, timers);
    // A 120 Hz pointer for three seconds.
    for (let i = 0; i < 360; i++) {
      throttle.push(i);
      vi.advanceTimersByTime(1000 / 120);
    }
    vi.advanceTimersByTime(100);
    for (const first of sent) {
      const inWindow = sent.filter((s) => s.at >= first.at && s.at < first.at + 1000);
      expect(inWindow.length).toBeLessThanOrEqual(DRAG_HZ);
    }
    expect(sent.length).toBeGreaterThan(DRAG_HZ * 2.5);
  });

  it('sends the first position at once and the latest one after a burst', () => {
    const sent: number[] = [];
    const throttle = createThrottle((value: number) => sent.push(value), DRAG_INTERVAL_MS, timers);
    throttle.push(1);
    throttle.push(2);
    throttle.push(3);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(DRAG_INTERVAL_MS);
    expect(sent).toEqual([1, 3]);
  });

  it('sends nothing more once cancelled, because the drop carries the final position', () => {
    const sent: number[] = [];
    const throttle = createThrottle((value: number) => sent.push(value), DRAG_INTERVAL_MS, timers);
    throttle.push(1);
    throttle.push(2);
    throttle.cancel();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([1]);
  });
});
