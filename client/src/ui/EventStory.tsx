import type { ScenarioEvent, SessionState } from '@samenspel/game-core';
import { useT } from '../i18n/useT';

/** The last event that happened at a table, if any. */
export function latestEvent(game: SessionState, tableId: string): ScenarioEvent | null {
  const fired = [...game.events].reverse().find((e) => e.tableIds.includes(tableId));
  return fired ? (game.scenario.events.find((e) => e.id === fired.eventId) ?? null) : null;
}

/** What an event changes at this table: the story, the cards that stopped and why, and the questions. */
export function EventStory({ game, tableId, event }: { game: SessionState; tableId: string; event: ScenarioEvent }) {
  const t = useT();
  const ended = (game.tables[tableId]?.ended ?? []).filter((e) => e.eventId === event.id);
  return (
    <article className="event-story" data-testid={`event-${event.id}`}>
      <h2>{event.title}</h2>
      <p>{event.narrative}</p>
      {ended.length > 0 && (
        <>
          <h3>{t('events.ended')}</h3>
          <ul className="event-ended">
            {ended.map((e) => (
              <li key={e.card.id}>
                <strong>{e.card.label}</strong>
                {e.reason && <span> — {e.reason}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
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
