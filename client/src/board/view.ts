import {
  isCardVisible,
  MAT_HALF,
  SUPPORT_TYPES,
  locate,
  round,
  type CardOnBoard,
  type Point,
  type Scenario,
  type SupportType,
  type Viewer,
} from '@samenspel/game-core';
import type { Translate } from '../i18n';
import type { CardMark } from './context';

/*
 * Drawing the wheel. The SVG works in mat units times SCALE, so game-core positions map
 * one-to-one onto the picture and every screen draws the same board at its own size.
 */

export const SCALE = 1000;
/**
 * Half the drawing's width and height. Tokens stand on the mat up to 1.2 from the middle (a
 * token's disc reaches 1.26); the mat beyond (to MAT_HALF) is only room to let go of a token, so
 * the drawing stops at the discs' edge and the wheel gets the room.
 */
export const VIEW_HALF = 1.26 * SCALE;

/**
 * The card font a board asks the layout for, from how many CSS pixels one mat unit takes on
 * this screen. The big screen (read from the back of a room, never touched) aims at 18 px and
 * shrinks as far as it must to show every card; a tablet aims at 14 px and keeps 12 px, and
 * beyond that a crowded cell stacks (a tap lists its cards). Small boards (thumbnails, a grid
 * of tables) show every card, as small as needed.
 */
export function cardFontFor(pxPerUnit: number, big: boolean): { font: number; minFont: number } {
  const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
  if (big || !(pxPerUnit >= 200)) return { font: clamp(18 / pxPerUnit, 0.03, 0.045), minFont: 0.021 };
  return { font: clamp(14 / pxPerUnit, 0.03, 0.07), minFont: clamp(12 / pxPerUnit, 0.021, 0.06) };
}
export const VIEW_BOX = `${-VIEW_HALF} ${-VIEW_HALF} ${VIEW_HALF * 2} ${VIEW_HALF * 2}`;

/**
 * Hit areas and token sizes in mat units; a card's own box comes from game-core's cardLayout. On
 * a 1024×768 tablet, under the top bar, the tabs and an event banner, the board is some 570 px
 * for 2.6 mat units: 0.2 mat units is the 44 px a finger needs.
 */
export const CARD = { minHit: 0.2 };
export const TOKEN = { radius: 0.058, hit: 0.1, font: 0.034, labelFont: 0.036 };

/** Ring fills, innermost first: tints of the Okabe–Ito palette, told apart by colour-blind eyes and by lightness. */
export const RING_FILL: Record<SupportType, string> = {
  eigen: '#f9dda4',
  informeel: '#b7e1d1',
  gemeente: '#c6e3f6',
  landelijk: '#ecd2e2',
};
/** Darker partners of the fills, for swatches and text accents on white. */
export const RING_INK: Record<SupportType, string> = {
  eigen: '#8a5a00',
  informeel: '#00664a',
  gemeente: '#005a8c',
  landelijk: '#8c3d6e',
};

/** The name of a support type: the scenario's own wording first, then ours. */
export function supportLabel(scenario: Scenario, type: SupportType, t: Translate): string {
  return scenario.board.supportTypes?.[type] ?? t(`support.${type}`);
}

/** Where a point lies, in words: "Gemeente (professioneel), Wonen" or "the mat". */
export function describePlace(point: Point, scenario: Scenario, t: Translate): string {
  const cell = locate(point, scenario.board.sectors.length);
  if (cell.kind === 'centre') return t('announce.centre');
  if (cell.kind === 'outside') return t('announce.mat');
  return t('announce.place', {
    ring: supportLabel(scenario, cell.supportType, t),
    sector: scenario.board.sectors[cell.sector]?.label ?? '',
  });
}

/** The support type and sector ids of a point, for labels and test hooks. */
export function cellIds(point: Point, scenario: Scenario): { ring: SupportType | null; sector: string | null } {
  const cell = locate(point, scenario.board.sectors.length);
  if (cell.kind !== 'ring') return { ring: null, sector: null };
  return { ring: cell.supportType, sector: scenario.board.sectors[cell.sector]?.id ?? null };
}

