import type { Step } from '@samenspel/game-core';
import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { markBoardShown } from '../../app/motion';
import { Board } from '../../board/Board';
import { DeckPanel } from '../../board/DeckPanel';
import { Legend } from '../../board/Legend';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/useT';
import { session } from '../../net';
import { appStore, useApp } from '../../store';
import { ConnectionBanner } from '../../ui/ConnectionBanner';
import { Dialog } from '../../ui/Dialog';
import { EventStory, latestEvent } from '../../ui/EventStory';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { RoleCard } from '../../ui/RoleCard';
import { roleAsChanged } from '../../ui/roleChanges';
import { LockBanner, TimerDisplay } from '../../ui/Facilitation';
import { StepIndicator } from '../../ui/StepIndicator';
import { useWakeLock } from '../../ui/useWakeLock';
import { InsightsView } from './InsightsView';
import { PersonaView } from './PersonaView';
import { PollOverlay, pollKey } from './PollOverlay';
import { PromptBanner } from './PromptBanner';
import { defaultView, tabsFor, type TabletView } from './views';
import './player.css';
import { tableLabel } from '../../ui/tableLabel';

/*
 * The panel of a chosen card opens after a first tap, so it is not part of what the tablet
 * downloads before its board shows; it is fetched as soon as the board is up (below).
 */
const loadSelectionPanel = () => import('../../board/SelectionPanel');
const SelectionPanel = lazy(() => loadSelectionPanel().then((m) => ({ default: m.SelectionPanel })));

/**
 * The tablet during play. It follows the table's step (persona and interview, the board, the
 * post-its) and lets the player look elsewhere; the facilitator's "iedereen hier" brings it back.
 */
