import { MAX_SCREEN_TABLES, type SessionState } from '@samenspel/game-core';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { sendAnnounced } from '../../ui/Facilitation';
import { tableLabel } from '../../ui/tableLabel';

/**
 * What the big screen shows, chosen where the facilitator leads the tables: the table being
 * looked at, every table in a grid, or any one to six tables picked by hand (two come side by
 * side, three or more in a grid). Only with several tables; with one, it is always that one.
 */
export function ScreenPanel({ game, tableId }: { game: SessionState; tableId: string }) {
  const t = useT();
  const order = game.tableOrder;
  const name = (id: string) => tableLabel(game.tables[id], id, t);
  const shown = game.screenTables.filter((id) => game.tables[id]);
  const [picked, setPicked] = useState<string[] | null>(null);
  const choice = picked ?? shown;
  const everyone = order.slice(0, MAX_SCREEN_TABLES);
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
  const show = (ids: string[]) => {
    setPicked(null);
    if (!same(ids, shown)) void sendAnnounced('screen:show', { tableIds: ids });
  };
  const toggle = (id: string) => {
    const next = choice.includes(id) ? choice.filter((x) => x !== id) : [...choice, id];
    // Keep the session's order, so the grid reads like the list of tables.
    setPicked(order.filter((x) => next.includes(x)));
  };
  const layout = (n: number) =>
    n === 1 ? t('host.screen.layout.one') : n === 2 ? t('host.screen.layout.two') : t('host.screen.layout.grid', { n });

  return (
    <section className="panel screen-panel" aria-labelledby="screen-panel-title" data-testid="screen-panel">
      <h2 id="screen-panel-title">{t('host.screen.title')}</h2>
      <p className="muted small" data-testid="screen-now">
        {t('host.screen.now', { tables: shown.map(name).join(', ') })} · {layout(shown.length)}
      </p>
      <div className="button-row">
        <button type="button" className="chip" aria-pressed={same(shown, [tableId])} onClick={() => show([tableId])} data-testid="screen-only">
          {t('host.screen.only', { name: name(tableId) })}
        </button>
        <button type="button" className="chip" aria-pressed={same(shown, everyone)} onClick={() => show(everyone)} data-testid="screen-all">
          {order.length > MAX_SCREEN_TABLES ? t('host.screen.firstSix') : t('host.screen.all', { n: order.length })}
        </button>
      </div>
      <fieldset className="screen-pick">
        <legend>{t('host.screen.pick')}</legend>
        <div className="screen-pick-tables">
          {order.map((id) => (
            <label key={id} className="chip">
              <input
                type="checkbox"
                checked={choice.includes(id)}
                disabled={!choice.includes(id) && choice.length >= MAX_SCREEN_TABLES}
                onChange={() => toggle(id)}
                data-testid={`screen-pick-${id}`}
              />
              {name(id)}
            </label>
          ))}
        </div>
        {order.length > MAX_SCREEN_TABLES && <p className="hint">{t('host.screen.tooMany')}</p>}
        <button
          type="button"
          className="button-secondary"
          disabled={choice.length === 0 || same(choice, shown)}
          onClick={() => show(choice)}
          data-testid="screen-show"
        >
          {t('host.screen.show')}
        </button>
        {picked !== null && choice.length > 0 && <p className="hint">{layout(choice.length)}</p>}
      </fieldset>
    </section>
  );
}
