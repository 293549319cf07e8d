import { pollTally, type SessionState } from '@samenspel/game-core';
import { m } from 'framer-motion';
import { useEffect, useRef, useState } from 'react';
import { markBoardShown } from '../../app/motion';
import { useT } from '../../i18n/useT';
import { errorText, session } from '../../net';
import { appStore, useApp } from '../../store';
import { pollOptionLabels } from '../../ui/pollLabels';

/*
 * Someone still choosing a role may put the question aside, since they cannot answer it yet.
 * Kept outside the component: every step of joining draws its own page, and the question
 * should not come back on each of them.
 */
let pollSetAside: string | null = null;

/**
 * The poll as it stands on the screens: which poll, open or closed, counts shown or not. A
 * player who closed the result sees the poll again as soon as any of these changes.
 */
export function pollKey(game: SessionState | null): string | null {
  const pollId = game?.activePoll ?? null;
  const poll = pollId ? game?.polls[pollId] : undefined;
  return pollId && poll ? `${pollId}:${poll.status}:${poll.revealed}` : null;
}

/**
 * The warm-up question over everything on the tablet while the facilitator has it open: one big
 * button per answer, the chosen one marked, and the counts once revealed. Never who chose what.
 * Once there is nothing left to answer (the counts are shown, or the poll is closed), a seated
 * player may close it and go back to the board (`onDismiss`).
 */
export function PollOverlay({ seatId, dismissed = null, onDismiss }: { seatId: string | null; dismissed?: string | null; onDismiss?: (key: string) => void }) {
  const t = useT();
  const game = useApp((s) => s.game);
  const pollId = useApp((s) => s.game?.activePoll ?? null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [setAside, setSetAside] = useState<string | null>(() => pollSetAside);
  useEffect(() => {
    if (!pollId) return;
    // Also on the join pages, where no board has fetched the animation engine yet.
    markBoardShown();
    headingRef.current?.focus();
  }, [pollId]);
  const key = pollKey(game);
  if (!game || !pollId || (seatId === null && setAside === pollId) || (key !== null && key === dismissed)) return null;
  const def = game.scenario.polls.find((p) => p.id === pollId);
  const poll = game.polls[pollId];
  if (!def || !poll) return null;

  const labels = pollOptionLabels(def, t);
  const mine = seatId !== null ? poll.answers[seatId] : undefined;
  const open = poll.status === 'open';
  const canAnswer = open && seatId !== null;

  const answer = (option: number) => {
    if (!canAnswer || seatId === null || option === mine) return;
    const label = labels[option] ?? '';
    void session()
      ?.send('poll:answer', { pollId, option })
      .then((result) => {
        const s = appStore.getState();
        s.announce(result.ok ? t('player.poll.answered', { option: label }) : errorText(s.lang, result.code), result.ok ? 'info' : 'error');
      });
  };

  return (
    <div className="poll-backdrop">
      <m.section
        key={pollId}
        className={`poll-card poll-${def.kind}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby="poll-question"
        data-testid="poll-card"
        data-status={poll.status}
        initial={{ opacity: 0, scale: 0.96, y: 16 }}
        animate={{ opacity: 1, scale: 1, y: 0 }}
        transition={{ duration: 0.3 }}
      >
        <p className="poll-kicker">{t('player.poll.title')}</p>
        <h2 id="poll-question" className="poll-question" tabIndex={-1} ref={headingRef}>
          {def.question}
        </h2>
        <ol className={`poll-options poll-options-${def.kind}`}>
          {labels.map((label, i) => (
            <li key={i}>
              <button
                type="button"
                className={`poll-option${mine === i ? ' is-chosen' : ''}`}
                aria-pressed={mine === i}
                disabled={!canAnswer}
                onClick={() => answer(i)}
                data-testid={`poll-option-${i}`}
              >
                {def.kind === 'scale' && <span className="poll-point">{i + 1}</span>}
                <span className="poll-option-label">{label}</span>
                {mine === i && <span className="poll-chosen">{t('player.poll.yours')}</span>}
              </button>
            </li>
          ))}
        </ol>
        <p className="poll-status" data-testid="poll-status">
          {seatId === null ? t('player.poll.noSeat') : open ? t('player.poll.change') : t('player.poll.closed')}
        </p>
        {poll.revealed && <PollResult game={game} pollId={pollId} labels={labels} />}
        {onDismiss && key && (poll.revealed || !open) && (
          <button type="button" className="button-secondary button-large poll-aside" data-testid="poll-close" onClick={() => onDismiss(key)}>
            {t('player.poll.close')}
          </button>
        )}
        {seatId === null && (
          <button
            type="button"
            className="button-primary button-large poll-aside"
            data-testid="poll-aside"
            onClick={() => {
              pollSetAside = pollId;
              setSetAside(pollId);
            }}
          >
            {t('player.poll.chooseRole')}
          </button>
        )}
      </m.section>
    </div>
  );
}

/** The counts as horizontal bars, longest bar the most chosen. */
function PollResult({ game, pollId, labels }: { game: SessionState; pollId: string; labels: string[] }) {
  const t = useT();
  const counts = pollTally(game, pollId);
  const most = Math.max(1, ...counts);
  return (
    <section className="poll-result" data-testid="poll-result" aria-labelledby="poll-result-title">
      <h3 id="poll-result-title">{t('player.poll.result')}</h3>
      <ol>
        {labels.map((label, i) => {
          const n = counts[i] ?? 0;
          return (
            <li key={i} data-testid={`poll-result-${i}`} data-count={n}>
              <span className="poll-result-label">{label}</span>
              <span className="poll-bar-track" aria-hidden="true">
                <m.span className="poll-bar" initial={{ width: 0 }} animate={{ width: `${(n / most) * 100}%` }} transition={{ duration: 0.6, ease: 'easeOut' }} />
              </span>
              <span className="poll-count">{n === 1 ? t('player.poll.vote') : t('player.poll.votes', { n })}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
