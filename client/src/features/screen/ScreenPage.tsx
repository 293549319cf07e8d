import { useEffect, useState } from 'react';
import { paths } from '../../app/router';
import { Board } from '../../board/Board';
import { Legend } from '../../board/Legend';
import { useT } from '../../i18n/useT';
import { connectSession, disconnectSession, session } from '../../net';
import { useApp } from '../../store';
import { ConnectionBanner } from '../../ui/ConnectionBanner';
import { QrCode } from '../../ui/QrCode';
import { ShortUrl, spellCode } from '../../ui/SessionInvite';
import { latestEvent } from '../../ui/EventStory';
import { TimerDisplay } from '../../ui/Facilitation';
import { StepIndicator } from '../../ui/StepIndicator';
import { useJoinBase } from '../../ui/useJoinBase';

/**
 * The projector: the wheel as large as the wall allows, the step, the persona, and while people
 * are still joining, the code and QR code. Read-only; nothing here needs a mouse.
 */
export default function ScreenPage({ code, tableId }: { code: string; tableId: string | null }) {
  const t = useT();
  const game = useApp((s) => s.game);
  const shownTable = useApp((s) => s.tableId);
  const setTable = useApp((s) => s.setTable);
  const sessionId = useApp((s) => s.sessionId);
  const joinBase = useJoinBase(sessionId);

  useEffect(() => {
    connectSession({ kind: 'screen', code });
    return () => disconnectSession();
  }, [code]);

  useEffect(() => {
    if (tableId && game?.tables[tableId] && shownTable !== tableId) setTable(tableId);
  }, [tableId, game, shownTable, setTable]);

  useEffect(() => {
    document.title = game ? `${game.scenario.persona.name} · ${t('app.name')}` : t('app.name');
  }, [game, t]);

  if (!game || !shownTable) {
    return (
      <div className="screen-shell">
        <ConnectionBanner onRetry={() => session()?.retry()} />
      </div>
    );
  }

  const persona = game.scenario.persona;
  const table = game.tables[shownTable];
  if (!table) return null;
  const seated = Object.values(game.seats).filter((s) => s.tableId === shownTable).length;
  // While people are joining the invitation is large; once play starts it shrinks to a corner.
  const inviteLarge = table.step === 'kennismaken' || seated === 0;
  const joinUrl = `${joinBase}${paths.join(game.code)}`;
  const prompts = [...(game.scenario.prompts[table.step] ?? []), ...(table.step === 'reflectie' ? game.scenario.reflection.prompts : [])];
  const tableName = game.tableOrder.length > 1 ? game.tables[shownTable]?.name : null;
  // During play the latest event is the story of the moment; it takes the place of the prompts.
  const event = table.step === 'spelen' || table.step === 'reflectie' ? latestEvent(game, shownTable) : null;

  return (
    <div className="screen-shell">
      <ConnectionBanner onRetry={() => session()?.retry()} />
      <main id="main" className="screen">
        <div className="screen-board">
          <Board tableId={shownTable} mode="screen" />
        </div>
        <aside className="screen-side">
          <div className="screen-status">
            <StepIndicator size="big" />
            <TimerDisplay size="big" />
          </div>
          {table.locked && <p className="screen-calm" data-testid="screen-calm">{t('lock.banner')}</p>}
          <section className="screen-persona">
            <span className="screen-avatar" aria-hidden="true">
              {persona.avatar ?? persona.name.slice(0, 1)}
            </span>
            <div>
              <h1>{t('board.persona', { name: persona.name, age: persona.age })}</h1>
              {!event && <p>{persona.situation}</p>}
              {tableName && <p className="screen-table">{tableName}</p>}
            </div>
          </section>
          {event && !inviteLarge && (
            <section className="screen-event" aria-live="polite">
              <p className="screen-event-kicker">{t('events.latest')}</p>
              <h2>{event.title}</h2>
              <p>{event.narrative}</p>
            </section>
          )}
          {prompts.length > 0 && !inviteLarge && !event && (
            <ul className="screen-prompts">
              {prompts.slice(0, 5).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
          {/* The wheel names its rings itself; with many questions on screen the legend gives way. */}
          {(inviteLarge || event || prompts.length <= 3) && <Legend scenario={game.scenario} big />}
          <section className={`screen-invite${inviteLarge ? ' is-large' : ''}`} aria-label={t('screen.joinAt')}>
            <QrCode text={joinUrl} alt={t('screen.qrAlt')} size={inviteLarge ? 260 : 130} />
            <div>
              <p className="screen-invite-label">{t('screen.joinAt')}</p>
              <p className="screen-invite-url">
                <ShortUrl url={joinUrl} />
              </p>
              <p className="screen-invite-label">{t('screen.code')}</p>
              <p className="screen-code" data-testid="session-code" aria-label={spellCode(game.code)}>
                {game.code}
              </p>
            </div>
          </section>
          <FullscreenButton />
        </aside>
      </main>
    </div>
  );
}

function FullscreenButton() {
  const t = useT();
  const [full, setFull] = useState(() => typeof document !== 'undefined' && !!document.fullscreenElement);
  useEffect(() => {
    const onChange = () => setFull(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  if (full || !document.fullscreenEnabled) return null;
  return (
    <button type="button" className="screen-fullscreen" onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}>
      {t('screen.fullscreen')}
    </button>
  );
}
