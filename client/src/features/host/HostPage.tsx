import { MAX_TABLES, STEPS, type Scenario, type SessionState, type Step } from '@samenspel/game-core';
import { useEffect, useMemo, useState } from 'react';
import { paths } from '../../app/router';
import { Board } from '../../board/Board';
import { DeckPanel } from '../../board/DeckPanel';
import { SelectionPanel } from '../../board/SelectionPanel';
import { translate } from '../../i18n';
import { useT } from '../../i18n/useT';
import { keys, load, save } from '../../lib/storage';
import { connectSession, disconnectSession, session } from '../../net';
import { appStore, useApp } from '../../store';
import { ConnectionBanner } from '../../ui/ConnectionBanner';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { SessionInvite } from '../../ui/SessionInvite';
import { FacilitationPanel, sendAnnounced } from '../../ui/Facilitation';
import { StepIndicator } from '../../ui/StepIndicator';
import { useJoinBase } from '../../ui/useJoinBase';

/**
 * The facilitator's page: invite people, lead the four steps, see who is here, free a seat,
 * and play on the board like anyone else (the facilitator may move every token).
 */
export default function HostPage({ sessionId }: { sessionId: string }) {
  const t = useT();
  const hostToken = useHostToken(sessionId);

  useEffect(() => {
    if (!hostToken) return;
    connectSession({ kind: 'host', sessionId, hostToken });
    return () => disconnectSession();
  }, [sessionId, hostToken]);

  useEffect(() => {
    document.title = `${t('host.title')} · ${t('app.name')}`;
  }, [t]);

  if (!hostToken) {
    return (
      <main id="main" className="page narrow">
        <h1>{t('host.title')}</h1>
        <p className="form-error" role="alert">
          {t('host.noToken')}
        </p>
      </main>
    );
  }
  return <HostView sessionId={sessionId} />;
}

/**
 * The host token arrives once in the link's #fragment (never sent to the server in a URL).
 * Keep it on this device and take it out of the address bar, so a screenshot or a shared
 * screen does not leak it.
 */
function useHostToken(sessionId: string): string | null {
  return useMemo(() => {
    const fromHash = location.hash.slice(1);
    if (fromHash) {
      save(keys.host(sessionId), fromHash);
      history.replaceState(null, '', `${location.pathname}${location.search}`);
      return fromHash;
    }
    return load(keys.host(sessionId));
  }, [sessionId]);
}

function HostView({ sessionId }: { sessionId: string }) {
  const t = useT();
  const game = useApp((s) => s.game);
  const tableId = useApp((s) => s.tableId);
  const connection = useApp((s) => s.connection);
  const joinBase = useJoinBase(sessionId);

  if (!game || !tableId) {
    return (
      <div className="page-shell">
        <ConnectionBanner onRetry={() => session()?.retry()} />
        {connection !== 'failed' && (
          <p className="page-loading" aria-busy="true">
            {t('conn.connecting')}
          </p>
        )}
      </div>
    );
  }

  const joinUrl = `${joinBase}${paths.join(game.code)}`;

  return (
    <div className="host-shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('host.title')}</span>
          <span className="brand-tagline">{game.scenario.meta.title}</span>
        </div>
        <StepIndicator />
        <LanguageSwitch />
      </header>
      <ConnectionBanner onRetry={() => session()?.retry()} />
      <main id="main" className="host">
        <aside className="host-controls">
          <section className="panel" aria-labelledby="invite-title">
            <h2 id="invite-title">{t('host.joinWith')}</h2>
            <SessionInvite code={game.code} joinUrl={joinUrl} size="compact" />
            <a
              className="button-secondary"
              href={paths.screen(game.code, game.tableOrder.length > 1 ? tableId : undefined)}
              target="_blank"
              rel="noopener"
              data-testid="host-screen-link"
            >
              {t('host.openScreen')}
            </a>
          </section>
          <StepControl step={game.tables[tableId]?.step ?? 'kennismaken'} />
          <FacilitationPanel />
          <Prompts scenario={game.scenario} step={game.tables[tableId]?.step ?? 'kennismaken'} />
          <Events game={game} />
          <People game={game} />
        </aside>
        <section className="host-board" aria-label={t('host.table')}>
          <TableTabs game={game} tableId={tableId} />
          <div className="board-wrap">
            <Board tableId={tableId} mode="host" />
          </div>
        </section>
        <aside className="side-panel">
          <SelectionPanel tableId={tableId} scenario={game.scenario} />
          <DeckPanel tableId={tableId} scenario={game.scenario} />
        </aside>
      </main>
    </div>
  );
}

