import type { ScenarioEvent, SessionState } from '@samenspel/game-core';
import { useT } from '../i18n/useT';
import { eventChanges, hasChanges, type CardChange, type EventChanges } from './eventChanges';
import './eventStory.css';

/** The last event that happened at a table, if any. */
export function latestEvent(game: SessionState, tableId: string): ScenarioEvent | null {
  const fired = [...game.events].reverse().find((e) => e.tableIds.includes(tableId));
  return fired ? (game.scenario.events.find((e) => e.id === fired.eventId) ?? null) : null;
}

/**
 * What an event changes at this table: the story, then what stops, pauses, arrives, moves ring
 * and works again, each with the scenario's reason, and the questions.
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

/** The lists of an event's changes, in the order they matter to a player; a list with nothing in it is left out. */
export function ChangeLists({ changes, heading = 'h3', pageItems = false }: { changes: EventChanges; heading?: 'h2' | 'h3'; pageItems?: boolean }) {
  const t = useT();
  const list = { heading, pageItems };
  return (
    <>
      <ChangeList {...list} kind="ended" title={t('changes.ended')} items={changes.ended} />
      <ChangeList {...list} kind="paused" title={t('changes.paused')} items={changes.paused} />
      <ChangeList {...list} kind="added" title={t('changes.added')} items={changes.added} where={(c) => (c.to === 'board' ? t('changes.toBoard') : t('changes.toDeck'))} />
      <ChangeList
        {...list}
        kind="moved"
        title={t('changes.moved')}
        items={changes.moved}
        where={(c) => (c.supportType ? t('changes.movedTo', { ring: t(`support.${c.supportType}`) }) : null)}
      />
      <ChangeList {...list} kind="resumed" title={t('changes.resumed')} items={changes.resumed} />
    </>
  );
}

/** One list of changed cards: each card's label, where it went, and the scenario's reason. */
function ChangeList<C extends CardChange>({
  kind,
  title,
  items,
  where,
  heading: Heading,
  pageItems,
}: {
  kind: string;
  title: string;
  items: C[];
  where?: (c: C) => string | null;
  heading: 'h2' | 'h3';
  pageItems: boolean;
}) {
  if (items.length === 0) return null;
  // On the big screen every heading and line is a block its pager may put on the next page.
  const item = pageItems ? { 'data-page-item': '' } : {};
  const head = pageItems ? { 'data-page-item': '', 'data-keep-with-next': '' } : {};
  return (
    <section className={`event-changes is-${kind}`} data-testid={`changes-${kind}`}>
      <Heading {...head}>{title}</Heading>
      <ul>
        {items.map((c) => {
          const place = where?.(c);
          return (
            <li key={c.id} data-card={c.id} {...item}>
              <strong className="event-change-label">{c.label}</strong>
              {place && <span className="event-change-where"> ({place})</span>}
              {c.reason && <span className="event-change-reason">{c.reason}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