/** An SVG path for the piece of ring between two radii and two clock angles (radians from twelve). */
export function annularSector(r0: number, r1: number, a0: number, a1: number): string {
  const p = (r: number, a: number) => `${fmt(Math.sin(a) * r * SCALE)} ${fmt(-Math.cos(a) * r * SCALE)}`;
  const large = a1 - a0 > Math.PI ? 1 : 0;
  if (a1 - a0 >= Math.PI * 2 - 1e-9) {
    // A full ring cannot be one arc; draw it as two halves.
    const mid = a0 + Math.PI;
    return `M ${p(r1, a0)} A ${r1 * SCALE} ${r1 * SCALE} 0 1 1 ${p(r1, mid)} A ${r1 * SCALE} ${r1 * SCALE} 0 1 1 ${p(r1, a0)} Z M ${p(r0, a0)} A ${r0 * SCALE} ${r0 * SCALE} 0 1 0 ${p(r0, mid)} A ${r0 * SCALE} ${r0 * SCALE} 0 1 0 ${p(r0, a0)} Z`;
  }
  return `M ${p(r1, a0)} A ${r1 * SCALE} ${r1 * SCALE} 0 ${large} 1 ${p(r1, a1)} L ${p(r0, a1)} A ${r0 * SCALE} ${r0 * SCALE} 0 ${large} 0 ${p(r0, a0)} Z`;
}

/**
 * An arc for text to run along, always readable left to right: arcs in the lower half run
 * counter-clockwise so their letters are not upside down.
 */
export function textArc(radius: number, a0: number, a1: number): string {
  const mid = (((a0 + a1) / 2) % (Math.PI * 2) + Math.PI * 2) % (Math.PI * 2);
  const lower = mid > Math.PI / 2 && mid < (Math.PI * 3) / 2;
  const p = (a: number) => `${fmt(Math.sin(a) * radius * SCALE)} ${fmt(-Math.cos(a) * radius * SCALE)}`;
  const r = radius * SCALE;
  const large = a1 - a0 > Math.PI ? 1 : 0;
  return lower ? `M ${p(a1)} A ${r} ${r} 0 ${large} 0 ${p(a0)}` : `M ${p(a0)} A ${r} ${r} 0 ${large} 1 ${p(a1)}`;
}

export function isLowerHalf(a0: number, a1: number): boolean {
  const mid = (a0 + a1) / 2;
  return mid > Math.PI / 2 && mid < (Math.PI * 3) / 2;
}

/** Up to two letters for a token: "Mentor fasehuis" → "MF". */
export function initials(name: string): string {
  const parts = name
    .replace(/[()/]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && /\p{L}/u.test(w[0]!));
  const letters = parts.filter((w) => w[0] === w[0]!.toUpperCase()).map((w) => w[0]!);
  const pick = letters.length >= 2 ? letters : parts.map((w) => w[0]!.toUpperCase());
  return pick.slice(0, 2).join('') || '?';
}

/** Keyboard steps in mat units: arrow keys move a little, with Shift a lot. */
export function nudge(point: Point, key: string, coarse: boolean): Point | null {
  const step = coarse ? 0.2 : 0.05;
  const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[key];
  if (!d) return null;
  return clampToMat({ x: point.x + d[0]!, y: point.y + d[1]! });
}

export function clampToMat(p: Point): Point {
  const c = (n: number) => round(Math.min(MAT_HALF, Math.max(-MAT_HALF, n)));
  return { x: c(p.x), y: c(p.y) };
}

export const RINGS = SUPPORT_TYPES;

function fmt(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

/**
 * How a card appears to a board's viewer: on the wheel, as the facilitator's ghost of a starting
 * card still to come, or not at all. The trainer's preview shows the whole situation at once.
 */
export function cardAppearance(card: CardOnBoard, viewer: Viewer | null, board: { preview: boolean; interactive: boolean }): 'card' | 'staged' | null {
  if (board.preview) return 'card';
  if (card.staged) return board.interactive && viewer?.kind === 'host' ? 'staged' : null;
  return isCardVisible(card, viewer) ? 'card' : null;
}

/** Card id → how it changed, for a board that highlights changes; a card both added and moved counts as added. */
export function markMap(h: { added: readonly string[]; moved: readonly string[] }): ReadonlyMap<string, CardMark> {
  const marks = new Map<string, CardMark>();
  for (const id of h.moved) marks.set(id, 'moved');
  for (const id of h.added) marks.set(id, 'added');
  return marks;
}

/** A layout's ring edges per sector as an attribute (`data-rings`): sectors by ";", edges by " ". */
export function ringsAttribute(rings: readonly (readonly number[])[]): string {
  return rings.map((edges) => edges.join(' ')).join(';');
}

/** The ring edges per sector from `data-rings`, or null when the attribute is not such a list. */
export function readRingsAttribute(text: string | undefined): number[][] | null {
  if (!text) return null;
  const rings = text.split(';').map((edges) => edges.split(' ').map(Number));
  return rings.every((edges) => edges.length === 5 && edges.every(Number.isFinite)) ? rings : null;
}
