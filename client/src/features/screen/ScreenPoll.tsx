import { pollTally, type SessionState } from '@samenspel/game-core';
import { AnimatePresence, m } from 'framer-motion';
import { useT } from '../../i18n/useT';
import { pollOptionLabels } from '../../ui/pollLabels';
import { QrCode } from '../../ui/QrCode';

/**
 * The warm-up poll over the whole wall: the statement large, the number of votes ticking up,
 * and once the facilitator shows it, the result as bars that grow to their counts.
 */
export function ScreenPoll({ game, joinUrl }: { game: SessionState; joinUrl: string }) {
  const t = useT();
  const def = game.activePoll ? game.scenario.polls.find((p) => p.id === game.activePoll) : undefined;
  const poll = def ? game.polls[def.id] : undefined;
  return (
    <AnimatePresence>
      {def && poll && (
        <m.section
          key={def.id}
          className="screen-poll"
          data-testid="screen-poll"
          aria-labelledby="screen-poll-question"
          // It fades in by CSS, so it shows even before the lazy animation engine has arrived.
          exit={{ opacity: 0 }}
          transition={{ duration: 0.35 }}
        >
          <p className="screen-poll-kicker">{t('screen.poll.kicker')}</p>
          <h1 id="screen-poll-question" className="screen-poll-question">
            {def.question}
          </h1>
          {poll.revealed ? (
            <PollResult game={game} pollId={def.id} labels={pollOptionLabels(def, t)} />
          ) : (
            <div className="screen-poll-waiting">
              <p className="screen-poll-votes" aria-live="polite" data-testid="screen-poll-votes">
                {/* A new key per count replays the CSS pop, so each vote is seen arriving. */}
                <span key={Object.keys(poll.answers).length} className="screen-poll-number">
                  {Object.keys(poll.answers).length}
                </span>{' '}
                {Object.keys(poll.answers).length === 1 ? t('screen.poll.vote') : t('screen.poll.votes')}
              </p>
              <p className="screen-poll-how">{poll.status === 'open' ? t('screen.poll.how') : t('screen.poll.closed')}</p>
              <div className="screen-poll-join">
                <QrCode text={joinUrl} alt={t('screen.qrAlt')} size={120} />
                <p>
                  {t('screen.code')} <strong className="screen-poll-code">{game.code}</strong>
                </p>
              </div>
            </div>
          )}
        </m.section>
      )}
    </AnimatePresence>
  );
}

function PollResult({ game, pollId, labels }: { game: SessionState; pollId: string; labels: string[] }) {
  const t = useT();
  const counts = pollTally(game, pollId);
  const total = counts.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...counts);
  return (
    <div className="screen-poll-result" data-testid="screen-poll-result">
      <ul className="screen-poll-bars">
        {labels.map((label, i) => {
          const n = counts[i] ?? 0;
          return (
            <li key={i}>
              <span className="screen-poll-label">{label}</span>
              <span className="screen-poll-track">
                {/* The width is the bar's own style and only the growing is animated (in CSS), so a
                    bar shows its count even before the lazy animation engine has arrived. */}
                <span className="screen-poll-fill" data-count={n} style={{ width: `${(n / max) * 100}%`, animationDelay: `${100 + i * 120}ms` }} />
              </span>
              <span className="screen-poll-count">{n}</span>
            </li>
          );
        })}
      </ul>
      <p className="screen-poll-total">{t('screen.poll.total', { n: total })}</p>
    </div>
  );
}
