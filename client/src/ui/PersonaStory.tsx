import type { Scenario } from '@samenspel/game-core';
import { useT } from '../i18n/useT';

/** The persona's situation and interview, for step 1 (getting to know her). */
export function PersonaStory({ scenario }: { scenario: Scenario }) {
  const t = useT();
  const p = scenario.persona;
  return (
    <article className="persona-story">
      <h2>
        <span aria-hidden="true" className="persona-avatar">
          {p.avatar ?? p.name.slice(0, 1)}
        </span>{' '}
        {t('board.persona', { name: p.name, age: p.age })}
      </h2>
      <p className="persona-situation">{p.situation}</p>
      <h3>{t('persona.interview', { name: p.name })}</h3>
      <dl className="interview">
        {p.interview.map((item, i) => (
          <div key={i}>
            <dt>{item.question}</dt>
            <dd>{item.answer}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
