import { STEPS, type Insight, type PromptRef, type SessionState } from '@samenspel/game-core';

export interface InsightGroup {
  key: string;
  /** The question the insights were written under; null for those written without one. */
  prompt: PromptRef | null;
  insights: Insight[];
}

/**
 * Insights grouped by the question on the screen when they were written, in the order the
 * scenario asks its questions; those written without a question come last.
 */
export function groupInsights(game: SessionState, insights: readonly Insight[]): InsightGroup[] {
  const groups = new Map<string, InsightGroup>();
  for (const insight of insights) {
    const key = insight.prompt ? JSON.stringify(insight.prompt) : 'none';
    const group = groups.get(key) ?? { key, prompt: insight.prompt, insights: [] };
    group.insights.push(insight);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => rank(game, a.prompt) - rank(game, b.prompt));
}

const KIND_ORDER = ['step', 'event', 'reflection', 'praatplaat'] as const;

/** Where a question comes in the scenario; unknown and absent questions sort last. */
function rank(game: SessionState, prompt: PromptRef | null): number {
  if (!prompt) return Number.MAX_SAFE_INTEGER;
  const kind = KIND_ORDER.indexOf(prompt.kind) * 10_000;
  switch (prompt.kind) {
    case 'step':
      return kind + STEPS.indexOf(prompt.step) * 100 + prompt.index;
    case 'event':
      return kind + game.scenario.events.findIndex((e) => e.id === prompt.eventId) * 100 + prompt.index;
    case 'reflection':
      return kind + prompt.index;
    case 'praatplaat':
      return kind + prompt.group * 100 + prompt.index;
  }
}
