import { MAX_TABLES, STEPS, type SessionState, type Step } from '@samenspel/game-core';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { paths } from '../../app/router';
import { Board } from '../../board/Board';
import { DeckPanel } from '../../board/DeckPanel';
import { SelectionPanel } from '../../board/SelectionPanel';
import { RedactCard } from './RedactCard';
import { useT } from '../../i18n/useT';
import { keys, load, save } from '../../lib/storage';
import { connectSession, disconnectSession, session } from '../../net';
import { useApp } from '../../store';
import { ConnectionBanner } from '../../ui/ConnectionBanner';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { SessionInvite } from '../../ui/SessionInvite';
import { FacilitationPanel, sendAnnounced, TimerDisplay } from '../../ui/Facilitation';
import { StepIndicator } from '../../ui/StepIndicator';
import { useJoinBase } from '../../ui/useJoinBase';
import { EventsPanel } from './EventsPanel';
import { InsightsPanel } from './InsightsPanel';
import { InterviewPanel, SituationPanel } from './StoryPanels';
import { OverviewPanel } from './OverviewPanel';
import { PeoplePanel } from './PeoplePanel';
import { PollsPanel } from './PollsPanel';
import { QuestionsPanel } from './QuestionsPanel';
import { ReportPanel } from './ReportPanel';
import { ScreenPanel } from './ScreenPanel';
import { ScopeContext, useScope, type Scope } from './scope';
import { freeRolesAtStart, StartPlayCheck } from './StartPlayCheck';
import { TimelinePanel } from './TimelinePanel';
import './host.css';
import { Brand } from '../../ui/Brand';
import { tableLabel } from '../../ui/tableLabel';

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
  const [tab, setTab] = useState<HostTab>('table');
  const [scopeAll, setScopeAll] = useState(true);

  const tableOrder = game?.tableOrder;
  const scope = useMemo<Scope>(() => {
    const several = (tableOrder?.length ?? 0) > 1;
    if (!several || scopeAll || !tableId) return { all: true, tableIds: undefined, targets: tableOrder ?? [] };
    return { all: false, tableIds: [tableId], targets: [tableId] };
  }, [tableOrder, scopeAll, tableId]);

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
  const step = game.tables[tableId]?.step ?? 'kennismaken';

  return (
    <div className="host-shell">
      <header className="topbar">
        <Brand name={t('host.title')} tagline={game.scenario.meta.title} />
        {/* The time left stays in view while the controls column scrolls. */}
        <div className="host-topbar-status">
          <StepIndicator />
          <TimerDisplay />
        </div>
        <LanguageSwitch />
      </header>
      <ConnectionBanner onRetry={() => session()?.retry()} />
      <HostTabs tab={tab} onChange={setTab} />
      {tab === 'table' ? (
        <ScopeContext.Provider value={scope}>
          <main id="main" className="host" role="tabpanel" aria-labelledby="host-tab-table">
            <aside className="host-controls" aria-label={t('host.controls')}>
              {game.tableOrder.length > 1 && <ScopeSwitch game={game} tableId={tableId} all={scope.all} onChange={setScopeAll} />}
              <StepControl game={game} step={step} />
              {game.tableOrder.length > 1 && <ScreenPanel game={game} tableId={tableId} />}
              {panelOrder(step, game.activePoll !== null, game.events.some((e) => e.tableIds.includes(tableId))).map((id) => {
                switch (id) {
                  case 'polls':
                    return <PollsPanel key={id} game={game} step={step} />;
                  case 'interview':
                    return <InterviewPanel key={id} game={game} tableId={tableId} step={step} />;
                  case 'situation':
                    return <SituationPanel key={id} game={game} tableId={tableId} step={step} />;
                  case 'events':
                    return <EventsPanel key={id} game={game} tableId={tableId} step={step} />;
                  case 'questions':
                    return <QuestionsPanel key={id} game={game} tableId={tableId} step={step} />;
                  case 'insights':
                    return <InsightsPanel key={id} game={game} step={step} />;
                  case 'facilitation':
                    return <FacilitationPanel key={id} tableIds={scope.tableIds} targets={scope.targets} />;
                  case 'people':
                    return <PeoplePanel key={id} game={game} />;
                }
              })}
              <section className="panel" aria-labelledby="invite-title">
                <h2 id="invite-title">{t('host.joinWith')}</h2>
                <SessionInvite code={game.code} joinUrl={joinUrl} size="compact" />
                <a
                  className="button-secondary"
                  href={paths.screen(game.code)}
                  target="_blank"
                  rel="noopener"
                  data-testid="host-screen-link"
                >
                  {t('host.openScreen')}
                </a>
              </section>
            </aside>
            <section className="host-board" aria-label={t('host.table')}>
              <TableTabs game={game} tableId={tableId} />
              <div className="board-wrap">
                <Board tableId={tableId} mode="host" />
              </div>
            </section>
            <aside className="side-panel">
              <SelectionPanel tableId={tableId} scenario={game.scenario} cardTools={(card) => <RedactCard tableId={tableId} card={card} />} />
              <DeckPanel tableId={tableId} scenario={game.scenario} />
            </aside>
          </main>
        </ScopeContext.Provider>
      ) : (
        <main id="main" className="host-tab-panel" role="tabpanel" aria-labelledby={`host-tab-${tab}`}>
          {tab === 'overview' ? <OverviewPanel onView={() => setTab('table')} /> : tab === 'timeline' ? <TimelinePanel /> : <ReportPanel />}
        </main>
      )}
    </div>
  );
}

