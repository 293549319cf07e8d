import type { ActionPayloads } from '../protocol/index';
import { fail, ok, type RuleContext, type RuleResult } from './context';

/** The facilitator moves the whole session to one of the four steps (back or forward). */
export function stepSet(ctx: RuleContext, p: ActionPayloads['step:set']): RuleResult {
  if (ctx.actor.kind !== 'host') return fail('FORBIDDEN', 'only the facilitator changes the step');
  if (ctx.state.step === p.step) return fail('CONFLICT', `the session is already at ${p.step}`);
  return ok({ ...ctx.state, step: p.step });
}
