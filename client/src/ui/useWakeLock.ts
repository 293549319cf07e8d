import { useEffect } from 'react';

/** The part of the Screen Wake Lock API this app uses; older browsers lack it entirely. */
interface WakeLockSentinelLike {
  released: boolean;
  release(): Promise<void>;
}
interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

/**
 * Keeps the screen on while `active`: a tablet lying on the table during a ten-minute talk, or
 * the projector's laptop. The browser drops the lock whenever the page is hidden, so it is asked
 * for again each time the page becomes visible. Where the API is missing, or the browser says no
 * (battery saver, no user gesture yet, http on some browsers), the page simply behaves as before.
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const wakeLock = (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock;
    if (!wakeLock || typeof wakeLock.request !== 'function') return;
    let sentinel: WakeLockSentinelLike | null = null;
    let stopped = false;
    const acquire = () => {
      if (stopped || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      wakeLock.request('screen').then(
        (s) => {
          if (stopped) void s.release().catch(() => undefined);
          else sentinel = s;
        },
        () => undefined,
      );
    };
    const onVisibility = () => acquire();
    acquire();
    document.addEventListener('visibilitychange', onVisibility);
    // Some browsers refuse the lock until the page has had a tap; try again on the first one.
    document.addEventListener('pointerdown', onVisibility, { once: true });
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('pointerdown', onVisibility);
      if (sentinel && !sentinel.released) void sentinel.release().catch(() => undefined);
    };
  }, [active]);
}
