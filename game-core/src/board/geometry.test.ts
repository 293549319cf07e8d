import { describe, expect, it } from 'vitest';
import {
  CENTRE_RADIUS,
  MAT_HALF,
  RING_EDGES,
  SUPPORT_TYPES,
  angleOf,
  cellPoint,
  fromPolar,
  isOnMat,
  locate,
  moveToRing,
  ringAt,
  sectorAt,
  tokenStartPoint,
  type Cell,
} from './geometry';

const TAU = Math.PI * 2;
/** A point straight above the centre (twelve o'clock) at radius r. */
const up = (r: number) => ({ x: 0, y: -r });
/** A point at an exact angle and radius, without the four-decimal rounding of fromPolar. */
const exact = (r: number, angle: number) => ({ x: Math.sin(angle) * r, y: -Math.cos(angle) * r });

function ringCell(cell: Cell) {
  if (cell.kind !== 'ring') throw new Error(`expected a ring cell, got ${cell.kind}`);
  return cell;
}

describe('locate: rings', () => {
  it('puts the centre point in the persona disc', () => {
    expect(locate({ x: 0, y: 0 }, 6)).toEqual({ kind: 'centre' });
  });

  it('puts a point just inside the persona disc in the centre', () => {
    expect(locate(up(0.2 - 1e-9), 6)).toEqual({ kind: 'centre' });
    expect(locate({ x: 0.19, y: 0 }, 8)).toEqual({ kind: 'centre' });
  });

  it('puts a point exactly on the persona disc edge (r = 0.2) in the innermost ring', () => {
    expect(ringCell(locate(up(CENTRE_RADIUS), 6))).toMatchObject({ ring: 0, supportType: 'eigen' });
  });

  it('puts a point exactly on each inner ring edge in the ring outside that edge', () => {
    // [0.4, 0.6, 0.8] open rings 1, 2 and 3.
    for (const i of [1, 2, 3]) {
      const edge = RING_EDGES[i]!;
      expect(ringCell(locate(up(edge), 6)).ring).toBe(i);
      expect(ringCell(locate(up(edge - 1e-9), 6)).ring).toBe(i - 1);
    }
  });

  it('keeps a point exactly on the outer rim (r = 1) in the outer ring', () => {
    expect(ringCell(locate(up(1), 6))).toMatchObject({ ring: 3, supportType: 'landelijk' });
    expect(ringCell(locate({ x: 1, y: 0 }, 8))).toMatchObject({ ring: 3 });
  });

  it('puts a point just beyond the rim outside the wheel', () => {
    expect(locate(up(1 + 1e-9), 6)).toEqual({ kind: 'outside' });
    expect(locate({ x: 1.2, y: 0.3 }, 6)).toEqual({ kind: 'outside' });
  });

  it('names each ring by its support type, innermost first', () => {
    const types = [0.3, 0.5, 0.7, 0.9].map((r) => ringCell(locate(up(r), 6)).supportType);
    expect(types).toEqual([...SUPPORT_TYPES]);
  });

  it('has no ring for radii in the disc, beyond the rim, or NaN', () => {
    expect(ringAt(0)).toBeNull();
    expect(ringAt(0.1999)).toBeNull();
    expect(ringAt(1.0001)).toBeNull();
    expect(ringAt(Number.NaN)).toBeNull();
    expect(ringAt(0.2)).toBe(0);
    expect(ringAt(1)).toBe(3);
  });
});

