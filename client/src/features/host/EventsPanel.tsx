import type { SessionState, Step } from '@samenspel/game-core';
import { translate } from '../../i18n';
import { useT } from '../../i18n/useT';
import { appStore } from '../../store';
import { Collapsible } from '../../ui/Collapsible';
import { useConfirm } from '../../ui/Confirm';
import { sendAnnounced } from '../../ui/Facilitation';
import { useScope } from './scope';
import { tableLabel } from '../../ui/tableLabel';

/** The scenario's events ("Tess wordt 18"): the facilitator decides when each one happens, and where. */
export function EventsPanel({ game, tableId, step }: { game: SessionState; tableId: string; step: Step }) {
  const t = useT();
  const { targets } = useScope();
  const { ask, dialog } = useConfirm();
  const events = game.scenario.events;
  if (events.length === 0) return null;
  const several = game.tableOrder.length > 1;
  const tableName = (id: string) => tableLabel(game.tables[id], id, t);

  const fire = async (id: string, title: string, at: string[]) => {
    const lang = appStore.getState().lang;
    const all = at.length === game.tableOrder.length;
    const where = all ? translate(lang, 'host.events.everywhere') : at.map(tableName).join(', ');
    if (!(await ask({ title: t('confirm.event.title', { title }), body: t('confirm.event.body', { where }), confirm: t('events.fire') }))) return;
    void sendAnnounced('event:fire', { eventId: id, tableIds: all ? undefined : at });
  };

  return (
    <Collapsible title={t('events.title')} relevant={step === 'spelen'} testId="panel-events">
      <p className="muted small">{t('events.intro')}</p>
      <ul className="event-list">
        {events.map((e) => {
          const firedAt = new Set(game.events.filter((f) => f.eventId === e.id).flatMap((f) => f.tableIds));
          // An event happens once per table: fire it where it has not happened yet.
          const remaining = targets.filter((id) => !firedAt.has(id));
          const firedHere = firedAt.has(tableId);
          return (
            <li key={e.id}>
              <span className="event-title">{e.title}</span>
              {firedAt.size > 0 && (
                <span className="badge badge-done">
                  {several && firedAt.size < game.tableOrder.length
                    ? t('host.events.firedAt', { tables: [...firedAt].map(tableName).join(', ') })
                    : t('events.fired')}
                </span>
              )}
              {remaining.length > 0 && (
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={t('events.fireLabel', { title: e.title })}
                  onClick={() => void fire(e.id, e.title, remaining)}
                  data-testid={`fire-${e.id}`}
                >
                  {firedHere || firedAt.size === 0 || !several ? t('events.fire') : t('host.events.fireRest', { n: remaining.length })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {dialog}
    </Collapsible>
  );
}
