import type { ActionPayloads } from '../protocol/index';
import type { ScenarioPoll } from '../scenario/schema';
import { own } from '../state/ids';
import type { PollState, SessionState } from '../state/types';
import { fail, hostOnly, ok, type RuleContext, type RuleResult } from './context';

/** A statement without its own labels is answered on a five-point scale, disagree to agree. */
export const DEFAULT_SCALE_POINTS = 5;

/** How many answers a poll offers. */
export function pollOptionCount(def: ScenarioPoll): number {
  return def.options?.length ?? (def.kind === 'scale' ? DEFAULT_SCALE_POINTS : 0);
}

/** Counts per option, optionally only of the seats at some tables (for the report per table). */
export function pollTally(state: SessionState, pollId: string, tableId?: string): number[] {
  const def = state.scenario.polls.find((p) => p.id === pollId);
  const poll = own(state.polls, pollId);
  const counts = new Array<number>(def ? pollOptionCount(def) : 0).fill(0);
  if (!poll) return counts;
  for (const [seatId, option] of Object.entries(poll.answers)) {
    if (tableId && own(state.seats, seatId)?.tableId !== tableId) continue;
    // A vote whose option this viewer may not know (see `playerView`) counts for none.
    if (option >= 0 && option < counts.length) counts[option]!++;
  }
  return counts;
}

function findPoll(ctx: RuleContext, pollId: string): { def: ScenarioPoll; poll: PollState | undefined } | null {
  const def = ctx.state.scenario.polls.find((p) => p.id === pollId);
  return def ? { def, poll: own(ctx.state.polls, pollId) } : null;
}

function withPoll(state: SessionState, poll: PollState, activePoll: string | null = state.activePoll): SessionState {
  return { ...state, polls: { ...state.polls, [poll.pollId]: poll }, activePoll };
}

/** Opens a warm-up poll and puts it on every screen; answers given earlier are kept. */
export function pollOpen(ctx: RuleContext, p: ActionPayloads['poll:open']): RuleResult {
  const refused = hostOnly(ctx, 'opens polls');
  if (refused) return refused;
  const found = findPoll(ctx, p.pollId);
  if (!found) return fail('NOT_FOUND', `poll ${p.pollId} is not in this scenario`);
  if (found.poll?.status === 'open' && ctx.state.activePoll === p.pollId) return fail('CONFLICT', 'this poll is already open');
  // Only one question at a time: opening a poll closes the one before it.
  let state = ctx.state;
  const previous = state.activePoll ? own(state.polls, state.activePoll) : undefined;
  if (previous && previous.pollId !== p.pollId && previous.status === 'open') state = withPoll(state, { ...previous, status: 'closed' });
  const poll: PollState = found.poll ? { ...found.poll, status: 'open' } : { pollId: p.pollId, status: 'open', revealed: false, answers: {}, openedAt: ctx.now };
  return ok(withPoll(state, poll, p.pollId));
}

/** A player answers the open poll; answering again changes the answer. */
export function pollAnswer(ctx: RuleContext, p: ActionPayloads['poll:answer']): RuleResult {
  if (ctx.actor.kind !== 'seat') return fail('NOT_SEATED', 'choose a role before answering');
  const seatId = ctx.actor.seatId;
  if (!own(ctx.state.seats, seatId)) return fail('NOT_SEATED', 'this seat no longer exists');
  const found = findPoll(ctx, p.pollId);
  if (!found || !found.poll) return fail('NOT_FOUND', `poll ${p.pollId} is not open`);
  if (found.poll.status !== 'open') return fail('POLL_CLOSED', 'this poll is closed');
  if (p.option >= pollOptionCount(found.def)) return fail('OUT_OF_BOUNDS', `this poll has ${pollOptionCount(found.def)} answers`);
  if (own(found.poll.answers, seatId) === p.option) return fail('CONFLICT', 'this is already your answer');
  return ok(withPoll(ctx.state, { ...found.poll, answers: { ...found.poll.answers, [seatId]: p.option } }));
}

/** Stops taking answers; the poll stays on the screens until it is dismissed. */
export function pollClose(ctx: RuleContext, p: ActionPayloads['poll:close']): RuleResult {
  const refused = hostOnly(ctx, 'closes polls');
  if (refused) return refused;
  const found = findPoll(ctx, p.pollId);
  if (!found?.poll) return fail('NOT_FOUND', `poll ${p.pollId} was never opened`);
  if (found.poll.status === 'closed') return fail('CONFLICT', 'this poll is already closed');
  return ok(withPoll(ctx.state, { ...found.poll, status: 'closed' }));
}

/** Shows the counts on the big screen and the tablets, or takes them away again. */
export function pollReveal(ctx: RuleContext, p: ActionPayloads['poll:reveal']): RuleResult {
  const refused = hostOnly(ctx, 'reveals results');
  if (refused) return refused;
  const found = findPoll(ctx, p.pollId);
  if (!found?.poll) return fail('NOT_FOUND', `poll ${p.pollId} was never opened`);
  if (found.poll.revealed === p.revealed) return fail('CONFLICT', p.revealed ? 'the result is already shown' : 'the result is not shown');
  return ok(withPoll(ctx.state, { ...found.poll, revealed: p.revealed }, p.pollId));
}

/** Takes the poll off every screen. Its answers stay, for the report. */
export function pollDismiss(ctx: RuleContext, _p: ActionPayloads['poll:dismiss']): RuleResult {
  const refused = hostOnly(ctx, 'dismisses polls');
  if (refused) return refused;
  const id = ctx.state.activePoll;
  if (!id) return fail('CONFLICT', 'no poll is on the screens');
  const poll = own(ctx.state.polls, id);
  const state = poll && poll.status === 'open' ? withPoll(ctx.state, { ...poll, status: 'closed' }) : ctx.state;
  return ok({ ...state, activePoll: null });
}
