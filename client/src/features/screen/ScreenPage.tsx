import { MAX_SCREEN_TABLES, own, promptText, type ScenarioEvent, type SessionState } from '@samenspel/game-core';
import { useEffect, useState } from 'react';
import { paths } from '../../app/router';
import { Board } from '../../board/Board';
import { Legend } from '../../board/Legend';
import { isLang, type Lang } from '../../i18n';
import { useT } from '../../i18n/useT';
import { keys, load, save } from '../../lib/storage';
import { connectSession, disconnectSession, session } from '../../net';
import { appStore, useApp } from '../../store';
import { ConnectionBanner } from '../../ui/ConnectionBanner';
import { ChangeLists } from '../../ui/EventStory';
import { eventChanges } from '../../ui/eventChanges';
import { latestEvent } from '../../ui/EventStory';
import { TimerDisplay } from '../../ui/Facilitation';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { QrCode } from '../../ui/QrCode';
import { ShortUrl, spellCode } from '../../ui/SessionInvite';
import { StepIndicator } from '../../ui/StepIndicator';
import { useJoinBase } from '../../ui/useJoinBase';
import { useWakeLock } from '../../ui/useWakeLock';
import { Pager } from './Pager';
import { storyChunks } from './paging';
import { ScreenInsights, hasWall, wallGroups } from './ScreenInsights';
import { ScreenInterview } from './ScreenInterview';
import { ScreenPoll } from './ScreenPoll';
import { sideLayout, type InviteSize } from './sideLayout';
import './screen.css';
import './screens.css';
import { tableLabel } from '../../ui/tableLabel';

/**
 * The projector: the wheel as large as the wall allows, and beside it the story of the moment
 * (the poll, the interview, the question, the latest event and what it changed, the insights),
 * plus the code and QR code while people are still joining. Read-only; nothing here needs a
 * mouse. What does not fit is shown page by page, never cut off.
 *
 * It shows the tables the facilitator chose (`screenTables`: one, two side by side, or a grid
 * of up to six), unless the link names one (`?table=`). It speaks the scenario's language
 * unless someone chose another on the screen itself.
 */
export default function ScreenPage({ code, tableId }: { code: string; tableId: string | null }) {
  const t = useT();
  const game = useApp((s) => s.game);
  const sessionId = useApp((s) => s.sessionId);
  const scenarioLang = useApp((s) => s.game?.scenario.meta.language ?? null);
  const joinBase = useJoinBase(sessionId);
  // The projector stays on through a long talk, like the tablets.
  useWakeLock(true);

  useEffect(() => {
    connectSession({ kind: 'screen', code });
    return () => disconnectSession();
  }, [code]);

  useEffect(() => {
    const chosen = load(keys.screenLang);
    const lang: Lang | null = isLang(chosen) ? chosen : scenarioLang;
    if (lang) appStore.getState().setLang(lang, false);
  }, [scenarioLang]);

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
      {shown.length > 2 ? (
        <TableGrid game={game} ids={shown} joinUrl={joinUrl} />
      ) : second ? (
        <TwoTables game={game} ids={[first, second]} joinUrl={joinUrl} />
      ) : (
        <OneTable game={game} tableId={first} joinUrl={joinUrl} />
      )}
      <ScreenPoll game={game} joinUrl={joinUrl} />
      {shown.length === 1 && <FullscreenButton className="screen-fullscreen" />}
    </div>
  );
}

