/*
 * The HTTP side of the server: scenario list, starting a session, QR codes. Everything live
 * goes over the socket instead.
 */

export interface ScenarioProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  suggestion?: string | null | undefined;
}

export interface ScenarioSummary {
  id: string;
  title: string;
  description: string;
  durationMinutes: number | null;
  persona: { name: string; age: number; avatar?: string | null | undefined; situation: string } | null;
  roles: number;
  cards: number;
  status: 'ok' | 'error';
  problems: ScenarioProblem[];
  /** Where the file lives, as the server's SCENARIOS_DIR names it: `scenarios/<id>/scenario.yaml` by default. */
  file: string;
}

export interface CreatedSession {
  sessionId: string;
  code: string;
  hostToken: string;
  joinUrl?: string | undefined;
  screenUrl?: string | undefined;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { Accept: 'application/json', ...(init?.headers ?? {}) } });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (body ?? {}) as { code?: unknown; message?: unknown };
    throw new ApiError(res.status, typeof e.code === 'string' ? e.code : 'INTERNAL', typeof e.message === 'string' ? e.message : res.statusText);
  }
  return body as T;
}

export async function listScenarios(): Promise<ScenarioSummary[]> {
  const body = await request<{ scenarios: ScenarioSummary[] }>('/api/scenarios');
  return body.scenarios;
}

export function createSession(scenarioId: string, tables: number): Promise<CreatedSession> {
  return request<CreatedSession>('/api/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenarioId, tables }),
  });
}

/** Where a scenario's own files (a persona photo) are served. */
export function scenarioFileUrl(scenarioId: string, name: string): string {
  return `/api/scenarios/${encodeURIComponent(scenarioId)}/files/${encodeURIComponent(name)}`;
}
