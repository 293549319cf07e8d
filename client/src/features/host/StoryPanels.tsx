import type { SessionState, Step } from '@samenspel/game-core';
import { useT } from '../../i18n/useT';
import { Collapsible } from '../../ui/Collapsible';
import { sendAnnounced } from '../../ui/Facilitation';
import { useScope } from './scope';

/**
 * Step 1, kennismaken: the persona, and her interview brought out answer by answer as the
 * person playing her tells it.
 */
export function InterviewPanel({ game, tableId, step }: { game: SessionState; tableId: string; step: Step }) {
  const t = useT();
  const { tableIds } = useScope();
  const persona = game.scenario.persona;
  const items = persona.interview;
  const shown = game.tables[tableId]?.interviewRevealed ?? 0;
  const reveal = (count: number) => void sendAnnounced('interview:reveal', { count, tableIds });
  return (
    <Collapsible
      title={t('host.interview.title')}
      relevant={step === 'kennismaken'}
      badge={<span className="badge">{t('host.interview.progress', { n: shown, total: items.length })}</span>}
      testId="panel-interview"
    >
      <div className="host-persona">
        <span className="host-persona-avatar" aria-hidden="true">
          {persona.avatar ?? persona.name.slice(0, 1)}
        </span>
        <div>
          <p className="host-persona-name">{t('board.persona', { name: persona.name, age: game.tables[tableId]?.personaAge ?? persona.age })}</p>
          <p className="muted small">{persona.situation}</p>
        </div>
      </div>
      <ol className="host-interview">
        {items.map((item, i) => (
          <li key={i} className={i < shown ? 'is-shown' : i === shown ? 'is-next' : ''} data-testid={`host-interview-${i}`}>
            <span className="host-interview-q">{item.question}</span>
            <span className="host-interview-state">{i < shown ? t('host.interview.shown') : i === shown ? t('host.interview.next') : ''}</span>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="button-secondary" disabled={shown === 0} data-testid="interview-back" onClick={() => reveal(shown - 1)}>
          {t('host.interview.back')}
        </button>
        <button type="button" className="button-primary" disabled={shown >= items.length} data-testid="interview-next" onClick={() => reveal(shown + 1)}>
          {t('host.interview.reveal')}
        </button>
        <button type="button" className="button-secondary" disabled={shown >= items.length} data-testid="interview-all" onClick={() => reveal(items.length)}>
          {t('host.interview.all')}
        </button>
      </div>
    </Collapsible>
  );
}

/** Step 2, de situatie op het bord: the starting cards come onto the wheel one by one, in the scenario's order. */
export function SituationPanel({ game, tableId, step }: { game: SessionState; tableId: string; step: Step }) {
  const t = useT();
  const { tableIds, targets } = useScope();
  const order = game.scenario.cards.filter((c) => c.placement === 'start');
  if (order.length === 0) return null;
  const stagedAt = (id: string) => order.filter((c) => game.tables[id]?.cards[c.id]?.staged);
  const waiting = stagedAt(tableId);
  const next = waiting[0];
  // With every table in scope, another table may still be waiting while this one is complete.
  const elsewhere = !next && targets.some((id) => stagedAt(id).length > 0);
  return (
    <Collapsible
      title={t('host.situation.title')}
      relevant={step === 'situatie'}
      badge={<span className="badge">{t('host.situation.progress', { n: order.length - waiting.length, total: order.length })}</span>}
      testId="panel-situation"
    >
      {next || elsewhere ? (
        <>
          {next ? (
            <p className="host-next" data-testid="situation-upcoming">
              <span className="muted small">{t('host.situation.upNext')}</span>
              <strong>{next.label}</strong>
            </p>
          ) : (
            <p className="muted small">{t('host.situation.elsewhere')}</p>
          )}
          {next && <p className="muted small">{t('host.situation.left', { n: waiting.length })}</p>}
          <div className="button-row">
            <button type="button" className="button-primary" data-testid="situation-next" onClick={() => void sendAnnounced('situation:reveal', { all: false, tableIds })}>
              {t('host.situation.next')}
            </button>
            <button type="button" className="button-secondary" data-testid="situation-all" onClick={() => void sendAnnounced('situation:reveal', { all: true, tableIds })}>
              {t('host.situation.all')}
            </button>
          </div>
        </>
      ) : (
        <p className="muted">{t('host.situation.done')}</p>
      )}
    </Collapsible>
  );
}