/** The tables on the wall: the link's table, or the facilitator's choice, or the first table. */
function shownTables(game: SessionState, fromUrl: string | null): string[] {
  // The table in the address is typed by someone: only a table this session has counts.
  if (fromUrl && own(game.tables, fromUrl)) return [fromUrl];
  const chosen = game.screenTables.filter((id) => own(game.tables, id)).slice(0, MAX_SCREEN_TABLES);
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
  const table = game.tables[tableId];
  const tableName = game.tableOrder.length > 1 && table ? tableLabel(table, tableId, t) : null;
  const current = table?.prompt ?? null;
  // On the wall the question heads its own insights; it is not shown a second time above them.
  const promptOnWall = wall && current !== null && wallGroups(game, current)[0]?.key === JSON.stringify(current);
  const changes = event ? eventChanges(game, tableId, event) : null;
  const listed = new Set(changes?.ended.map((c) => c.id) ?? []);
  const trace = (table?.ended ?? []).filter((e) => !listed.has(e.card.id));
  const story = event !== null || eventQuestions.length > 0 || stepPrompts.length > 0 || wall || trace.length > 0;

  return (
    <main id="main" className={`screen${wall ? ' has-wall' : interviewing ? ' is-interview' : ''}`}>
      <div className="screen-board">
        <Board tableId={tableId} mode="screen" />
      </div>
      <aside className="screen-side">
        <div className="screen-status">
          <StepIndicator size="big" tableId={tableId} />
          <TimerDisplay size="big" tableId={tableId} />
          <div className="screen-controls">
            <ScreenControls fullscreen={false} />
          </div>
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
                <h1>{t('board.persona', { name: persona.name, age: table?.personaAge ?? persona.age })}</h1>
                {side.persona === 'full' && prompt === undefined && <p>{persona.situation}</p>}
                {tableName && <p className="screen-table">{tableName}</p>}
              </div>
            </section>
          )
        )}
        {prompt !== undefined && !promptOnWall && <ScreenPrompt text={prompt} compact={wall || event !== null} />}
        {story && (
          // A new event, question or wall starts again from its first page.
          <Pager key={`${event?.id ?? ''}|${wall}|${JSON.stringify(current)}`} className="screen-story" testId="screen-story">
            {event && <ScreenEvent event={event} />}
            {eventQuestions.length > 0 && (
              <section className="screen-event-questions" data-testid="screen-event-questions" aria-labelledby="screen-event-questions-title">
                <h2 id="screen-event-questions-title" data-page-item data-keep-with-next>
                  {t('screen.event.questions')}
                </h2>
                <ul className="screen-prompts">
                  {eventQuestions.map((q, i) => (
                    <li key={i} data-page-item>
                      {q}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {/* The questions the room talks about come before the long list of what changed. */}
            {changes && (
              <div className="screen-changes" data-testid="screen-changes">
                <ChangeLists changes={changes} heading="h3" pageItems />
              </div>
            )}
            {stepPrompts.length > 0 && (
              <ul className="screen-prompts">
                {stepPrompts.map((p, i) => (
                  <li key={i} data-page-item>
                    {p}
                  </li>
                ))}
              </ul>
            )}
            {wall && <ScreenInsights game={game} current={current} />}
            {trace.length > 0 && <StoppedTrace game={game} ended={trace} />}
          </Pager>
        )}
        {side.legend && <Legend scenario={game.scenario} big />}
        <Invite game={game} joinUrl={joinUrl} size={invite} />
      </aside>
    </main>
  );
}

/** The latest event: its whole story, in paragraphs of whole sentences so a page never ends mid-sentence. */
function ScreenEvent({ event }: { event: ScenarioEvent }) {
  const t = useT();
  return (
    <section className="screen-event" aria-live="polite" data-testid="screen-event">
      <header data-page-item data-keep-with-next>
        <p className="screen-event-kicker">{t('events.latest')}</p>
        <h2>{event.title}</h2>
      </header>
      {storyChunks(event.narrative).map((chunk, i) => (
        <p key={i} className="screen-event-text" data-page-item>
          {chunk}
        </p>
      ))}
    </section>
  );
}

/** The cards that stopped at this table, besides those the latest event lists with its reasons. */
function StoppedTrace({ game, ended }: { game: SessionState; ended: SessionState['tables'][string]['ended'] }) {
  const t = useT();
  return (
    <section className="screen-trace" data-testid="screen-trace" aria-label={t('screen.trace.label')}>
      <h2 data-page-item data-keep-with-next>
        {t('screen.trace')}
      </h2>
      <ul>
        {ended.map((e) => (
          <li key={`${e.eventId}-${e.card.id}`} data-page-item data-card={e.card.id}>
            <span className="screen-trace-label">{e.card.label}</span>
            <span className="screen-trace-event">{game.scenario.events.find((ev) => ev.id === e.eventId)?.title}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Two tables side by side, each with its name, step, timer and question, for comparing groups. */
function TwoTables({ game, ids, joinUrl }: { game: SessionState; ids: [string, string]; joinUrl: string }) {
  const t = useT();
  const wall = hasWall(game);
  // The screen's controls sit in the title row of the right-most column, where nothing else is.
  const controls = (
    <div className="screen-controls">
      <ScreenControls />
    </div>
  );
  const joining = isJoining(game, ids);
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
                <h1 id={`screen-table-${id}`}>{tableLabel(table, id, t)}</h1>
                {i === 1 && !wall && controls}
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
            {prompt !== undefined ? <ScreenPrompt text={prompt} compact /> : event && <EventLine game={game} tableId={id} event={event} />}
          </section>
        );
      })}
      {wall && (
        <aside className="screen-pair-wall">
          <div className="screen-pair-title">{controls}</div>
          <Pager className="screen-story" testId="screen-story">
            <ScreenInsights game={game} current={null} />
          </Pager>
        </aside>
      )}
      {joining && <Invite game={game} joinUrl={joinUrl} size="slim" />}
    </main>
  );
}

/**
 * Three to six tables at once, each a wheel with its name, step and timer: the whole room at a
 * glance. The story of each table is on its tablets; here a line says what last happened.
 */
function TableGrid({ game, ids, joinUrl }: { game: SessionState; ids: string[]; joinUrl: string }) {
  const t = useT();
  const wall = hasWall(game);
  const joining = isJoining(game, ids);
  const columns = wall ? 2 : ids.length === 4 ? 2 : 3;
  // With a cell to spare (five tables in 3 × 2), the invitation takes it; otherwise the title bar.
  const spare = ids.length % columns !== 0;
  const invite = joining && <Invite game={game} joinUrl={joinUrl} size="slim" />;
  return (
    <main id="main" className={`screen-grid${wall ? ' has-wall' : ''}`} data-testid="screen-grid" data-count={ids.length}>
      <header className="screen-grid-bar">
        <p className="screen-grid-title">
          {game.scenario.persona.avatar && <span aria-hidden="true">{game.scenario.persona.avatar} </span>}
          {game.scenario.persona.name} · {game.scenario.meta.title}
        </p>
        {!spare && invite}
        <div className="screen-controls">
          <ScreenControls />
        </div>
      </header>
      <div className="screen-grid-tables" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
        {ids.map((id) => {
          const table = game.tables[id];
          if (!table) return null;
          const event = table.step === 'spelen' || table.step === 'reflectie' ? latestEvent(game, id) : null;
          return (
            <section key={id} className="screen-grid-table" aria-labelledby={`screen-table-${id}`} data-testid={`screen-table-${id}`}>
              <div className="screen-grid-board">
                <Board tableId={id} mode="screen" />
              </div>
              <div className="screen-grid-info">
                <h1 id={`screen-table-${id}`}>{tableLabel(table, id, t)}</h1>
                <StepIndicator size="big" tableId={id} />
                <TimerDisplay size="big" tableId={id} />
                {table.locked && <p className="screen-grid-note">{t('screen.calm.title')}</p>}
                {event && <EventLine game={game} tableId={id} event={event} />}
              </div>
            </section>
          );
        })}
        {spare && invite && <div className="screen-grid-spare">{invite}</div>}
      </div>
      {wall && (
        <aside className="screen-grid-wall">
          <Pager className="screen-story" testId="screen-story">
            <ScreenInsights game={game} current={null} />
          </Pager>
        </aside>
      )}
    </main>
  );
}

/** One line under a wheel: the latest event and how many cards it stopped there. */
function EventLine({ game, tableId, event }: { game: SessionState; tableId: string; event: ScenarioEvent }) {
  const t = useT();
  const stopped = (game.tables[tableId]?.ended ?? []).filter((e) => e.eventId === event.id).length;
  return (
    <p className="screen-pair-event" data-testid={`screen-event-line-${tableId}`}>
      {event.title}
      {stopped > 0 && <span className="screen-event-stopped"> · {stopped === 1 ? t('screen.grid.endedOne') : t('screen.grid.ended', { n: stopped })}</span>}
    </p>
  );
}

/** The invitation only matters while someone at one of these tables may still be joining. */
function isJoining(game: SessionState, ids: string[]): boolean {
  return ids.some((id) => game.tables[id]?.step === 'kennismaken' || !Object.values(game.seats).some((s) => s.tableId === id));
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

/**
 * The screen's own controls, faint until pointed at, where nothing else is (beside the step,
 * or in a title row): full screen, and the language of this wall (kept on this device only, so
 * the facilitator's own page keeps its language).
 */
function ScreenControls({ fullscreen = true }: { fullscreen?: boolean }) {
  const setLang = useApp((s) => s.setLang);
  return (
    <>
      {fullscreen && <FullscreenButton className="screen-fullscreen" />}
      <LanguageSwitch
        className="screen-lang"
        onChoose={(lang) => {
          save(keys.screenLang, lang);
          setLang(lang, false);
        }}
      />
    </>
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
