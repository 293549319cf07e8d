import type { ActionPayloads } from '../protocol/index';
import { own } from '../state/ids';
import type { PromptRef, SessionState, TableState } from '../state/types';
import { fail, hostOnly, ok, targetTables, updateTables, type RuleContext, type RuleResult } from './context';
import { unstageAll } from './stepSet';

/**
 * Applies a facilitator control to the named tables (all by default). `change` returns the
 * table unchanged where there is nothing to do; when nothing changes anywhere it is a CONFLICT.
 */
function control(
  ctx: RuleContext,
  what: string,
  tableIds: string[] | undefined,
  change: (table: TableState) => TableState,
  conflict: string,
  extra: (state: SessionState) => SessionState = (s) => s,
): RuleResult {
  const refused = hostOnly(ctx, what);
  if (refused) return refused;
  const target = targetTables(ctx, tableIds);
  if ('error' in target) return target.error;
  const ids = target.ids.filter((id) => change(ctx.state.tables[id]!) !== ctx.state.tables[id]);
  if (ids.length === 0) return fail('CONFLICT', conflict);
  return ok(extra(updateTables(ctx.state, ids, change)));
}

/** "Rust": the facilitator locks the board so the room listens; players' moves are refused. */
export function boardLock(ctx: RuleContext, p: ActionPayloads['board:lock']): RuleResult {
  return control(
    ctx,
    'locks the board',
    p.tableIds,
    (t) => (t.locked === p.locked ? t : { ...t, locked: p.locked }),
    p.locked ? 'the board is already locked' : 'the board is not locked',
  );
}

/** Reveals the persona's interview answers up to `count`, one by one as the actor tells them. */
export function interviewReveal(ctx: RuleContext, p: ActionPayloads['interview:reveal']): RuleResult {
  const refused = hostOnly(ctx, 'leads the interview');
  if (refused) return refused;
  const total = ctx.state.scenario.persona.interview.length;
  if (p.count > total) return fail('OUT_OF_BOUNDS', `the interview has ${total} questions`);
  return control(ctx, 'leads the interview', p.tableIds, (t) => (t.interviewRevealed === p.count ? t : { ...t, interviewRevealed: p.count }), 'those answers are already shown');
}

/** The text a prompt reference points at, or undefined when the scenario has no such question. */
export function promptText(state: SessionState, ref: PromptRef): string | undefined {
  const { scenario } = state;
  switch (ref.kind) {
    case 'step':
      return scenario.prompts[ref.step]?.[ref.index];
    case 'event':
      return scenario.events.find((e) => e.id === ref.eventId)?.questions[ref.index];
    case 'reflection':
      return scenario.reflection.prompts[ref.index];
    case 'praatplaat':
      return scenario.reflection.praatplaat?.[ref.group]?.questions[ref.index];
  }
}

/** Puts one discussion question on the screens and tablets of the named tables, or clears it. */
export function promptShow(ctx: RuleContext, p: ActionPayloads['prompt:show']): RuleResult {
  const refused = hostOnly(ctx, 'chooses the question');
  if (refused) return refused;
  if (p.prompt && promptText(ctx.state, p.prompt) === undefined) return fail('NOT_FOUND', 'no such question in this scenario');
  const same = (a: PromptRef | null, b: PromptRef | null) => JSON.stringify(a) === JSON.stringify(b);
  return control(ctx, 'chooses the question', p.tableIds, (t) => (same(t.prompt, p.prompt) ? t : { ...t, prompt: p.prompt }), 'that question is already shown');
}

/**
 * Step 2, "de situatie op het bord": brings the next starting card (in the scenario's order)
 * onto the wheel, or every card still waiting.
 */
export function situationReveal(ctx: RuleContext, p: ActionPayloads['situation:reveal']): RuleResult {
  const order = ctx.state.scenario.cards.filter((c) => c.placement === 'start').map((c) => c.id);
  return control(
    ctx,
    'builds up the situation',
    p.tableIds,
    (t) => {
      if (p.all) {
        const cards = unstageAll(t.cards);
        return cards === t.cards ? t : { ...t, cards };
      }
      const next = order.find((id) => own(t.cards, id)?.staged);
      return next ? { ...t, cards: { ...t.cards, [next]: { ...t.cards[next]!, staged: false } } } : t;
    },
    'every starting card is already on the board',
  );
}

/** Private mode: cards placed from now on are seen by their placer and the facilitator only. */
export function privacySet(ctx: RuleContext, p: ActionPayloads['privacy:set']): RuleResult {
  return control(
    ctx,
    'switches private mode',
    p.tableIds,
    (t) => (t.private === p.private ? t : { ...t, private: p.private }),
    p.private ? 'private mode is already on' : 'private mode is already off',
  );
}

/** Shows every card placed in private mode to everyone at the table. */
export function cardsReveal(ctx: RuleContext, p: ActionPayloads['cards:reveal']): RuleResult {
  return control(
    ctx,
    'reveals cards',
    p.tableIds,
    (t) => {
      if (!Object.values(t.cards).some((c) => c.hidden)) return t;
      const cards = { ...t.cards };
      for (const [id, c] of Object.entries(cards)) if (c.hidden) cards[id] = { ...c, hidden: false };
      return { ...t, cards };
    },
    'there are no hidden cards',
  );
}

/** Chooses what the big screen shows: one table, two side by side, or a grid of up to six. */
export function screenShow(ctx: RuleContext, p: ActionPayloads['screen:show']): RuleResult {
  const refused = hostOnly(ctx, 'chooses what the big screen shows');
  if (refused) return refused;
  const target = targetTables(ctx, p.tableIds);
  if ('error' in target) return target.error;
  return ok({ ...ctx.state, screenTables: target.ids });
}
