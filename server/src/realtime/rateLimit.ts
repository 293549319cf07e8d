/**
 * A token bucket: `burst` events at once, refilled at `perSecond`. Cheap enough to keep one
 * per socket and per address.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Counts failures per key in a fixed window: join codes and tokens can't be guessed faster
 * than `max` tries per `windowMs` from one address.
 */
export class FailureWindow {
  private readonly counts = new Map<string, { n: number; resetAt: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  blocked(key: string): boolean {
    const entry = this.counts.get(key);
    if (!entry) return false;
    if (entry.resetAt <= this.now()) {
      this.counts.delete(key);
      return false;
    }
    return entry.n >= this.max;
  }

  fail(key: string): void {
    const t = this.now();
    const entry = this.counts.get(key);
    if (!entry || entry.resetAt <= t) this.counts.set(key, { n: 1, resetAt: t + this.windowMs });
    else entry.n++;
    // Keep memory bounded under an attack from many addresses.
    if (this.counts.size > 10_000) {
      for (const [k, e] of this.counts) if (e.resetAt <= t) this.counts.delete(k);
    }
  }
}