describe('locate: sectors', () => {
  it('puts exactly twelve o\'clock in sector 0', () => {
    expect(ringCell(locate(up(0.5), 6)).sector).toBe(0);
    expect(ringCell(locate(up(0.5), 8)).sector).toBe(0);
    expect(ringCell(locate({ x: -0, y: -0.5 }, 8)).sector).toBe(0);
  });

  it('puts a point just left of twelve o\'clock in the last sector', () => {
    expect(ringCell(locate({ x: -1e-9, y: -0.5 }, 6)).sector).toBe(5);
    expect(ringCell(locate({ x: -1e-9, y: -0.5 }, 8)).sector).toBe(7);
  });

  it('runs sectors clockwise: three o\'clock comes before six and nine', () => {
    const at = (p: { x: number; y: number }) => ringCell(locate(p, 4)).sector;
    expect([at({ x: 0.5, y: 0 }), at({ x: 0, y: 0.5 }), at({ x: -0.5, y: 0 })]).toEqual([1, 2, 3]);
  });

  for (const count of [6, 8]) {
    it(`starts sector k exactly on its boundary angle with ${count} sectors`, () => {
      const width = TAU / count;
      for (let k = 0; k < count; k++) {
        expect(sectorAt(width * k, count)).toBe(k);
        // Just before the boundary is still the previous sector (sector 0 wraps to the last).
        expect(sectorAt(width * k - 1e-9, count)).toBe((k + count - 1) % count);
        expect(sectorAt(width * k + 1e-9, count)).toBe(k);
        // And the same holds for real points on the mat, away from the float edge.
        expect(ringCell(locate(exact(0.7, width * k + 1e-6), count)).sector).toBe(k);
        expect(ringCell(locate(exact(0.7, width * k - 1e-6), count)).sector).toBe((k + count - 1) % count);
      }
    });
  }

  it('puts a card lying exactly on a sector edge in the sector that starts there', () => {
    // These points lie exactly on edges of an 8-sector wheel: 1:30, 3, 4:30, 6, 7:30 and 9.
    const at8 = (x: number, y: number) => ringCell(locate({ x, y }, 8)).sector;
    expect(at8(0.5, -0.5)).toBe(1);
    expect(at8(0.5, 0)).toBe(2);
    expect(at8(0.5, 0.5)).toBe(3);
    expect(at8(0, 0.5)).toBe(4);
    expect(at8(-0.5, 0.5)).toBe(5);
    expect(at8(-0.5, 0)).toBe(6);
    expect(at8(-0.5, -0.5)).toBe(7);
    // Six o'clock is the edge between sectors 2 and 3 of a 6-sector wheel.
    expect(ringCell(locate({ x: 0, y: 0.5 }, 6)).sector).toBe(3);
  });

  it('wraps angles near and beyond 2π back to the start of the wheel', () => {
    expect(sectorAt(TAU - 1e-9, 6)).toBe(5);
    expect(sectorAt(TAU, 6)).toBe(0);
    expect(sectorAt(TAU + 1e-9, 6)).toBe(0);
    expect(sectorAt(-1e-9, 6)).toBe(5);
    expect(sectorAt(3 * TAU + Math.PI, 6)).toBe(3);
  });

  it('never returns a sector past the last one for an angle a hair under 2π', () => {
    for (const count of [3, 6, 7, 8, 10]) {
      for (const angle of [TAU * (1 - Number.EPSILON), TAU - 1e-15, -Number.MIN_VALUE]) {
        const s = sectorAt(angle, count);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThan(count);
      }
    }
  });

  it('refuses a wheel without sectors', () => {
    expect(() => sectorAt(1, 0)).toThrow(RangeError);
  });

  it('measures angles clockwise from twelve o\'clock in [0, 2π)', () => {
    expect(angleOf({ x: 0, y: -1 })).toBe(0);
    expect(angleOf({ x: 1, y: 0 })).toBeCloseTo(Math.PI / 2);
    expect(angleOf({ x: 0, y: 1 })).toBeCloseTo(Math.PI);
    expect(angleOf({ x: -1, y: 0 })).toBeCloseTo((3 * Math.PI) / 2);
  });
});

describe('cellPoint', () => {
  it('lands inside the requested cell for every ring and sector, for one card or several', () => {
    for (const count of [3, 6, 8, 10]) {
      for (let ring = 0; ring < 4; ring++) {
        for (let sector = 0; sector < count; sector++) {
          for (const slots of [1, 2, 3, 4, 7, 9]) {
            for (let slot = 0; slot < slots; slot++) {
              const cell = locate(cellPoint(ring, sector, count, slot, slots), count);
              expect(cell, `ring ${ring} sector ${sector}/${count} slot ${slot}/${slots}`).toMatchObject({
                kind: 'ring',
                ring,
                sector,
              });
            }
          }
        }
      }
    }
  });

  it('gives cards that share a cell different spots', () => {
    const points = [0, 1, 2, 3, 4].map((slot) => cellPoint(2, 1, 6, slot, 5));
    expect(new Set(points.map((p) => `${p.x},${p.y}`)).size).toBe(5);
  });

  it('rounds coordinates to four decimals for the wire', () => {
    const p = cellPoint(1, 2, 7, 1, 3);
    expect(Math.round(p.x * 10000) / 10000).toBe(p.x);
    expect(Math.round(p.y * 10000) / 10000).toBe(p.y);
  });
});

