import type { ActionPayloads } from '../protocol/index';
import type { TableState, TimerState } from '../state/types';
import { fail, hostOnly, ok, targetTables, updateTables, type RuleContext, type RuleResult } from './context';

/** Milliseconds left on the timer at `now`; negative once it has run out. */
export function timerRemaining(timer: TimerState, now: number): number {
  const running = timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt);
  return timer.durationMs - timer.elapsedMs - running;
}

/**
 * Runs one timer change on the named tables. `change` returns null where it does not apply
 * (pausing a timer that is not running); when it applies nowhere the action is a CONFLICT.
 */
function onTimers(
  ctx: RuleContext,
  tableIds: string[] | undefined,
  change: (timer: TimerState) => TimerState | null,
  conflict: string,
): RuleResult {
  const refused = hostOnly(ctx, 'runs the timer');
  if (refused) return refused;
  const target = targetTables(ctx, tableIds);
  if ('error' in target) return target.error;
  const changed = new Map<string, TimerState>();
  for (const id of target.ids) {
    const next = change(ctx.state.tables[id]!.timer);
    if (next) changed.set(id, next);
  }
  if (changed.size === 0) return fail('CONFLICT', conflict);
  return ok(updateTables(ctx.state, [...changed.keys()], (table: TableState) => ({ ...table, timer: changed.get(table.id)! })));
}

/** Starts the shared timer, or resumes it; a new duration starts it afresh. */
export function timerStart(ctx: RuleContext, p: ActionPayloads['timer:start']): RuleResult {
  return onTimers(
    ctx,
    p.tableIds,
    (t) => (p.durationMs !== undefined ? { durationMs: p.durationMs, elapsedMs: 0, startedAt: ctx.now } : t.startedAt !== null ? null : { ...t, startedAt: ctx.now }),
    'the timer is already running',
  );
}

/** Pauses the timer, keeping the time that has passed. */
export function timerPause(ctx: RuleContext, p: ActionPayloads['timer:pause']): RuleResult {
  return onTimers(
    ctx,
    p.tableIds,
    (t) => (t.startedAt === null ? null : { ...t, elapsedMs: t.elapsedMs + Math.max(0, ctx.now - t.startedAt), startedAt: null }),
    'the timer is not running',
  );
}

/** Adds (or takes off) time, e.g. "+1 minute" when the conversation is good. */
export function timerExtend(ctx: RuleContext, p: ActionPayloads['timer:extend']): RuleResult {
  return onTimers(ctx, p.tableIds, (t) => ({ ...t, durationMs: Math.max(0, t.durationMs + p.ms) }), 'no timer to extend');
}

/** Stops the timer and sets it back to its full length. */
export function timerReset(ctx: RuleContext, p: ActionPayloads['timer:reset']): RuleResult {
  return onTimers(ctx, p.tableIds, (t) => ({ durationMs: t.durationMs, elapsedMs: 0, startedAt: null }), 'no timer to reset');
}
