import type { ScenarioEvent, SessionState } from '@samenspel/game-core';
import { useT } from '../i18n/useT';
import { eventChanges, hasChanges, type EventChanges } from './eventChanges';
import './eventStory.css';

/** The last event that happened at a table, if any. */
export function latestEvent(game: SessionState, tableId: string): ScenarioEvent | null {
  const fired = [...game.events].reverse().find((e) => e.tableIds.includes(tableId));
  return fired ? (game.scenario.events.find((e) => e.id === fired.eventId) ?? null) : null;
}

/**
 * What an event changes at this table: the story, then what stops, what arrives and what moves
 * ring, each with the scenario's reason, and the questions.
 */
export function EventStory({ game, tableId, event }: { game: SessionState; tableId: string; event: ScenarioEvent }) {
  const t = useT();
  const changes = eventChanges(game, tableId, event);
  return (
    <article className="event-story" data-testid={`event-${event.id}`}>
      <h2 data-autofocus tabIndex={-1}>
        {event.title}
      </h2>
      <p>{event.narrative}</p>
      {hasChanges(changes) ? <ChangeLists changes={changes} /> : <p className="muted">{t('changes.none')}</p>}
      {event.questions.length > 0 && (
        <>
          <h3>{t('events.questions')}</h3>
          <ul>
            {event.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

/** The three lists of an event's changes; a list with nothing in it is left out. */
export function ChangeLists({ changes, heading: Heading = 'h3', pageItems = false }: { changes: EventChanges; heading?: 'h2' | 'h3'; pageItems?: boolean }) {
  const t = useT();
  // On the big screen every heading and line is a block its pager may put on the next page.
  const item = pageItems ? { 'data-page-item': '' } : {};
  const head = pageItems ? { 'data-page-item': '', 'data-keep-with-next': '' } : {};
  return (
    <>
      {changes.ended.length > 0 && (
        <section className="event-changes is-ended" data-testid="changes-ended">
          <Heading {...head}>{t('changes.ended')}</Heading>
          <ul>
            {changes.ended.map((c) => (
              <li key={c.id} data-card={c.id} {...item}>
                <strong className="event-change-label">{c.label}</strong>
                {c.reason && <span className="event-change-reason">{c.reason}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {changes.added.length > 0 && (
        <section className="event-changes is-added" data-testid="changes-added">
          <Heading {...head}>{t('changes.added')}</Heading>
          <ul>
            {changes.added.map((c) => (
              <li key={c.id} data-card={c.id} {...item}>
                <strong className="event-change-label">{c.label}</strong>{' '}
                <span className="event-change-where">({c.to === 'board' ? t('changes.toBoard') : t('changes.toDeck')})</span>
                {c.reason && <span className="event-change-reason">{c.reason}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {changes.moved.length > 0 && (
        <section className="event-changes is-moved" data-testid="changes-moved">
          <Heading {...head}>{t('changes.moved')}</Heading>
          <ul>
            {changes.moved.map((c) => (
              <li key={c.id} data-card={c.id} {...item}>
                <strong className="event-change-label">{c.label}</strong>{' '}
                {c.supportType && <span className="event-change-where">({t('changes.movedTo', { ring: t(`support.${c.supportType}`) })})</span>}
                {c.reason && <span className="event-change-reason">{c.reason}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
