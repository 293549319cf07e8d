import type { ActionPayloads } from '../protocol/index';
import { fail, ok, type RuleContext, type RuleResult } from './context';

/** "Rust": the facilitator locks the board so the room listens; players' moves are refused. */
export function boardLock(ctx: RuleContext, p: ActionPayloads['board:lock']): RuleResult {
  if (ctx.actor.kind !== 'host') return fail('FORBIDDEN', 'only the facilitator locks the board');
  if (ctx.state.locked === p.locked) return fail('CONFLICT', p.locked ? 'the board is already locked' : 'the board is not locked');
  return ok({ ...ctx.state, locked: p.locked });
}

/** Reveals the persona's interview answers up to `count`, one by one as the actor tells them. */
export function interviewReveal(ctx: RuleContext, p: ActionPayloads['interview:reveal']): RuleResult {
  if (ctx.actor.kind !== 'host') return fail('FORBIDDEN', 'only the facilitator leads the interview');
  const total = ctx.state.scenario.persona.interview.length;
  if (p.count > total) return fail('OUT_OF_BOUNDS', `the interview has ${total} questions`);
  return ok({ ...ctx.state, interviewRevealed: p.count });
}

/** Puts one discussion question on every screen, or clears it. */
export function promptShow(ctx: RuleContext, p: ActionPayloads['prompt:show']): RuleResult {
  if (ctx.actor.kind !== 'host') return fail('FORBIDDEN', 'only the facilitator chooses the question');
  const ref = p.prompt;
  if (ref) {
    const { scenario } = ctx.state;
    const list =
      ref.kind === 'step'
        ? scenario.prompts[ref.step]
        : ref.kind === 'event'
          ? scenario.events.find((e) => e.id === ref.eventId)?.questions
          : scenario.reflection.prompts;
    if (!list || ref.index >= list.length) return fail('NOT_FOUND', 'no such question in this scenario');
  }
  return ok({ ...ctx.state, prompt: ref });
}
