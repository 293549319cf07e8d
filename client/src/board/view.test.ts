import { cellPoint } from '@samenspel/game-core';
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Vars } from '../i18n';
import { scenario } from '../test/fixtures';
import type { CardOnBoard } from '@samenspel/game-core';
import { cardAppearance, cellIds, clampToMat, describePlace, initials, markMap, nudge, supportLabel } from './view';

const t = (key: MessageKey, vars?: Vars) => translate('nl', key, vars);

describe('drawing the wheel', () => {
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

describe('which cards a board draws', () => {
  const card = (over: Partial<CardOnBoard>): CardOnBoard => ({
    id: 'c', defId: 'c', label: 'Kaart', law: null, roleId: null, x: 0.3, y: 0, rev: 0, placedBy: 's1', note: '', staged: false, hidden: false, paused: null, ...over,
  });
  const live = { preview: false, interactive: true };

  it('shows a starting card still to come only to the facilitator, as a ghost', () => {
    const staged = card({ staged: true });
    expect(cardAppearance(staged, { kind: 'host' }, live)).toBe('staged');
    expect(cardAppearance(staged, { kind: 'seat', seatId: 's1' }, live)).toBeNull();
    expect(cardAppearance(staged, { kind: 'screen' }, { preview: false, interactive: false })).toBeNull();
  });

  it('leaves staged ghosts off a read-only history board, even the facilitator’s', () => {
    expect(cardAppearance(card({ staged: true }), { kind: 'host' }, { preview: false, interactive: false })).toBeNull();
  });

  it('draws a private card for its placer and the facilitator, not for other players or the screen', () => {
    const secret = card({ hidden: true, placedBy: 's1' });
    expect(cardAppearance(secret, { kind: 'seat', seatId: 's1' }, live)).toBe('card');
    expect(cardAppearance(secret, { kind: 'host' }, live)).toBe('card');
    expect(cardAppearance(secret, { kind: 'seat', seatId: 's2' }, live)).toBeNull();
    expect(cardAppearance(secret, { kind: 'screen' }, live)).toBeNull();
  });

  it('shows the whole starting situation in the trainer’s preview', () => {
    expect(cardAppearance(card({ staged: true }), { kind: 'screen' }, { preview: true, interactive: false })).toBe('card');
  });

  it('marks a card that is both new and moved as new', () => {
    const marks = markMap({ added: ['a', 'b'], moved: ['b', 'c'] });
    expect([...marks.entries()].sort()).toEqual([['a', 'added'], ['b', 'added'], ['c', 'moved']]);
  });
});
