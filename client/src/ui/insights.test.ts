import type { Insight, PromptRef, SessionState } from '@samenspel/game-core';
import { describe, expect, it } from 'vitest';
import { scenario, session } from '../test/fixtures';
import { groupInsights } from './insights';

function withQuestions(): SessionState {
  return {
    ...session(),
    scenario: { ...scenario, prompts: { spelen: ['Wat verandert er?'] }, reflection: { prompts: ['Wat viel op?', 'Wat neem je mee?'] } },
  };
}

function insight(id: string, prompt: PromptRef | null): Insight {
  return { id, seatId: 's1', tableId: 't1', text: id, prompt, hidden: false, revealed: true, at: 0 };
}

describe('grouping insights by their question', () => {
  it('puts insights written under the same question together, in the order they were written', () => {
    const game = withQuestions();
    const groups = groupInsights(game, [insight('a', { kind: 'reflection', index: 0 }), insight('b', { kind: 'reflection', index: 0 })]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.insights.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('orders the groups as the scenario asks its questions, with insights without a question last', () => {
    const game = withQuestions();
    const groups = groupInsights(game, [
      insight('none', null),
      insight('second', { kind: 'reflection', index: 1 }),
      insight('first', { kind: 'reflection', index: 0 }),
      insight('play', { kind: 'step', step: 'spelen', index: 0 }),
    ]);
    expect(groups.map((g) => g.insights[0]!.id)).toEqual(['play', 'first', 'second', 'none']);
    expect(groups.at(-1)!.prompt).toBeNull();
  });
});
