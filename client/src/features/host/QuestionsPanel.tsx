import { promptText, type PromptRef, type SessionState, type Step } from '@samenspel/game-core';
import { useT } from '../../i18n/useT';
import { Collapsible } from '../../ui/Collapsible';
import { sendAnnounced } from '../../ui/Facilitation';
import { useScope } from './scope';

interface Question {
  ref: PromptRef;
  text: string;
  /** The end of its data-testid: `prompt-show-<kind>-<key>`. */
  key: string;
}

function samePrompt(a: PromptRef | null, b: PromptRef): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The questions the facilitator can put on every screen: this step's, those of the events that
 * happened, the reflection's, and the praatplaat library by theme.
 */
export function QuestionsPanel({ game, tableId, step }: { game: SessionState; tableId: string; step: Step }) {
  const t = useT();
  const { tableIds, targets } = useScope();
  const { scenario } = game;
  const current = game.tables[tableId]?.prompt ?? null;
  const stepQuestions: Question[] = (scenario.prompts[step] ?? []).map((text, index) => ({ ref: { kind: 'step', step, index }, text, key: `${index}` }));
  // Newest first: after an event its questions are what the facilitator reaches for.
  const fired = game.events.filter((f) => f.tableIds.includes(tableId)).reverse();
  const eventGroups = fired.flatMap((f) => {
    const event = scenario.events.find((e) => e.id === f.eventId);
    if (!event || event.questions.length === 0) return [];
    const questions: Question[] = event.questions.map((text, index) => ({ ref: { kind: 'event', eventId: event.id, index }, text, key: `${event.id}-${index}` }));
    return [{ id: event.id, title: event.title, questions }];
  });
  const reflection: Question[] = scenario.reflection.prompts.map((text, index) => ({ ref: { kind: 'reflection', index }, text, key: `${index}` }));
  const praatplaat = (scenario.reflection.praatplaat ?? []).map((g, group) => ({
    title: g.title,
    label: g.group,
    questions: g.questions.map((text, index): Question => ({ ref: { kind: 'praatplaat', group, index }, text, key: `${group}-${index}` })),
  }));
  const currentText = current ? promptText(game, current) : undefined;

  const list = (questions: Question[]) => (
    <ul className="host-questions">
      {questions.map((q) => {
        const shown = samePrompt(current, q.ref);
        // Another table in scope may still have a different question up.
        const everywhere = targets.every((id) => samePrompt(game.tables[id]?.prompt ?? null, q.ref));
        return (
          <li key={q.key} className={shown ? 'is-current' : ''}>
            <span className="host-list-text">{q.text}</span>
            <button
              type="button"
              className={shown ? 'button-small is-on' : 'button-small'}
              aria-pressed={shown}
              aria-label={t('host.questions.showLabel', { text: q.text })}
              data-testid={`prompt-show-${q.ref.kind}-${q.key}`}
              onClick={() => !everywhere && void sendAnnounced('prompt:show', { prompt: q.ref, tableIds })}
            >
              {shown ? t('host.questions.shown') : t('host.questions.show')}
            </button>
          </li>
        );
      })}
    </ul>
  );

  // In step 3 the newest event's questions lead; in other steps they follow the step's own.
  const events = eventGroups.map((g, i) => (
    <Collapsible
      key={g.id}
      title={t('host.questions.event', { title: g.title })}
      relevant={i === 0 && step === 'spelen'}
      className="host-sub host-sub-event"
      level={3}
      testId={`questions-event-${g.id}`}
    >
      {list(g.questions)}
    </Collapsible>
  ));

  return (
    <Collapsible
      title={t('host.questions.title')}
      relevant
      badge={current && <span className="badge badge-live">{t('host.questions.onScreen')}</span>}
      testId="panel-questions"
    >
      {currentText !== undefined && (
        <div className="host-current-prompt">
          <p>
            <span className="muted small">{t('host.questions.current')}</span>
            <strong data-testid="host-current-prompt">{currentText}</strong>
          </p>
          <button type="button" className="button-secondary" data-testid="prompt-clear" onClick={() => void sendAnnounced('prompt:show', { prompt: null, tableIds })}>
            {t('host.questions.clear')}
          </button>
        </div>
      )}
      {step === 'spelen' && events}
      {stepQuestions.length > 0 && (
        <Collapsible title={t('host.questions.step', { step: t(`step.${step}`) })} relevant className="host-sub" level={3}>
          {list(stepQuestions)}
        </Collapsible>
      )}
      <Collapsible title={t('host.questions.reflection')} relevant={step === 'reflectie'} className="host-sub" level={3}>
        {list(reflection)}
      </Collapsible>
      {step !== 'spelen' && events}
      {praatplaat.length > 0 && (
        <Collapsible title={t('host.questions.praatplaat')} relevant={false} className="host-sub" level={3} testId="praatplaat">
          {praatplaat.map((g, i) => (
            <div key={i}>
              {/* Themes come in runs under one group name ("Over alle niveaus heen"); name each run once. */}
              {g.label !== praatplaat[i - 1]?.label && <p className="host-group-label">{g.label}</p>}
              <Collapsible title={g.title} relevant={false} className="host-sub host-sub-nested" level={3}>
                {list(g.questions)}
              </Collapsible>
            </div>
          ))}
        </Collapsible>
      )}
    </Collapsible>
  );
}
