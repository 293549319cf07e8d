import type { ActionPayloads, ActionType, CommittedAction } from '../protocol/index';
import { cardMove } from '../rules/cardMove';
import { cardPlace } from '../rules/cardPlace';
import { cardRemove } from '../rules/cardRemove';
import { eventFire } from '../rules/eventFire';
import { boardLock, cardsReveal, interviewReveal, privacySet, promptShow, screenShow, situationReveal } from '../rules/facilitation';
import { cardNote } from '../rules/cardNote';
import { cardRedact } from '../rules/cardRedact';
import { cardPause } from '../rules/cardPause';
import { insightAdd, insightRemove, insightSet, insightsReveal } from '../rules/insight';
import { linkAdd, linkRemove } from '../rules/link';
import { pollAnswer, pollClose, pollDismiss, pollOpen, pollReveal } from '../rules/poll';
import { seatReassign } from '../rules/seatReassign';
import { timerExtend, timerPause, timerReset, timerStart } from '../rules/timer';
import type { RuleContext, RuleResult } from '../rules/context';
import { seatClaim } from '../rules/seatClaim';
import { seatRelease } from '../rules/seatRelease';
import { stepSet, stepSummon } from '../rules/stepSet';
import { tableAdd } from '../rules/tableAdd';
import { tokenMove } from '../rules/tokenMove';
import type { SessionState } from '../state/types';

type Rule<K extends ActionType> = (ctx: RuleContext, payload: ActionPayloads[K]) => RuleResult;

export const RULES: { [K in ActionType]: Rule<K> } = {
  'seat:claim': seatClaim,
  'seat:release': seatRelease,
  'card:place': cardPlace,
  'card:move': cardMove,
  'card:remove': cardRemove,
  'token:move': tokenMove,
  'card:note': cardNote,
  'card:redact': cardRedact,
  'card:pause': cardPause,
  'link:add': linkAdd,
  'link:remove': linkRemove,
  'seat:reassign': seatReassign,
  'table:add': tableAdd,
  'step:set': stepSet,
  'step:summon': stepSummon,
  'event:fire': eventFire,
  'timer:start': timerStart,
  'timer:pause': timerPause,
  'timer:extend': timerExtend,
  'timer:reset': timerReset,
  'board:lock': boardLock,
  'interview:reveal': interviewReveal,
  'prompt:show': promptShow,
  'situation:reveal': situationReveal,
  'privacy:set': privacySet,
  'cards:reveal': cardsReveal,
  'poll:open': pollOpen,
  'poll:answer': pollAnswer,
  'poll:close': pollClose,
  'poll:reveal': pollReveal,
  'poll:dismiss': pollDismiss,
  'insight:add': insightAdd,
  'insight:set': insightSet,
  'insight:remove': insightRemove,
  'insights:reveal': insightsReveal,
  'screen:show': screenShow,
};

/** Applies one action. The server and every client run exactly this on the same log. */
export function applyAction(state: SessionState, action: Omit<CommittedAction, 'actionId'>): RuleResult {
  // Own keys only: a type like 'constructor' must not reach Object.prototype.
  const rule = Object.hasOwn(RULES, action.type) ? (RULES[action.type] as Rule<ActionType>) : undefined;
  if (!rule) return { ok: false, code: 'UNKNOWN_EVENT', message: `unknown action ${String(action.type)}` };
  return rule({ state, actor: action.actor, now: action.at, version: action.version }, action.payload);
}

/** Replays a log on a state. A failing action in a stored log means the log is corrupt. */
export function replay(state: SessionState, actions: readonly CommittedAction[]): SessionState {
  let current = state;
  for (const action of actions) {
    const result = applyAction(current, action);
    if (!result.ok) throw new Error(`log replay failed at version ${action.version}: ${result.code} ${result.message}`);
    current = result.state;
  }
  return current;
}
