import type { Scenario } from '@samenspel/game-core';
import { useEffect } from 'react';
import type { ScenarioProblem } from '../../net/api';

/* The trainer pages' side of the HTTP API (see docs/protocol.md). */

export async function fetchScenario(id: string): Promise<Scenario | null> {
  const res = await fetch(`/api/scenarios/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { scenario: Scenario }).scenario;
}

export async function fetchSource(id: string): Promise<string | null> {
  const res = await fetch(`/api/scenarios/${encodeURIComponent(id)}/source`);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}

/** What the server allows trainers, and the scenario folder as SCENARIOS_DIR names it. */
export interface TrainerConfig {
  scenariosWritable: boolean;
  scenariosDir: string;
}

export async function fetchConfig(): Promise<TrainerConfig> {
  const fallback: TrainerConfig = { scenariosWritable: false, scenariosDir: 'scenarios' };
  try {
    const res = await fetch('/api/config', { headers: { Accept: 'application/json' } });
    if (!res.ok) return fallback;
    return { ...fallback, ...((await res.json()) as Partial<TrainerConfig>) };
  } catch {
    return fallback;
  }
}

const TRAINER_KEY = 'samenspel.trainerSecret';

/**
 * The trainer secret the server printed at start, as `…/scenarios#trainer=<secret>`. It is
 * taken out of the address at once (so it is not in the history or a shared screenshot) and
 * kept for this tab only.
 */
export function takeTrainerSecretFromLink(): void {
  const match = /(?:^#|&)trainer=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return;
  rememberTrainerSecret(decodeURIComponent(match[1]));
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
}

export function rememberTrainerSecret(secret: string): void {
  try {
    sessionStorage.setItem(TRAINER_KEY, secret.trim());
  } catch {
    // Private mode without storage: the trainer types it again next time.
  }
}

function trainerSecret(): string | null {
  try {
    return sessionStorage.getItem(TRAINER_KEY);
  } catch {
    return null;
  }
}

export type SaveResult =
  | { kind: 'saved' }
  | { kind: 'forbidden' }
  /** The server wants the trainer secret (none was given, or it was wrong). */
  | { kind: 'secret'; wrong: boolean }
  | { kind: 'problems'; problems: ScenarioProblem[] }
  | { kind: 'failed'; message: string };

export async function saveSource(id: string, text: string): Promise<SaveResult> {
  let res: Response;
  try {
    const secret = trainerSecret();
    res = await fetch(`/api/scenarios/${encodeURIComponent(id)}/source`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'text/yaml; charset=utf-8',
        Accept: 'application/json',
        ...(secret ? { Authorization: `Bearer ${secret}` } : {}),
      },
      body: text,
    });
  } catch (e) {
    return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
  if (res.ok) return { kind: 'saved' };
  if (res.status === 401) return { kind: 'secret', wrong: false };
  if (res.status === 403) {
    const body = (await res.json().catch(() => null)) as { code?: string } | null;
    return body?.code === 'BAD_TRAINER_SECRET' ? { kind: 'secret', wrong: true } : { kind: 'forbidden' };
  }
  const body = (await res.json().catch(() => null)) as { message?: string; problems?: ScenarioProblem[] } | null;
  if (res.status === 422 && body?.problems) return { kind: 'problems', problems: body.problems };
  return { kind: 'failed', message: body?.message ?? `HTTP ${res.status}` };
}

/** Calls `onChange` whenever a scenario file on the server changes (saved, or edited under `npm run dev`). */
export function useScenarioChanges(onChange: () => void): void {
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/scenarios/events');
    source.addEventListener('changed', onChange);
    return () => source.close();
  }, [onChange]);
}
