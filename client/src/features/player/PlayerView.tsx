import { useEffect, useState } from 'react';
import { Board } from '../../board/Board';
import { DeckPanel } from '../../board/DeckPanel';
import { Legend } from '../../board/Legend';
import { SelectionPanel } from '../../board/SelectionPanel';
import { useT } from '../../i18n/useT';
import { session } from '../../net';
import { useApp } from '../../store';
import { ConnectionBanner } from '../../ui/ConnectionBanner';
import { Dialog } from '../../ui/Dialog';
import { EventStory, latestEvent } from '../../ui/EventStory';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { PersonaStory } from '../../ui/PersonaStory';
import { RoleCard } from '../../ui/RoleCard';
import { LockBanner, TimerDisplay } from '../../ui/Facilitation';
import { StepIndicator } from '../../ui/StepIndicator';

/** The tablet during play: the wheel, the deck, and the role card one tap away. */
export function PlayerView({ seatId }: { seatId: string }) {
  const t = useT();
  const seat = useApp((s) => s.game?.seats[seatId] ?? null);
  const scenario = useApp((s) => s.game?.scenario ?? null);
  const [open, setOpen] = useState<'role' | 'persona' | 'event' | null>(null);
  const game = useApp((s) => s.game);

  useEffect(() => {
    if (scenario) document.title = `${scenario.persona.name} · ${t('app.name')}`;
  }, [scenario, t]);

  if (!seat || !scenario || !game) return null;
  const role = scenario.roles.find((r) => r.id === seat.roleId);
  const event = latestEvent(game, seat.tableId);

  return (
    <div className={`play-shell${event ? ' has-event' : ''}`}>
      <header className="topbar topbar-play">
        <div className="who">
          <span className="who-role">{role?.name}</span>
          <span className="who-name">{seat.name}</span>
        </div>
        <StepIndicator />
        <TimerDisplay />
        <div className="topbar-actions">
          <button type="button" className="button-secondary" onClick={() => setOpen('persona')} data-testid="open-persona">
            {t('persona.about', { name: scenario.persona.name })}
          </button>
          <button type="button" className="button-secondary" onClick={() => setOpen('role')} data-testid="open-role">
            {t('role.show')}
          </button>
          <LanguageSwitch />
        </div>
      </header>
      <ConnectionBanner onRetry={() => session()?.retry()} />
      <LockBanner />
      {event && (
        <div className="event-banner" data-testid="event-banner">
          <span>
            <strong>{event.title}</strong>
          </span>
          <button type="button" className="button-secondary" onClick={() => setOpen('event')}>
            {t('events.readMore')}
          </button>
        </div>
      )}
      <main id="main" className="play">
        <div className="board-wrap">
          <Board tableId={seat.tableId} mode="player" ownRoleId={seat.roleId} />
        </div>
        <aside className="side-panel">
          <SelectionPanel tableId={seat.tableId} scenario={scenario} />
          <DeckPanel tableId={seat.tableId} scenario={scenario} />
          <Legend scenario={scenario} />
        </aside>
      </main>
      <Dialog open={open === 'role'} onClose={() => setOpen(null)} label={t('player.myRole')}>
        {role && <RoleCard role={role} />}
        <button type="button" className="button-primary" onClick={() => setOpen(null)} autoFocus>
          {t('role.close')}
        </button>
      </Dialog>
      {event && (
        <Dialog open={open === 'event'} onClose={() => setOpen(null)} label={event.title}>
          <EventStory game={game} tableId={seat.tableId} event={event} />
          <button type="button" className="button-primary" onClick={() => setOpen(null)}>
            {t('role.close')}
          </button>
        </Dialog>
      )}
      <Dialog open={open === 'persona'} onClose={() => setOpen(null)} label={t('persona.about', { name: scenario.persona.name })}>
        <PersonaStory scenario={scenario} />
        <button type="button" className="button-primary" onClick={() => setOpen(null)}>
          {t('role.close')}
        </button>
      </Dialog>
    </div>
  );
}