export function PlayerView({ seatId }: { seatId: string }) {
  const t = useT();
  const seat = useApp((s) => s.game?.seats[seatId] ?? null);
  const scenario = useApp((s) => s.game?.scenario ?? null);
  const game = useApp((s) => s.game);
  const tableId = seat?.tableId ?? null;
  const step = useApp((s) => (tableId ? (s.game?.tables[tableId]?.step ?? null) : null));
  const summons = useApp((s) => (tableId ? (s.game?.tables[tableId]?.summons ?? 0) : 0));
  const revealed = useApp((s) => (tableId ? (s.game?.tables[tableId]?.interviewRevealed ?? 0) : 0));
  const personaAge = useApp((s) => (tableId ? (s.game?.tables[tableId]?.personaAge ?? null) : null));
  const pollNow = useApp((s) => pollKey(s.game));
  const [pollDismissed, setPollDismissed] = useState<string | null>(null);
  const pollOpen = pollNow !== null && pollNow !== pollDismissed;
  const [view, setView] = useState<TabletView>(() => defaultView(step ?? 'kennismaken'));
  const [eventOpen, setEventOpen] = useState(false);
  const seen = useRef<{ step: Step | null; summons: number }>({ step, summons });

  // A tablet lies on the table through long talks; it must not dim and lock while seated.
  useWakeLock(true);

  // The first view may be the persona or a poll rather than the board; their entrances need the animation engine now.
  useEffect(() => markBoardShown(), []);
  useEffect(() => {
    void loadSelectionPanel();
  }, []);

  useEffect(() => {
    if (scenario) document.title = `${scenario.persona.name} · ${t('app.name')}`;
  }, [scenario, t]);

  // The facilitator moved this seat to another table: the whole page now follows that table.
  useEffect(() => {
    if (tableId && appStore.getState().tableId !== tableId) appStore.getState().setTable(tableId);
  }, [tableId]);

  // A new step, or "bring everyone here": jump to what the step is about, and say so.
  useEffect(() => {
    const before = seen.current;
    seen.current = { step, summons };
    if (!step || (before.step === step && before.summons === summons)) return;
    const next = defaultView(step);
    setView(next);
    // "Everyone here" means the board and the room, not the story someone was still reading.
    setEventOpen(false);
    const s = appStore.getState();
    if (before.step !== step) s.announce(t('step.changed', { step: t(`step.${step}`) }));
    else s.announce(t('player.jumped', { view: tabLabel(next, scenario?.persona.name ?? '', t) }));
  }, [step, summons, scenario, t]);

  if (!seat || !scenario || !game || !step) return null;
  const table = game.tables[seat.tableId];
  // The role as events left it at this table: a mandate may have moved with the funding.
  const mine = table ? roleAsChanged(scenario, table, seat.roleId) : null;
  const role = mine?.role;
  const event = latestEvent(game, seat.tableId);
  const tableName = game.tables[seat.tableId] ? tableLabel(game.tables[seat.tableId], seat.tableId, t) : null;
  const tabs = tabsFor(step);
  const shown = tabs.includes(view) ? view : 'board';

  return (
    <div className="tablet-shell" data-view={shown} data-step={step}>
      {/* While a poll is open it is the only thing to do; the rest cannot be tabbed to. */}
      <div className="tablet-body" inert={pollOpen}>
        <header className="topbar topbar-play">
          <div className="who">
            <span className="who-role">{role?.name}</span>
            <span className="who-line">
              <span className="who-name">{seat.name}</span>
              {tableName && (
                <span className="who-table" data-testid="tablet-table" aria-label={t('player.table', { name: tableName })}>
                  {tableName}
                </span>
              )}
            </span>
          </div>
          {/* In the top bar, not a row of their own: every row above the board makes it smaller. */}
          <Tabs tabs={tabs} current={shown} personaName={scenario.persona.name} onChoose={setView} />
          <StepIndicator />
          <TimerDisplay />
          <div className="topbar-actions">
            <LanguageSwitch />
          </div>
        </header>
        <ConnectionBanner onRetry={() => session()?.retry()} />
        <LockBanner />
        {event && (
          <div className="tablet-nav">
            <div className="event-banner" data-testid="event-banner">
              <span>
                <strong>{event.title}</strong>
              </span>
              <button type="button" className="button-secondary" onClick={() => setEventOpen(true)} data-testid="event-read-more">
                {t('events.readMore')}
              </button>
            </div>
          </div>
        )}
        {shown !== 'role' && <PromptBanner tableId={seat.tableId} />}
        <div className="tablet-view" role="tabpanel" id={`tablet-panel-${shown}`} aria-labelledby={`tablet-tab-${shown}`}>
          {shown === 'board' && (
            <main id="main" className="play">
              <div className="board-wrap">
                <Board tableId={seat.tableId} mode="player" ownRoleId={seat.roleId} />
              </div>
              <aside className="side-panel">
                <Suspense fallback={null}>
                  <SelectionPanel tableId={seat.tableId} scenario={scenario} />
                </Suspense>
                <DeckPanel tableId={seat.tableId} scenario={scenario} />
                <Legend scenario={scenario} />
              </aside>
            </main>
          )}
          {shown === 'persona' && (
            <main id="main" className="tablet-scroll">
              <PersonaView scenario={scenario} age={personaAge ?? scenario.persona.age} revealed={revealed} readsAloud={role?.kind === 'persona'} />
            </main>
          )}
          {shown === 'role' && (
            <main id="main" className="tablet-scroll">
              <div className="tablet-page">{mine && <RoleCard role={mine.role} changes={mine.changes} />}</div>
            </main>
          )}
          {shown === 'insights' && (
            <main id="main" className="tablet-scroll">
              <InsightsView seatId={seat.id} />
            </main>
          )}
        </div>
        {event && (
          <Dialog open={eventOpen} onClose={() => setEventOpen(false)} label={event.title} className="dialog-event" testId="event-dialog">
            <EventStory game={game} tableId={seat.tableId} event={event} />
            <button type="button" className="button-primary" onClick={() => setEventOpen(false)} data-testid="event-dialog-close">
              {t('role.close')}
            </button>
          </Dialog>
        )}
      </div>
      <PollOverlay seatId={seat.id} dismissed={pollDismissed} onDismiss={setPollDismissed} />
    </div>
  );
}

const TAB_KEYS: Record<TabletView, MessageKey> = {
  board: 'player.tab.board',
  persona: 'player.tab.persona',
  role: 'player.tab.role',
  insights: 'player.tab.insights',
};

function tabLabel(view: TabletView, name: string, t: ReturnType<typeof useT>): string {
  return t(TAB_KEYS[view], { name });
}

/** The segmented control: what this tablet shows. Arrow keys move between tabs. */
function Tabs({ tabs, current, personaName, onChoose }: { tabs: TabletView[]; current: TabletView; personaName: string; onChoose: (v: TabletView) => void }) {
  const t = useT();
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.indexOf(current);
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    const next = tabs[(i + d + tabs.length) % tabs.length]!;
    onChoose(next);
    document.getElementById(`tablet-tab-${next}`)?.focus();
  };
  return (
    <nav className="tablet-tabs" aria-label={t('player.tabs')}>
      <div role="tablist" aria-label={t('player.tabs')} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`tablet-tab-${tab}`}
            aria-selected={tab === current}
            aria-controls={`tablet-panel-${tab}`}
            tabIndex={tab === current ? 0 : -1}
            className={`tablet-tab${tab === current ? ' is-current' : ''}`}
            data-testid={`tablet-tab-${tab}`}
            onClick={() => onChoose(tab)}
          >
            {tabLabel(tab, personaName, t)}
          </button>
        ))}
      </div>
    </nav>
  );
}
