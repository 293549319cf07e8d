import { cellPoint } from '@samenspel/game-core';
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Vars } from '../i18n';
import { scenario } from '../test/fixtures';
import { cellIds, clampToMat, describePlace, initials, nudge, supportLabel, wrapLabel } from './view';

const t = (key: MessageKey, vars?: Vars) => translate('nl', key, vars);

describe('drawing the wheel', () => {
  it('wraps a card label on word boundaries within the line length', () => {
    expect(wrapLabel('Woont in een fasehuis van de jeugdzorg', 14, 3)).toEqual(['Woont in een', 'fasehuis van', 'de jeugdzorg']);
  });

  it('ends a label that does not fit with an ellipsis', () => {
    const lines = wrapLabel('Kassawerk bij de drogist in het weekend en op koopavond', 13, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(13);
  });

  it('breaks a word longer than a line with a hyphen', () => {
    expect(wrapLabel('Studieloopbaanbegeleider', 13, 3)).toEqual(['Studieloopba-', 'anbegeleider']);
  });

  it('names the ring and sector a point lies in, in the scenario’s words', () => {
    const p = cellPoint(2, 0, scenario.board.sectors.length);
    expect(cellIds(p, scenario)).toEqual({ ring: 'gemeente', sector: 'wonen' });
    expect(describePlace(p, scenario, t)).toBe('Gemeente (professioneel), Wonen');
    expect(describePlace({ x: 1.2, y: 1.2 }, scenario, t)).toBe('de mat, buiten het wiel');
  });

  it('prefers the scenario’s own name for a support type', () => {
    const relabelled = { ...scenario, board: { ...scenario.board, supportTypes: { landelijk: 'Rijk en provincie' } } };
    expect(supportLabel(relabelled, 'landelijk', t)).toBe('Rijk en provincie');
    expect(supportLabel(relabelled, 'eigen', t)).toBe('Eigen kracht');
  });

  it('makes token initials from the capitalised words of a role name', () => {
    expect(initials('Mentor fasehuis')).toBe('MF');
    expect(initials('Klantmanager Werk & Inkomen')).toBe('KW');
    expect(initials('Tess')).toBe('T');
  });

  it('moves a keyboard cursor in small steps and never off the mat', () => {
    expect(nudge({ x: 0, y: 0 }, 'ArrowRight', false)).toEqual({ x: 0.05, y: 0 });
    expect(nudge({ x: 0, y: 0 }, 'ArrowUp', true)).toEqual({ x: 0, y: -0.2 });
    expect(nudge({ x: 1.29, y: 0 }, 'ArrowRight', true)).toEqual({ x: 1.3, y: 0 });
    expect(nudge({ x: 0, y: 0 }, 'Enter', false)).toBeNull();
    expect(clampToMat({ x: -5, y: 5 })).toEqual({ x: -1.3, y: 1.3 });
  });
});
