import { readFileSync } from 'node:fs';

/** CPU time the whole machine spent busy, from /proc/stat (Linux); null elsewhere. */
export function machineCpu(): { busyMs: number; at: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    // USER_HZ is 100 on every Linux this runs on: one tick is 10 ms.
    const ticks = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
    return { busyMs: ticks * 10, at: performance.now() };
  } catch {
    return null;
  }
}

/** Cores the machine kept busy between two readings. */
export function busyCores(from: ReturnType<typeof machineCpu>, to: ReturnType<typeof machineCpu>): number {
  if (!from || !to || to.at <= from.at) return NaN;
  return (to.busyMs - from.busyMs) / (to.at - from.at);
}
