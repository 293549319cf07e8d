import type { TableState } from '@samenspel/game-core';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store';
import { sendAnnounced, TimerDisplay, timerVisible } from '../../ui/Facilitation';

// The facilitator's half of ui/Facilitation.tsx: the tablet shows the timer and the calm
// banner from there, and does not download these controls.

const MINUTE = 60_000;
const LENGTHS = [5, 10, 15, 20];

/**
 * The facilitator's timer, "Rust", private round and "Iedereen hierheen", for the tables in
 * `tableIds` (undefined: every table). It shows the state of the table being looked at;
 * `targets` are the tables the buttons affect, spelled out.
 */
export function FacilitationPanel({ tableIds, targets }: { tableIds: string[] | undefined; targets: string[] }) {
  const t = useT();
  const timer = useApp((s) => (s.tableId ? (s.game?.tables[s.tableId]?.timer ?? null) : null));
  const locked = useApp((s) => (s.tableId ? (s.game?.tables[s.tableId]?.locked ?? false) : false));
  const isPrivate = useApp((s) => (s.tableId ? (s.game?.tables[s.tableId]?.private ?? false) : false));
  const hiddenCount = useApp((s) => countHidden(s.game?.tables, targets));
  const [minutes, setMinutes] = useState(10);
  if (!timer) return null;
  const running = timer.startedAt !== null;
  const started = timerVisible(timer);
  const scope = { tableIds };
  return (
    <section className="panel facilitation" aria-labelledby="facilitation-title">
      <h2 id="facilitation-title">{t('host.facilitation')}</h2>
      <TimerDisplay />
      <div className="button-row">
        <label className="timer-length">
          <span>{t('timer.length')}</span>
          <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} data-testid="timer-length">
            {LENGTHS.map((m) => (
              <option key={m} value={m}>
                {t('timer.minutes', { n: m })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button-primary" data-testid="timer-start" onClick={() => void sendAnnounced('timer:start', { durationMs: minutes * MINUTE, ...scope })}>
          {t('timer.start')}
        </button>
      </div>
      {started && (
        <div className="button-row">
          {running ? (
            <button type="button" className="button-secondary" data-testid="timer-pause" onClick={() => void sendAnnounced('timer:pause', scope)}>
              {t('timer.pause')}
            </button>
          ) : (
            <button type="button" className="button-secondary" data-testid="timer-resume" onClick={() => void sendAnnounced('timer:start', scope)}>
              {t('timer.resume')}
            </button>
          )}
          <button type="button" className="button-secondary" data-testid="timer-extend" onClick={() => void sendAnnounced('timer:extend', { ms: MINUTE, ...scope })}>
            {t('timer.extend')}
          </button>
          <button type="button" className="button-secondary" data-testid="timer-reset" onClick={() => void sendAnnounced('timer:reset', scope)}>
            {t('timer.reset')}
          </button>
        </div>
      )}
      <div className="facilitation-group">
        <button
          type="button"
          className={locked ? 'button-primary' : 'button-secondary'}
          aria-pressed={locked}
          data-testid="lock-toggle"
          onClick={() => void sendAnnounced('board:lock', { locked: !locked, ...scope })}
        >
          {locked ? t('lock.release') : t('lock.engage')}
        </button>
      </div>
      <div className="facilitation-group">
        <button
          type="button"
          className={isPrivate ? 'button-primary' : 'button-secondary'}
          aria-pressed={isPrivate}
          aria-describedby="private-explain"
          data-testid="private-toggle"
          onClick={() => void sendAnnounced('privacy:set', { private: !isPrivate, ...scope })}
        >
          {isPrivate ? t('host.private.off') : t('host.private.on')}
        </button>
        <p id="private-explain" className="muted small">
          {t('host.private.explain')}
        </p>
        <button type="button" className="button-secondary" disabled={hiddenCount === 0} data-testid="cards-reveal" onClick={() => void sendAnnounced('cards:reveal', scope)}>
          {t('host.cards.reveal', { n: hiddenCount })}
        </button>
      </div>
      <div className="facilitation-group">
        <button type="button" className="button-secondary" aria-describedby="summon-explain" data-testid="summon" onClick={() => void sendAnnounced('step:summon', scope)}>
          {t('host.summon')}
        </button>
        <p id="summon-explain" className="muted small">
          {t('host.summon.explain')}
        </p>
      </div>
    </section>
  );
}

/** Cards placed in private mode and not yet revealed, at the given tables. */
function countHidden(tables: Record<string, TableState> | undefined, ids: readonly string[]): number {
  if (!tables) return 0;
  let n = 0;
  for (const id of ids) for (const card of Object.values(tables[id]?.cards ?? {})) if (card.hidden) n++;
  return n;
}