describe('moveToRing', () => {
  it('keeps the sector and moves the point into the middle of the target ring', () => {
    for (const count of [6, 8]) {
      for (let sector = 0; sector < count; sector++) {
        const from = cellPoint(3, sector, count);
        for (let ring = 0; ring < 4; ring++) {
          const to = moveToRing(from, ring, count);
          expect(locate(to, count)).toMatchObject({ kind: 'ring', ring, sector });
          expect(Math.hypot(to.x, to.y)).toBeCloseTo((RING_EDGES[ring]! + RING_EDGES[ring + 1]!) / 2, 3);
          expect(angleOf(to)).toBeCloseTo(angleOf(from), 3);
        }
      }
    }
  });

  it('keeps the sector of a point lying right against a sector edge', () => {
    // Rounding the new point to four decimals used to tip such points into the neighbour.
    for (const count of [3, 6, 8]) {
      const width = TAU / count;
      for (let k = 0; k < count; k++) {
        for (const d of [-1e-4, -1e-5, 1e-5, 1e-4]) {
          const from = exact(0.95, width * k + d);
          const sector = ringCell(locate(from, count)).sector;
          for (let ring = 0; ring < 4; ring++) {
            expect(locate(moveToRing(from, ring, count), count)).toMatchObject({ ring, sector });
            expect(locate(moveToRing(from, ring, count, sector), count)).toMatchObject({ ring, sector });
          }
        }
      }
    }
  });

  it('moves to the middle of a named sector when the point lies in another one', () => {
    const from = cellPoint(0, 0, 6);
    const to = moveToRing(from, 2, 6, 3);
    expect(locate(to, 6)).toMatchObject({ kind: 'ring', ring: 2, sector: 3 });
    expect(angleOf(to)).toBeCloseTo((TAU / 6) * 3.5, 3);
  });

  it('leaves the angle alone when the named sector is the one the point is in', () => {
    const from = cellPoint(3, 4, 8, 0, 3);
    expect(angleOf(moveToRing(from, 1, 8, 4))).toBeCloseTo(angleOf(from), 3);
  });
});

describe('the mat', () => {
  it('accepts points within the square of half-width 1.3, edges included', () => {
    expect(isOnMat({ x: 0, y: 0 })).toBe(true);
    expect(isOnMat({ x: MAT_HALF, y: -MAT_HALF })).toBe(true);
    expect(isOnMat({ x: -1.29, y: 1.29 })).toBe(true);
  });

  it('rejects points off the mat and non-finite coordinates', () => {
    expect(isOnMat({ x: 1.3001, y: 0 })).toBe(false);
    expect(isOnMat({ x: 0, y: -1.31 })).toBe(false);
    expect(isOnMat({ x: Number.NaN, y: 0 })).toBe(false);
    expect(isOnMat({ x: 0, y: Number.POSITIVE_INFINITY })).toBe(false);
  });

  it('starts every token on the mat but outside the wheel', () => {
    for (const count of [1, 2, 3, 5, 8, 12]) {
      const points = Array.from({ length: count }, (_, i) => tokenStartPoint(i, count));
      for (const p of points) {
        expect(isOnMat(p)).toBe(true);
        expect(locate(p, 6)).toEqual({ kind: 'outside' });
      }
      expect(new Set(points.map((p) => `${p.x},${p.y}`)).size).toBe(count);
    }
  });

  it('starts tokens clear of the sector names on the rim, never beside the middle of the left and right sides', () => {
    for (const count of [1, 4, 12, 16]) {
      for (let i = 0; i < count; i++) {
        const p = tokenStartPoint(i, count);
        expect(Math.hypot(p.x, p.y)).toBeGreaterThan(1.15);
        // There the mat is too narrow beside the wheel for a name label to clear the sector names.
        if (Math.abs(p.x) > 1) expect(Math.abs(p.y)).toBeGreaterThanOrEqual(0.66);
      }
    }
  });

  it('converts polar to screen coordinates with twelve o\'clock up', () => {
    expect(fromPolar(1, 0)).toEqual({ x: 0, y: -1 });
    expect(fromPolar(0.5, Math.PI / 2)).toEqual({ x: 0.5, y: -0 });
  });
});
