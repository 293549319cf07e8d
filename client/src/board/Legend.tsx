import type { Scenario } from '@samenspel/game-core';
import { useT } from '../i18n/useT';
import { RING_FILL, RING_INK, RINGS, supportLabel } from './view';

/** The four support types with their ring colours, innermost first; colour is never the only cue. */
export function Legend({ scenario, big = false }: { scenario: Scenario; big?: boolean }) {
  const t = useT();
  return (
    <section className={`legend${big ? ' legend-big' : ''}`} aria-label={t('support.legend')}>
      <h2 className={big ? 'legend-title' : 'visually-hidden'}>{t('support.legend')}</h2>
      <ol>
        {RINGS.map((type, i) => (
          <li key={type}>
            <span className="legend-swatch" style={{ background: RING_FILL[type], borderColor: RING_INK[type] }} aria-hidden="true">
              {i + 1}
            </span>
            <span>{supportLabel(scenario, type, t)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
