import { MAX_TABLES, timerRemaining, type SessionState, type TableState, type TimerState } from '@samenspel/game-core';
import { useEffect, useId, useState } from 'react';
import { Board } from '../../board/Board';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store';
import { sendAnnounced } from '../../ui/Facilitation';
import './workshop.css';
import { tableLabel } from '../../ui/tableLabel';

/**
 * Every table of the session at a glance, each as a small live board with who is there and
 * where the table is in the game; from here the facilitator looks closer or puts a table, or two
 * side by side, on the big screen.
 */
export function OverviewPanel({ onView }: { onView?: (tableId: string) => void }) {
  const t = useT();
  const game = useApp((s) => s.game);
  const setTable = useApp((s) => s.setTable);
  const [adding, setAdding] = useState(false);
  if (!game) return null;

  const view = (id: string) => {
    setTable(id);
    onView?.(id);
  };
  const add = async () => {
    setAdding(true);
    await sendAnnounced('table:add', { name: t('host.newTableName', { n: game.tableOrder.length + 1 }) });
    setAdding(false);
  };

  return (
    <div className="overview" data-testid="overview">
      <div className="overview-head">
        <h2>{t('workshop.overview.title')}</h2>
        <p className="muted">{game.tableOrder.length === 1 ? t('workshop.overview.introOne') : t('workshop.overview.intro', { n: game.tableOrder.length })}</p>
        {game.tableOrder.length < MAX_TABLES && (
          <button type="button" className="button-secondary" onClick={() => void add()} disabled={adding} data-testid="overview-add">
            + {t('host.addTable')}
          </button>
        )}
      </div>
      {game.tableOrder.length > 1 && <PairPicker game={game} />}
      <ul className="overview-grid">
        {game.tableOrder.map((id) => {
          const table = game.tables[id];
          return table ? (
            <li key={id}>
              <TableTile game={game} table={table} onView={() => view(id)} />
            </li>
          ) : null;
        })}
      </ul>
    </div>
  );
}

function TableTile({ game, table, onView }: { game: SessionState; table: TableState; onView: () => void }) {
  const t = useT();
  const online = useApp((s) => s.presence.seats);
  const onScreen = game.screenTables.includes(table.id);
  const seats = Object.values(game.seats).filter((s) => s.tableId === table.id);
  const titleId = useId();
  const roleName = (roleId: string) => game.scenario.roles.find((r) => r.id === roleId)?.name ?? roleId;

  return (
    <article className={`overview-tile${onScreen ? ' is-on-screen' : ''}`} aria-labelledby={titleId} data-testid={`overview-table-${table.id}`}>
      <header className="overview-tile-head">
        <h3 id={titleId}>{tableLabel(table, table.id, t)}</h3>
        <span className="overview-step">{t(`step.${table.step}`)}</span>
      </header>
      <div className="overview-badges">
        {onScreen && <span className="badge badge-screen">{t('workshop.overview.onScreen')}</span>}
        {table.locked && <span className="badge badge-lock">{t('workshop.overview.locked')}</span>}
        {table.private && <span className="badge badge-private">{t('workshop.overview.private')}</span>}
        <TableTimer timer={table.timer} />
      </div>
      {/* A click on the thumbnail is a shortcut for the mouse; the "view" button below is the same for keyboards and screen readers. */}
      <div className="overview-thumb" onClick={onView} aria-hidden="true">
        <Board tableId={table.id} mode="screen" className="board-thumb" />
      </div>
      <p className="overview-seated">{t('workshop.overview.seated', { n: seats.length, total: game.scenario.roles.length })}</p>
      {seats.length > 0 && (
        <ul className="overview-people">
          {seats.map((seat) => {
            const isOnline = online.includes(seat.id);
            return (
              <li key={seat.id} data-online={isOnline}>
                <span className={`dot ${isOnline ? 'dot-online' : 'dot-offline'}`} aria-hidden="true" />
                {seat.name} <span className="muted">({roleName(seat.roleId)})</span>
                <span className="visually-hidden"> {isOnline ? t('host.online') : t('host.offline')}</span>
              </li>
            );
          })}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="button-primary" onClick={onView} data-testid={`overview-view-${table.id}`}>
          {t('workshop.overview.view')}
        </button>
        <button
          type="button"
          className="button-secondary"
          aria-pressed={onScreen && game.screenTables.length === 1}
          onClick={() => void sendAnnounced('screen:show', { tableIds: [table.id] })}
          data-testid={`overview-screen-${table.id}`}
        >
          {t('workshop.overview.toScreen')}
        </button>
      </div>
    </article>
  );
}

/** Two tables side by side on the big screen, so groups can compare their wheels. */
function PairPicker({ game }: { game: SessionState }) {
  const t = useT();
  const order = game.tableOrder;
  const shownPair = game.screenTables.length === 2 ? game.screenTables : null;
  const [first, setFirst] = useState(shownPair?.[0] ?? order[0] ?? '');
  const [second, setSecond] = useState(shownPair?.[1] ?? order[1] ?? '');
  const firstId = useId();
  const secondId = useId();
  const same = first === second;
  const option = (id: string) => (
    <option key={id} value={id}>
      {tableLabel(game.tables[id], id, t)}
    </option>
  );
  return (
    <form
      className="overview-pair"
      onSubmit={(e) => {
        e.preventDefault();
        if (!same) void sendAnnounced('screen:show', { tableIds: [first, second] });
      }}
    >
      <span className="overview-pair-title">{t('workshop.overview.pairTitle')}</span>
      <label htmlFor={firstId} className="visually-hidden">
        {t('workshop.overview.pairFirst')}
      </label>
      <select id={firstId} value={first} onChange={(e) => setFirst(e.target.value)} data-testid="overview-pair-first">
        {order.map(option)}
      </select>
      <span aria-hidden="true">+</span>
      <label htmlFor={secondId} className="visually-hidden">
        {t('workshop.overview.pairSecond')}
      </label>
      <select id={secondId} value={second} onChange={(e) => setSecond(e.target.value)} data-testid="overview-pair-second">
        {order.map(option)}
      </select>
      <button
        type="submit"
        className="button-secondary"
        disabled={same}
        aria-pressed={shownPair !== null && shownPair.includes(first) && shownPair.includes(second)}
        data-testid="overview-pair"
      >
        {t('workshop.overview.pair')}
      </button>
      {same && <span className="hint">{t('workshop.overview.pairSame')}</span>}
    </form>
  );
}

/** The table's own timer, ticking while it runs; nothing when it was never started. */
function TableTimer({ timer }: { timer: TimerState }) {
  const t = useT();
  const running = timer.startedAt !== null;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [running]);
  if (!running && timer.elapsedMs === 0) return null;
  const left = timerRemaining(timer, running ? now : Date.now());
  const total = Math.ceil(Math.max(0, left) / 1000);
  const clock = `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
  return (
    <span className={`badge badge-timer${left <= 0 ? ' is-up' : ''}`}>
      {left <= 0 ? t('timer.up') : running ? t('workshop.overview.timer', { time: clock }) : t('workshop.overview.timerPaused', { time: clock })}
    </span>
  );
}
