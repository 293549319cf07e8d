import { CARD_SHAPES, setLabel, wrapWords } from '@samenspel/game-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hyphenStore, loadHyphenation } from './hyphenate';

describe('Dutch hyphenation on the wheel', () => {
  beforeAll(() => loadHyphenation());

  const hyphenate = () => hyphenStore.getState().hyphenate!;

  it('breaks long Dutch words where the Dutch patterns allow, not mid-syllable', () => {
    const lines = wrapWords('Studieloopbaanbegeleider', 7, 3, hyphenate());
    expect(lines.join('|')).not.toMatch(/stud-|Stud-/);
    expect(lines[0]).toMatch(/^(Studie|Studieloop|Studieloopbaan|Studieloopbaanbe|Studieloopbaanbege|Studieloopbaanbegelei)-$/);
    expect(lines.join('').replaceAll('-', '')).toBe('Studieloopbaanbegeleider');
  });

  it('sets "Crisislogeeropvang" at the word\'s own joints', () => {
    const set = setLabel('Crisislogeeropvang', hyphenate(), CARD_SHAPES[1]);
    const lines = set.lines;
    expect(set.cut).toBe(false);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).not.toContain('logee-ropvang');
    expect(lines.join('|')).not.toMatch(/logee-/);
    expect(lines.join('').replaceAll('-', '')).toBe('Crisislogeeropvang');
  });
});
