/**
 * A latency histogram with fixed buckets: recording is O(1) and memory does not grow with
 * the number of samples, so a run with millions of frames stays cheap for the load generator.
 */
export class Histogram {
  private readonly buckets: Uint32Array;
  count = 0;
  max = 0;
  private sum = 0;
  private overflow = 0;

  /** `resolutionMs` per bucket, up to `limitMs`; slower samples land in an overflow count. */
  constructor(
    private readonly resolutionMs = 0.05,
    private readonly limitMs = 10_000,
  ) {
    this.buckets = new Uint32Array(Math.ceil(limitMs / resolutionMs));
  }

  record(ms: number): void {
    const v = ms < 0 ? 0 : ms;
    this.count++;
    this.sum += v;
    if (v > this.max) this.max = v;
    const i = Math.floor(v / this.resolutionMs);
    if (i >= this.buckets.length) this.overflow++;
    else this.buckets[i]!++;
  }

  /** Adds another histogram of the same shape to this one. */
  merge(other: Histogram): this {
    if (other.buckets.length !== this.buckets.length) throw new Error('histograms differ in shape');
    for (let i = 0; i < other.buckets.length; i++) this.buckets[i]! += other.buckets[i]!;
    this.count += other.count;
    this.sum += other.sum;
    this.overflow += other.overflow;
    this.max = Math.max(this.max, other.max);
    return this;
  }

  get mean(): number {
    return this.count === 0 ? NaN : this.sum / this.count;
  }

  /** The value below which `p` (0..1) of the samples lie, at the upper edge of its bucket. */
  percentile(p: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(p * this.count));
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!;
      if (seen >= rank) return Math.min((i + 1) * this.resolutionMs, this.max);
    }
    return this.max;
  }

  summary(): LatencySummary {
    return {
      count: this.count,
      mean: this.mean,
      p50: this.percentile(0.5),
      p95: this.percentile(0.95),
      p99: this.percentile(0.99),
      max: this.count === 0 ? NaN : this.max,
      overLimit: this.overflow,
    };
  }
}

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  overLimit: number;
}

export const ms = (n: number, digits = 1) => (Number.isFinite(n) ? `${n.toFixed(digits)} ms` : '—');
export const kb = (bytes: number, digits = 1) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(digits)} KB` : '—');
export const mb = (bytes: number, digits = 1) => (Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(digits)} MB` : '—');
export const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
export const pct = (n: number, digits = 1) => (Number.isFinite(n) ? `${(n * 100).toFixed(digits)} %` : '—');

/** Plain text table with padded columns. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