type PanelId = 'polls' | 'interview' | 'situation' | 'events' | 'questions' | 'insights' | 'facilitation' | 'people';

/*
 * The controls in the order a step needs them: what this step is about first, then the timer,
 * calm and the people, which every step needs, then the other steps' panels, folded.
 */
const PANEL_ORDER: Record<Step, PanelId[]> = {
  kennismaken: ['polls', 'interview', 'questions', 'facilitation', 'people', 'situation', 'events', 'insights'],
  situatie: ['situation', 'questions', 'facilitation', 'people', 'polls', 'interview', 'events', 'insights'],
  spelen: ['events', 'questions', 'facilitation', 'people', 'polls', 'interview', 'situation', 'insights'],
  reflectie: ['questions', 'insights', 'facilitation', 'people', 'polls', 'interview', 'situation', 'events'],
};

/**
 * The panel order for a step; a poll on the screens comes first, wherever the workshop is. Once
 * an event has happened at this table, its questions come before the remaining events.
 */
function panelOrder(step: Step, pollActive: boolean, eventHappened: boolean): PanelId[] {
  const stepOrder = PANEL_ORDER[step];
  const order: PanelId[] = step === 'spelen' && eventHappened ? ['questions', 'events', ...stepOrder.filter((id) => id !== 'questions' && id !== 'events')] : stepOrder;
  return pollActive ? ['polls', ...order.filter((id) => id !== 'polls')] : order;
}

const HOST_TABS = ['table', 'overview', 'timeline', 'report'] as const;
type HostTab = (typeof HOST_TABS)[number];

/** The four views of the host page; arrow keys move between them, as in every tab list. */
function HostTabs({ tab, onChange }: { tab: HostTab; onChange: (tab: HostTab) => void }) {
  const t = useT();
  const onKeyDown = (e: KeyboardEvent) => {
    const i = HOST_TABS.indexOf(tab);
    const n = HOST_TABS.length;
    const target = { ArrowRight: (i + 1) % n, ArrowLeft: (i + n - 1) % n, Home: 0, End: n - 1 }[e.key];
    const next = target === undefined ? undefined : HOST_TABS[target];
    if (!next) return;
    e.preventDefault();
    onChange(next);
    document.getElementById(`host-tab-${next}`)?.focus();
  };
  return (
    <nav className="host-tabs" aria-label={t('host.tabs')}>
      <div role="tablist" aria-label={t('host.tabs')} onKeyDown={onKeyDown}>
        {HOST_TABS.map((id) => (
          <button
            key={id}
            id={`host-tab-${id}`}
            type="button"
            role="tab"
            className="host-tab"
            aria-selected={id === tab}
            tabIndex={id === tab ? 0 : -1}
            data-testid={`host-tab-${id}`}
            onClick={() => onChange(id)}
          >
            {t(`host.tab.${id}`)}
          </button>
        ))}
      </div>
    </nav>
  );
}

