import type { Scenario } from '@samenspel/game-core';
import { AnimatePresence, m } from 'framer-motion';
import { useEffect, useRef } from 'react';
import { initials } from '../../board/view';
import { useT } from '../../i18n/useT';
import { scenarioFileUrl } from '../../net/api';
import { appStore } from '../../store';

/**
 * Step 1, kennismaken: who the persona is, and the interview as far as the facilitator has
 * taken it. The player who plays the persona sees the newest answer large, to read it aloud.
 */
export function PersonaView({ scenario, age, revealed, readsAloud }: { scenario: Scenario; age: number; revealed: number; readsAloud: boolean }) {
  const t = useT();
  const p = scenario.persona;
  const items = p.interview.slice(0, revealed);
  const newest = items.length - 1;
  const latest = items[newest];
  const newestRef = useRef<HTMLLIElement>(null);
  // A new answer comes in below the others: bring it into view, gently.
  const seenNewest = useRef(newest);
  useEffect(() => {
    if (newest <= seenNewest.current) return;
    seenNewest.current = newest;
    newestRef.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    appStore.getState().announce(t('player.interview.announce', { name: p.name }), 'hint');
  }, [newest, p.name, t]);

  return (
    <div className="tablet-page persona-view" data-testid="persona-view">
      <header className="persona-card">
        <PersonaPicture scenario={scenario} />
        <div>
          <h2 className="persona-card-name">{t('board.persona', { name: p.name, age })}</h2>
          <p className="persona-card-situation">{p.situation}</p>
        </div>
      </header>

      {readsAloud && latest && (
        <m.section
          key={newest}
          className="read-aloud"
          data-testid="read-aloud"
          aria-labelledby="read-aloud-label"
          initial={{ opacity: 0, y: 12 }}
          animate={{ opacity: 1, y: 0 }}
          transition={{ duration: 0.35 }}
        >
          <p id="read-aloud-label" className="read-aloud-label">
            {t('player.readAloud')}
          </p>
          <p className="read-aloud-question">{latest.question}</p>
          <p className="read-aloud-answer">{latest.answer}</p>
        </m.section>
      )}

      <section aria-labelledby="interview-title">
        <div className="interview-head">
          <h3 id="interview-title">{t('persona.interview', { name: p.name })}</h3>
          {items.length > 0 && (
            <span className="hint">{t('player.interview.count', { n: items.length, total: p.interview.length })}</span>
          )}
        </div>
        {items.length === 0 ? (
          <p className="hint" data-testid="interview-empty">
            {t('player.interview.none', { name: p.name })}
          </p>
        ) : (
          <ol className="interview-list">
            <AnimatePresence initial={false}>
              {items.map((item, i) => (
                <m.li
                  key={i}
                  ref={i === newest ? newestRef : undefined}
                  className={`interview-item${i === newest ? ' is-newest' : ''}`}
                  data-testid={`interview-item-${i}`}
                  initial={{ opacity: 0, y: 16 }}
                  animate={{ opacity: 1, y: 0 }}
                  transition={{ duration: 0.4, ease: 'easeOut' }}
                >
                  {i === newest && <span className="badge badge-new">{t('player.interview.newest')}</span>}
                  <p className="interview-question">{item.question}</p>
                  <p className="interview-answer">{item.answer}</p>
                </m.li>
              ))}
            </AnimatePresence>
          </ol>
        )}
      </section>
    </div>
  );
}

/** The persona's picture when the scenario has one, else her avatar, else her initials, as in the wheel's centre. */
function PersonaPicture({ scenario }: { scenario: Scenario }) {
  const p = scenario.persona;
  if (p.image) return <img className="persona-picture" src={scenarioFileUrl(scenario.id, p.image)} alt="" />;
  if (p.avatar)
    return (
      <span className="persona-picture persona-avatar" aria-hidden="true">
        {p.avatar}
      </span>
    );
  return (
    <span className="persona-picture persona-initials" aria-hidden="true">
      {initials(p.name)}
    </span>
  );
}
