import type { ActionPayloads } from '../protocol/index';
import type { TimerState } from '../state/types';
import { fail, ok, type RuleContext, type RuleResult } from './context';

/** Milliseconds left on the timer at `now`; negative once it has run out. */
export function timerRemaining(timer: TimerState, now: number): number {
  const running = timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt);
  return timer.durationMs - timer.elapsedMs - running;
}

/** Starts the shared timer, or resumes it; a new duration starts it afresh. */
export function timerStart(ctx: RuleContext, p: ActionPayloads['timer:start']): RuleResult {
  if (ctx.actor.kind !== 'host') return fail('FORBIDDEN', 'only the facilitator runs the timer');
  const t = ctx.state.timer;
  if (p.durationMs !== undefined) return ok({ ...ctx.state, timer: { durationMs: p.durationMs, elapsedMs: 0, startedAt: ctx.now } });
  if (t.startedAt !== null) return fail('CONFLICT', 'the timer is already running');
  return ok({ ...ctx.state, timer: { ...t, startedAt: ctx.now } });
}

/** Pauses the timer, keeping the time that has passed. */
export function timerPause(ctx: RuleContext, _p: ActionPayloads['timer:pause']): RuleResult {
  if (ctx.actor.kind !== 'host') return fail('FORBIDDEN', 'only the facilitator runs the timer');
  const t = ctx.state.timer;
  if (t.startedAt === null) return fail('CONFLICT', 'the timer is not running');
  return ok({ ...ctx.state, timer: { ...t, elapsedMs: t.elapsedMs + Math.max(0, ctx.now - t.startedAt), startedAt: null } });
}

/** Adds (or takes off) time, e.g. "+1 minute" when the conversation is good. */
export function timerExtend(ctx: RuleContext, p: ActionPayloads['timer:extend']): RuleResult {
  if (ctx.actor.kind !== 'host') return fail('FORBIDDEN', 'only the facilitator runs the timer');
  const t = ctx.state.timer;
  return ok({ ...ctx.state, timer: { ...t, durationMs: Math.max(0, t.durationMs + p.ms) } });
}

/** Stops the timer and sets it back to its full length. */
export function timerReset(ctx: RuleContext, _p: ActionPayloads['timer:reset']): RuleResult {
  if (ctx.actor.kind !== 'host') return fail('FORBIDDEN', 'only the facilitator runs the timer');
  return ok({ ...ctx.state, timer: { durationMs: ctx.state.timer.durationMs, elapsedMs: 0, startedAt: null } });
}
