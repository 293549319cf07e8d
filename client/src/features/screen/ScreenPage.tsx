import { own, promptText, type SessionState } from '@samenspel/game-core';
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
import { ScreenInsights, hasWall } from './ScreenInsights';
import { ScreenInterview } from './ScreenInterview';
import { ScreenPoll } from './ScreenPoll';
import { sideLayout, type InviteSize } from './sideLayout';
import './screen.css';

/**
 * The projector: the wheel as large as the wall allows, and beside it the story of the moment
 * (the poll, the interview, the question, the latest event, the insights), plus the code and
 * QR code while people are still joining. Read-only; nothing here needs a mouse.
 *
 * It shows the tables the facilitator chose (`screenTables`: one, or two side by side),
 * unless the link names one (`?table=`).
 */
export default function ScreenPage({ code, tableId }: { code: string; tableId: string | null }) {
  const t = useT();
  const game = useApp((s) => s.game);
  const sessionId = useApp((s) => s.sessionId);
  const joinBase = useJoinBase(sessionId);

  useEffect(() => {
    connectSession({ kind: 'screen', code });
    return () => disconnectSession();
  }, [code]);

  useEffect(() => {
    document.title = game ? `${game.scenario.persona.name} · ${t('app.name')}` : t('app.name');
  }, [game, t]);

  if (!game) {
    return (
      <div className="screen-shell">
        <ConnectionBanner onRetry={() => session()?.retry()} />
      </div>
    );
  }

  const shown = shownTables(game, tableId);
  const joinUrl = `${joinBase}${paths.join(game.code)}`;
  const [first, second] = shown;
  if (!first) return null;

  return (
    <div className="screen-shell">
      <ConnectionBanner onRetry={() => session()?.retry()} />
      {second ? <TwoTables game={game} ids={[first, second]} joinUrl={joinUrl} /> : <OneTable game={game} tableId={first} joinUrl={joinUrl} />}
      <ScreenPoll game={game} joinUrl={joinUrl} />
      {!second && <FullscreenButton className="screen-fullscreen" />}
    </div>
  );
}

/** The tables on the wall: the link's table, or the facilitator's choice, or the first table. */
function shownTables(game: SessionState, fromUrl: string | null): string[] {
  // The table in the address is typed by someone: only a table this session has counts.
  if (fromUrl && own(game.tables, fromUrl)) return [fromUrl];
  const chosen = game.screenTables.filter((id) => own(game.tables, id)).slice(0, 2);
  if (chosen.length > 0) return chosen;
  const firstTable = game.tableOrder[0];
  return firstTable ? [firstTable] : [];
}