function StepControl({ step }: { step: Step }) {
  const t = useT();
  const index = STEPS.indexOf(step);
  const prev = STEPS[index - 1];
  const next = STEPS[index + 1];
  return (
    <section className="panel" aria-labelledby="steps-title">
      <h2 id="steps-title">{t('host.steps')}</h2>
      <ol className="step-buttons">
        {STEPS.map((s, i) => (
          <li key={s}>
            <button
              type="button"
              className={`step-button${s === step ? ' is-current' : ''}`}
              aria-pressed={s === step}
              data-testid={`step-${s}`}
              onClick={() => s !== step && void sendAnnounced('step:set', { step: s })}
            >
              <span className="step-button-n">{i + 1}</span>
              {t(`step.${s}`)}
            </button>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="button-secondary" disabled={!prev} onClick={() => prev && void sendAnnounced('step:set', { step: prev })} data-testid="step-prev">
          ← {t('host.prev')}
        </button>
        <button type="button" className="button-primary" disabled={!next} onClick={() => next && void sendAnnounced('step:set', { step: next })} data-testid="step-next">
          {t('host.next')} →
        </button>
      </div>
    </section>
  );
}

function Prompts({ scenario, step }: { scenario: Scenario; step: Step }) {
  const t = useT();
  const prompts = [...(scenario.prompts[step] ?? []), ...(step === 'reflectie' ? scenario.reflection.prompts : [])];
  if (prompts.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="prompts-title">
      <h2 id="prompts-title">{t('host.prompts')}</h2>
      <ul className="prompts">
        {prompts.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </section>
  );
}

/** The scenario's events ("Tess wordt 18"): the facilitator decides when each one happens. */
function Events({ game }: { game: SessionState }) {
  const t = useT();
  const events = game.scenario.events;
  if (events.length === 0) return null;
  const fire = (id: string, title: string) => {
    const lang = appStore.getState().lang;
    if (window.confirm(translate(lang, 'events.confirm', { title }))) void sendAnnounced('event:fire', { eventId: id });
  };
  return (
    <section className="panel" aria-labelledby="events-title">
      <h2 id="events-title">{t('events.title')}</h2>
      <p className="muted">{t('events.intro')}</p>
      <ul className="event-list">
        {events.map((e) => {
          const fired = game.events.some((f) => f.eventId === e.id);
          return (
            <li key={e.id}>
              <span className="event-title">{e.title}</span>
              {fired ? (
                <span className="badge badge-done">{t('events.fired')}</span>
              ) : (
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={t('events.fireLabel', { title: e.title })}
                  onClick={() => fire(e.id, e.title)}
                  data-testid={`fire-${e.id}`}
                >
                  {t('events.fire')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function People({ game }: { game: SessionState }) {
  const t = useT();
  const presence = useApp((s) => s.presence);
  const online = new Set(presence.seats);
  const seats = Object.values(game.seats);
  const screens = presence.screens;

  const release = (seatId: string, name: string, role: string) => {
    const lang = appStore.getState().lang;
    if (window.confirm(translate(lang, 'host.freeConfirm', { name, role }))) void sendAnnounced('seat:release', { seatId });
  };

  return (
    <section className="panel" aria-labelledby="people-title">
      <h2 id="people-title">{t('host.people')}</h2>
      <p className="muted" data-testid="screen-count">
        {screens === 0 ? t('host.screens.zero') : screens === 1 ? t('host.screens.one') : t('host.screens.other', { n: screens })}
      </p>
      {game.tableOrder.map((tableId) => {
        const table = game.tables[tableId];
        if (!table) return null;
        const atTable = seats.filter((s) => s.tableId === tableId);
        return (
          <div key={tableId} className="people-table">
            {game.tableOrder.length > 1 && <h3>{table.name}</h3>}
            <p className="muted">{t('host.playersAt', { n: atTable.length, total: game.scenario.roles.length })}</p>
            <ul className="people-list">
              {game.scenario.roles.map((role) => {
                const seat = atTable.find((s) => s.roleId === role.id);
                if (!seat) {
                  return (
                    <li key={role.id} className={`person is-open${role.required ? ' is-required' : ''}`}>
                      <span className="dot dot-empty" aria-hidden="true" />
                      <span className="person-role">{role.name}</span>
                      <span className="person-name muted">
                        {t('host.openRole')}
                        {role.required && <span className="badge badge-required">{t('join.required')}</span>}
                      </span>
                    </li>
                  );
                }
                const isOnline = online.has(seat.id);
                return (
                  <li key={role.id} className="person" data-testid={`seat-${seat.id}`} data-role={role.id} data-online={isOnline}>
                    <span className={`dot ${isOnline ? 'dot-online' : 'dot-offline'}`} aria-hidden="true" />
                    <span className="person-role">{role.name}</span>
                    <span className="person-name">
                      {seat.name} <span className="visually-hidden">({isOnline ? t('host.online') : t('host.offline')})</span>
                    </span>
                    <button
                      type="button"
                      className="button-small"
                      aria-label={t('host.freeLabel', { name: seat.name, role: role.name })}
                      onClick={() => release(seat.id, seat.name, role.name)}
                      data-testid={`release-${seat.id}`}
                    >
                      {t('host.free')}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      {seats.length === 0 && <p className="muted">{t('host.noSeats')}</p>}
    </section>
  );
}

function TableTabs({ game, tableId }: { game: SessionState; tableId: string }) {
  const t = useT();
  const setTable = useApp((s) => s.setTable);
  const [adding, setAdding] = useState(false);
  const add = async () => {
    setAdding(true);
    await sendAnnounced('table:add', { name: t('host.newTableName', { n: game.tableOrder.length + 1 }) });
    setAdding(false);
  };
  return (
    <div className="table-tabs" role="group" aria-label={t('host.table')}>
      {game.tableOrder.length > 1 &&
        game.tableOrder.map((id) => (
          <button key={id} type="button" className="chip" aria-pressed={id === tableId} onClick={() => setTable(id)} data-testid={`table-tab-${id}`}>
            {game.tables[id]?.name ?? id}
          </button>
        ))}
      {game.tableOrder.length < MAX_TABLES && (
        <button type="button" className="button-link" onClick={() => void add()} disabled={adding}>
          + {t('host.addTable')}
        </button>
      )}
    </div>
  );
}
