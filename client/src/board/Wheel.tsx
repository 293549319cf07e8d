import type { Scenario } from '@samenspel/game-core';
import { memo } from 'react';
import { scenarioFileUrl } from '../net/api';
import type { Translate } from '../i18n';
import { RING_FILL, RING_INK, RINGS, SCALE, VIEW_HALF, annularSector, initials, isLowerHalf, supportLabel, textArc } from './view';

const TAU = Math.PI * 2;

/** An arc of radius `r` (mat units) from clock angle `a0` to `a1`, clockwise. */
function arc(r: number, a0: number, a1: number): string {
  const p = (a: number) => `${(Math.sin(a) * r * SCALE).toFixed(1)} ${(-Math.cos(a) * r * SCALE).toFixed(1)}`;
  return `M ${p(a0)} A ${r * SCALE} ${r * SCALE} 0 ${a1 - a0 > Math.PI ? 1 : 0} 1 ${p(a1)}`;
}
const SECTOR_FONT = 0.052;
const RING_FONT = 0.034;

interface WheelProps {
  scenario: Scenario;
  /** The persona's age at this table; an event ("Tess wordt 18") can change it. */
  age: number;
  t: Translate;
  /** Where the rings are drawn, per sector (game-core's layout): the persona disc's radius, the ring edges, the rim. */
  rings: readonly (readonly number[])[];
}

/** The printed mat: rings, sectors and their names, and the persona in the middle. Never changes during play. */
export const Wheel = memo(function Wheel({ scenario, age, t, rings }: WheelProps) {
  const CENTRE_RADIUS = rings[0]![0]!;
  // The persona's name and age shrink with her disc when the rings widen.
  const k = CENTRE_RADIUS / 0.2;
  const sectors = scenario.board.sectors;
  const width = TAU / sectors.length;
  const persona = scenario.persona;
  const edgesOf = (sector: number) => rings[sector % rings.length]!;
  /**
   * Where a ring runs at a clock angle: on a sector border, the part of its band both sectors
   * share (their rings may differ where one holds more cards); the later sector's band if they
   * share none.
   */
  const bandAcross = (at: number, ring: number) => {
    const after = Math.round(at / width) % sectors.length;
    const onBorder = Math.abs(at / width - Math.round(at / width)) < 1e-9;
    const here = edgesOf(onBorder ? after : Math.floor(at / width));
    const before = onBorder ? edgesOf((after + sectors.length - 1) % sectors.length) : here;
    const inner = Math.max(here[ring]!, before[ring]!);
    const outer = Math.min(here[ring + 1]!, before[ring + 1]!);
    return outer - inner > RING_FONT * 1.4 ? { inner, outer } : { inner: here[ring]!, outer: here[ring + 1]! };
  };

  return (
    <g className="wheel" aria-hidden="true">
      <rect x={-VIEW_HALF} y={-VIEW_HALF} width={VIEW_HALF * 2} height={VIEW_HALF * 2} className="wheel-mat" />
      {sectors.flatMap((sector, s) =>
        RINGS.map((type, ring) => (
          <path key={`${sector.id}-${type}`} d={annularSector(edgesOf(s)[ring]!, edgesOf(s)[ring + 1]!, s * width, (s + 1) * width)} fill={RING_FILL[type]} />
        )),
      )}
      {sectors.flatMap((sector, s) =>
        edgesOf(s)
          .slice(1, 4)
          .map((r, i) => <path key={`${sector.id}-edge-${i}`} d={arc(r, s * width, (s + 1) * width)} className="wheel-ring-edge" />),
      )}
      {sectors.map((sector, i) => {
        const a = i * width;
        return (
          <line
            key={sector.id}
            className="wheel-divider"
            x1={Math.sin(a) * CENTRE_RADIUS * SCALE}
            y1={-Math.cos(a) * CENTRE_RADIUS * SCALE}
            x2={Math.sin(a) * SCALE}
            y2={-Math.cos(a) * SCALE}
          />
        );
      })}
      <circle r={SCALE} className="wheel-rim" />

      {RINGS.flatMap((type, ring) =>
        // Ring names sit on the sector borders at twelve and six o'clock, where cards rarely lie;
        // twice, so one of them stays readable when cards cover the other.
        [0, Math.PI].map((at) => {
          const label = supportLabel(scenario, type, t);
          const lower = at > 0;
          const band = bandAcross(at, ring);
          const mid = (band.inner + band.outer) / 2 + (lower ? RING_FONT * 0.35 : -RING_FONT * 0.35);
          const span = Math.min(Math.PI * 0.9, (label.length * RING_FONT * 0.62) / mid + 0.1);
          const id = `ring-label-${type}-${lower ? 'b' : 't'}`;
          return (
            <g key={id}>
              <path id={id} d={textArc(mid, at - span / 2, at + span / 2)} fill="none" />
              <text className="wheel-ring-label" fontSize={RING_FONT * SCALE} fill={RING_INK[type]}>
                <textPath href={`#${id}`} startOffset="50%" textAnchor="middle">
                  {label}
                </textPath>
              </text>
            </g>
          );
        }),
      )}

      {sectors.map((sector, i) => {
        const a0 = i * width;
        const a1 = a0 + width;
        const lower = isLowerHalf(a0, a1);
        // Text grows away from its arc; in the lower half that is inwards, so start further out.
        const radius = lower ? 1.03 + SECTOR_FONT * 0.78 : 1.03;
        const id = `sector-label-${sector.id}`;
        return (
          <g key={sector.id}>
            <path id={id} d={textArc(radius, a0 + 0.02, a1 - 0.02)} fill="none" />
            <text className="wheel-sector-label" fontSize={SECTOR_FONT * SCALE}>
              <textPath href={`#${id}`} startOffset="50%" textAnchor="middle">
                {sector.label}
              </textPath>
            </text>
          </g>
        );
      })}

      <circle r={CENTRE_RADIUS * SCALE} className="wheel-persona" />
      {persona.image ? (
        <>
          <clipPath id="persona-clip">
            <circle cy={-0.07 * k * SCALE} r={0.075 * k * SCALE} />
          </clipPath>
          <image
            href={scenarioFileUrl(scenario.id, persona.image)}
            x={-0.075 * k * SCALE}
            y={-0.145 * k * SCALE}
            width={0.15 * k * SCALE}
            height={0.15 * k * SCALE}
            clipPath="url(#persona-clip)"
            preserveAspectRatio="xMidYMid slice"
          />
        </>
      ) : (
        // The scenario's avatar emoji (the report's PDF bundles an emoji font; a projector PC
        // without one falls back to the persona's initials via the font stack's last resort).
        <text className="wheel-persona-avatar" y={-0.06 * k * SCALE} fontSize={0.085 * k * SCALE}>
          {persona.avatar ?? initials(persona.name)}
        </text>
      )}
      <text className="wheel-persona-name" y={0.055 * k * SCALE} fontSize={0.06 * k * SCALE}>
        {persona.name}
      </text>
      <text className="wheel-persona-age" y={0.118 * k * SCALE} fontSize={0.04 * k * SCALE}>
        {t('home.age', { age })}
      </text>
    </g>
  );
});
