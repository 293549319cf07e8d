import { timerRemaining, type ActionPayloads, type ActionType, type TimerState } from '@samenspel/game-core';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT';
import { errorText, session } from '../net';
import { appStore, useApp } from '../store';

/** Sends an action and says out loud (toast and live region) why it was refused, if it was. */
export async function sendAnnounced<K extends Exclude<ActionType, 'seat:claim'>>(type: K, payload: ActionPayloads[K]) {
  const client = session();
  if (!client) return;
  const result = await client.send(type, payload);
  if (!result.ok) {
    const s = appStore.getState();
    s.announce(errorText(s.lang, result.code), 'error');
  }
}

function formatClock(ms: number): string {
  const total = Math.ceil(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** Re-renders every quarter second while the timer runs; a paused timer needs no ticking. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [running]);
  return running ? now : Date.now();
}

export function timerVisible(timer: TimerState): boolean {
  return timer.startedAt !== null || timer.elapsedMs > 0;
}

/**
 * The shared timer as every screen shows it. Advisory: when time is up it says so clearly, but
 * nothing is blocked, so a good conversation is never cut off by software. Without `tableId`
 * it shows the table this device looks at.
 */
export function TimerDisplay({ size = 'normal', tableId }: { size?: 'normal' | 'big'; tableId?: string }) {
  const t = useT();
  const timer = useApp((s) => {
    const id = tableId ?? s.tableId;
    return id ? (s.game?.tables[id]?.timer ?? null) : null;
  });
  const now = useNow(timer?.startedAt != null);
  if (!timer || !timerVisible(timer)) return null;
  const left = timerRemaining(timer, now);
  const up = left <= 0;
  const paused = timer.startedAt === null;
  return (
    <div
      className={`timer timer-${size}${up ? ' is-up' : ''}${paused ? ' is-paused' : ''}`}
      data-testid="timer"
      data-state={up ? 'up' : paused ? 'paused' : 'running'}
      role="timer"
      aria-label={up ? t('timer.up') : t('timer.left', { time: formatClock(left) })}
    >
      <span className="timer-clock">{up ? t('timer.up') : formatClock(left)}</span>
      {paused && !up && <span className="timer-note">{t('timer.paused')}</span>}
    </div>
  );
}

/** On tablets while the facilitator has asked for calm: why nothing moves right now. */
export function LockBanner() {
  const t = useT();
  const locked = useApp((s) => (s.tableId ? (s.game?.tables[s.tableId]?.locked ?? false) : false));
  if (!locked) return null;
  return (
    <div className="lock-banner" role="status" data-testid="lock-banner">
      {t('lock.banner')}
    </div>
  );
}
