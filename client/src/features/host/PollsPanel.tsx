import { pollTally, type SessionState, type Step } from '@samenspel/game-core';
import { useT } from '../../i18n/useT';
import { Collapsible } from '../../ui/Collapsible';
import { sendAnnounced } from '../../ui/Facilitation';
import { pollOptionLabels } from '../../ui/pollLabels';

/**
 * "Stemmen met de voeten": the warm-up polls. Opening one puts it on every tablet and screen;
 * the facilitator sees the count and the bars before deciding to show the result.
 */
export function PollsPanel({ game, step }: { game: SessionState; step: Step }) {
  const t = useT();
  const polls = game.scenario.polls;
  if (polls.length === 0) return null;
  const active = game.activePoll ? polls.find((p) => p.id === game.activePoll) : undefined;
  return (
    <Collapsible
      title={t('host.poll.title')}
      relevant={step === 'kennismaken' || active !== undefined}
      badge={active && <span className="badge badge-live">{t('host.poll.live')}</span>}
      testId="panel-polls"
    >
      {active ? <ActivePoll game={game} pollId={active.id} /> : <p className="muted">{t('host.poll.intro')}</p>}
      <ul className="host-list">
        {polls.map((def) => {
          const state = game.polls[def.id];
          const isActive = def.id === game.activePoll;
          const answers = state ? Object.keys(state.answers).length : 0;
          return (
            <li key={def.id} className={`host-list-item${isActive ? ' is-current' : ''}`}>
              <span className="host-list-text">
                {def.question}
                {state && !isActive && <span className="host-list-note">{t('host.poll.answers', { n: answers })}</span>}
              </span>
              {!isActive && (
                <button
                  type="button"
                  className="button-small"
                  aria-label={t('host.poll.openLabel', { question: def.question })}
                  data-testid={`poll-open-${def.id}`}
                  onClick={() => void sendAnnounced('poll:open', { pollId: def.id })}
                >
                  {state ? t('host.poll.reopen') : t('host.poll.open')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </Collapsible>
  );
}

function ActivePoll({ game, pollId }: { game: SessionState; pollId: string }) {
  const t = useT();
  const def = game.scenario.polls.find((p) => p.id === pollId);
  const poll = game.polls[pollId];
  if (!def || !poll) return null;
  const counts = pollTally(game, pollId);
  const labels = pollOptionLabels(def, t);
  const answered = Object.keys(poll.answers).length;
  const players = Object.keys(game.seats).length;
  const max = Math.max(1, ...counts);
  const open = poll.status === 'open';
  return (
    <div className="host-poll" aria-labelledby={`poll-q-${pollId}`}>
      <p className="host-poll-question" id={`poll-q-${pollId}`}>
        {def.question}
      </p>
      <p className="host-poll-count" data-testid="poll-count" aria-live="polite">
        {t('host.poll.count', { n: answered, total: players })}
        <span className="badge">{open ? t('host.poll.statusOpen') : t('host.poll.statusClosed')}</span>
      </p>
      {/* Only the facilitator sees the bars while the result is not shown, to decide when to show it. */}
      <ul className="host-bars" aria-label={t('host.poll.bars')}>
        {labels.map((label, i) => (
          <li key={i}>
            <span className="host-bar-label">{label}</span>
            <span className="host-bar-track" aria-hidden="true">
              <span className="host-bar-fill" style={{ width: `${((counts[i] ?? 0) / max) * 100}%` }} />
            </span>
            <span className="host-bar-count">{counts[i] ?? 0}</span>
          </li>
        ))}
      </ul>
      <div className="button-row">
        {open && (
          <button type="button" className="button-secondary" data-testid="poll-close" onClick={() => void sendAnnounced('poll:close', { pollId })}>
            {t('host.poll.close')}
          </button>
        )}
        <button
          type="button"
          className={poll.revealed ? 'button-primary' : 'button-secondary'}
          aria-pressed={poll.revealed}
          data-testid="poll-reveal"
          onClick={() => void sendAnnounced('poll:reveal', { pollId, revealed: !poll.revealed })}
        >
          {poll.revealed ? t('host.poll.unreveal') : t('host.poll.reveal')}
        </button>
        <button type="button" className="button-secondary" data-testid="poll-dismiss" onClick={() => void sendAnnounced('poll:dismiss', {})}>
          {t('host.poll.dismiss')}
        </button>
      </div>
    </div>
  );
}
