import { STEPS, type Step } from '@samenspel/game-core';
import { useT } from '../i18n/useT';
import { useApp } from '../store';

/** The workshop step a table is in (by default the one this device looks at), so nobody has to ask. */
export function StepIndicator({ size = 'normal', tableId }: { size?: 'normal' | 'big'; tableId?: string }) {
  const t = useT();
  const step = useApp((s) => {
    const id = tableId ?? s.tableId;
    return id ? (s.game?.tables[id]?.step ?? null) : null;
  });
  if (!step) return null;
  const index = STEPS.indexOf(step);
  return (
    <div className={`step-indicator step-indicator-${size}`} data-testid="step-indicator" data-step={step}>
      <span className="visually-hidden">{t('step.current')}: </span>
      <ol className="step-dots" aria-hidden="true">
        {STEPS.map((s: Step, i) => (
          <li key={s} className={i < index ? 'is-done' : i === index ? 'is-current' : ''} />
        ))}
      </ol>
      <span className="step-number">{t('step.number', { n: index + 1 })}</span>
      <span className="step-name">{t(`step.${step}`)}</span>
    </div>
  );
}