/** With several tables: do the controls below lead the table on screen, or every table? */
function ScopeSwitch({ game, tableId, all, onChange }: { game: SessionState; tableId: string; all: boolean; onChange: (all: boolean) => void }) {
  const t = useT();
  const name = tableLabel(game.tables[tableId], tableId, t);
  return (
    <section className="panel scope-switch" aria-labelledby="scope-title">
      <h2 id="scope-title">{t('host.scope.title')}</h2>
      <div className="segmented" role="group" aria-labelledby="scope-title">
        <button type="button" aria-pressed={all} data-testid="scope-all" onClick={() => onChange(true)}>
          {t('host.scope.all', { n: game.tableOrder.length })}
        </button>
        <button type="button" aria-pressed={!all} data-testid="scope-table" onClick={() => onChange(false)}>
          {t('host.scope.table', { name })}
        </button>
      </div>
    </section>
  );
}

function StepControl({ game, step }: { game: SessionState; step: Step }) {
  const t = useT();
  const { tableIds, targets } = useScope();
  const index = STEPS.indexOf(step);
  const prev = STEPS[index - 1];
  const next = STEPS[index + 1];
  const differ = new Set(game.tableOrder.map((id) => game.tables[id]?.step)).size > 1;
  // A step into play that would leave required roles free waits for the facilitator's word.
  const [waiting, setWaiting] = useState<Step | null>(null);
  const go = (s: Step, force = false) => {
    if (targets.every((id) => game.tables[id]?.step === s)) return;
    if (!force && freeRolesAtStart(game, targets, s).length > 0) return setWaiting(s);
    setWaiting(null);
    void sendAnnounced('step:set', { step: s, tableIds, ...(force ? { force } : {}) });
  };
  return (
    <section className="panel" aria-labelledby="steps-title">
      <h2 id="steps-title">{t('host.steps')}</h2>
      {differ && (
        <p className="host-note" data-testid="steps-differ">
          {t('host.steps.differ')}
        </p>
      )}
      <ol className="step-buttons">
        {STEPS.map((s, i) => (
          <li key={s}>
            <button
              type="button"
              className={`step-button${s === step ? ' is-current' : ''}`}
              aria-pressed={s === step}
              data-testid={`step-${s}`}
              onClick={() => go(s)}
            >
              <span className="step-button-n">{i + 1}</span>
              {t(`step.${s}`)}
            </button>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button type="button" className="button-secondary" disabled={!prev} onClick={() => prev && go(prev)} data-testid="step-prev">
          ← {t('host.prev')}
        </button>
        <button type="button" className="button-primary" disabled={!next} onClick={() => next && go(next)} data-testid="step-next">
          {t('host.next')} →
        </button>
      </div>
      <StartPlayCheck free={waiting ? freeRolesAtStart(game, targets, waiting) : []} onWait={() => setWaiting(null)} onStart={() => waiting && go(waiting, true)} />
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
  // When tables are in different steps, each tab says which step, so nobody has to click around.
  const differ = new Set(game.tableOrder.map((id) => game.tables[id]?.step)).size > 1;
  return (
    <div className="table-tabs" role="group" aria-label={t('host.table')}>
      {game.tableOrder.length > 1 &&
        game.tableOrder.map((id) => {
          const table = game.tables[id];
          return (
            <button key={id} type="button" className="chip" aria-pressed={id === tableId} onClick={() => setTable(id)} data-testid={`table-tab-${id}`}>
              {tableLabel(table, id, t)}
              {differ && table && <span className="table-tab-step">{t(`step.${table.step}`)}</span>}
            </button>
          );
        })}
      {game.tableOrder.length < MAX_TABLES && (
        <button type="button" className="button-link" onClick={() => void add()} disabled={adding}>
          + {t('host.addTable')}
        </button>
      )}
    </div>
  );
}