function OneTable({ game, tableId, joinUrl }: { game: SessionState; tableId: string; joinUrl: string }) {
  const t = useT();
  const wall = hasWall(game);
  const side = sideLayout(game, tableId, wall);
  if (!side) return null;
  const { prompt, interviewing, event, eventQuestions, stepPrompts, invite } = side;
  const persona = game.scenario.persona;
  const tableName = game.tableOrder.length > 1 ? game.tables[tableId]?.name : null;

  return (
    <main id="main" className={`screen${wall ? ' has-wall' : interviewing ? ' is-interview' : ''}`}>
      <div className="screen-board">
        <Board tableId={tableId} mode="screen" />
      </div>
      <aside className="screen-side">
        <div className="screen-status">
          <StepIndicator size="big" tableId={tableId} />
          <TimerDisplay size="big" tableId={tableId} />
        </div>
        <TableNotices game={game} tableId={tableId} />
        {interviewing ? (
          <ScreenInterview game={game} tableId={tableId} withPrompt={prompt !== undefined} />
        ) : (
          side.persona !== 'none' && (
            <section className={`screen-persona${side.persona === 'compact' ? ' is-compact' : ''}`}>
              <span className="screen-avatar" aria-hidden="true">
                {persona.avatar ?? persona.name.slice(0, 1)}
              </span>
              <div>
                <h1>{t('board.persona', { name: persona.name, age: game.tables[tableId]?.personaAge ?? persona.age })}</h1>
                {side.persona === 'full' && prompt === undefined && <p>{persona.situation}</p>}
                {tableName && <p className="screen-table">{tableName}</p>}
              </div>
            </section>
          )
        )}
        {event && (
          <section className={`screen-event${EVENT_CLASS[event.size]}`} aria-live="polite">
            <p className="screen-event-kicker">{t('events.latest')}</p>
            <h2>{event.def.title}</h2>
            <p>{event.def.narrative}</p>
          </section>
        )}
        {eventQuestions.length > 0 && (
          <section className="screen-event-questions" data-testid="screen-event-questions" aria-labelledby="screen-event-questions-title">
            <h2 id="screen-event-questions-title">{t('screen.event.questions')}</h2>
            <ul className="screen-prompts">
              {eventQuestions.map((q, i) => (
                <li key={i}>{q}</li>
              ))}
            </ul>
          </section>
        )}
        {prompt !== undefined && <ScreenPrompt text={prompt} compact={wall} />}
        {wall && <ScreenInsights game={game} />}
        {stepPrompts.length > 0 && (
          <ul className="screen-prompts">
            {stepPrompts.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
        {side.legend && <Legend scenario={game.scenario} big />}
        <Invite game={game} joinUrl={joinUrl} size={invite} />
      </aside>
    </main>
  );
}

/** Two tables side by side, each with its name, step, timer and question, for comparing groups. */
function TwoTables({ game, ids, joinUrl }: { game: SessionState; ids: [string, string]; joinUrl: string }) {
  const wall = hasWall(game);
  // The button sits in the title row of the right-most column, where nothing else is.
  const fullscreen = <FullscreenButton className="screen-fullscreen" />;
  // The invitation only matters while someone at one of these tables may still be joining.
  const joining = ids.some((id) => game.tables[id]?.step === 'kennismaken' || !Object.values(game.seats).some((s) => s.tableId === id));
  return (
    <main id="main" className={`screen-pair${wall ? ' has-wall' : ''}${joining ? ' is-joining' : ''}`}>
      {ids.map((id, i) => {
        const table = game.tables[id];
        if (!table) return null;
        const prompt = table.prompt ? promptText(game, table.prompt) : undefined;
        const event = table.step === 'spelen' || table.step === 'reflectie' ? latestEvent(game, id) : null;
        return (
          <section key={id} className="screen-pair-table" aria-labelledby={`screen-table-${id}`} data-testid={`screen-table-${id}`}>
            <header className="screen-pair-head">
              <div className="screen-pair-title">
                <h1 id={`screen-table-${id}`}>{table.name}</h1>
                {i === 1 && !wall && fullscreen}
              </div>
              <div className="screen-pair-status">
                <StepIndicator size="big" tableId={id} />
                <TimerDisplay size="big" tableId={id} />
              </div>
            </header>
            <TableNotices game={game} tableId={id} />
            <div className="screen-pair-board">
              <Board tableId={id} mode="screen" />
            </div>
            {prompt !== undefined ? <ScreenPrompt text={prompt} compact /> : event && <p className="screen-pair-event">{event.title}</p>}
          </section>
        );
      })}
      {wall && (
        <aside className="screen-pair-wall">
          <div className="screen-pair-title">{fullscreen}</div>
          <ScreenInsights game={game} />
        </aside>
      )}
      {joining && <Invite game={game} joinUrl={joinUrl} size="slim" />}
    </main>
  );
}

/** Calm and private round: why the board is still, or why cards are missing. */
function TableNotices({ game, tableId }: { game: SessionState; tableId: string }) {
  const t = useT();
  const table = game.tables[tableId];
  if (!table) return null;
  return (
    <>
      {table.locked && (
        <div className="screen-calm" data-testid="screen-calm" role="status">
          <span className="screen-calm-mark" aria-hidden="true" />
          <div>
            <p className="screen-calm-title">{t('screen.calm.title')}</p>
            <p className="screen-calm-body">{t('screen.calm.body')}</p>
          </div>
        </div>
      )}
      {table.private && (
        <p className="screen-private" data-testid="screen-private">
          {t('screen.private')}
        </p>
      )}
    </>
  );
}

/** The question the facilitator put up, as large as the room needs it. */
function ScreenPrompt({ text, compact = false }: { text: string; compact?: boolean }) {
  const t = useT();
  return (
    <section className={`screen-prompt${compact ? ' is-compact' : ''}`} data-testid="screen-prompt" aria-live="polite">
      <p className="screen-prompt-kicker">{t('screen.question')}</p>
      <p className="screen-prompt-text">{text}</p>
    </section>
  );
}

const EVENT_CLASS = { full: '', compact: ' is-compact', withQuestions: ' has-questions' } as const;
const QR_SIZE: Record<InviteSize, number> = { large: 260, normal: 130, slim: 84 };

function Invite({ game, joinUrl, size }: { game: SessionState; joinUrl: string; size: InviteSize }) {
  const t = useT();
  return (
    <section className={`screen-invite is-${size}`} aria-label={t('screen.joinAt')}>
      <QrCode text={joinUrl} alt={t('screen.qrAlt')} size={QR_SIZE[size]} />
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
  );
}

/** Puts the page in full screen; gone once it is, and where the browser cannot. */
function FullscreenButton({ className }: { className: string }) {
  const t = useT();
  const [full, setFull] = useState(() => typeof document !== 'undefined' && !!document.fullscreenElement);
  useEffect(() => {
    const onChange = () => setFull(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  if (full || !document.fullscreenEnabled) return null;
  return (
    <button type="button" className={className} onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}>
      {t('screen.fullscreen')}
    </button>
  );
}
