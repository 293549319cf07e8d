import type { CommittedAction, Snapshot } from '@samenspel/game-core';
import { keys, load } from '../../lib/storage';
import { ApiError } from '../../net/api';

/*
 * The facilitator's HTTP requests: the log, the report, a co-facilitator link and deleting the
 * session. Each carries the host token as a bearer header, never in the URL, so it does not end
 * up in server logs or browser history.
 */

export interface SessionLog {
  initial: Snapshot;
  actions: CommittedAction[];
}

export interface Cohost {
  cohostToken: string;
  hostPath: string;
}

function authHeaders(sessionId: string): Record<string, string> {
  const token = load(keys.host(sessionId));
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function hostFetch(sessionId: string, path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}${path}`, {
      ...init,
      headers: { ...authHeaders(sessionId), ...(init.headers ?? {}) },
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { code?: unknown; message?: unknown } | null;
    throw new ApiError(res.status, typeof body?.code === 'string' ? body.code : 'INTERNAL', typeof body?.message === 'string' ? body.message : res.statusText);
  }
  return res;
}

/** Every action of the session since it started, for the timeline. */
export async function fetchLog(sessionId: string): Promise<SessionLog> {
  const res = await hostFetch(sessionId, '/log', { headers: { Accept: 'application/json' } });
  return (await res.json()) as SessionLog;
}

/** The report as JSON; the caller knows its shape (`SessionReport`). */
export async function fetchReportJson<T>(sessionId: string): Promise<T> {
  const res = await hostFetch(sessionId, '/report.json', { headers: { Accept: 'application/json' } });
  return (await res.json()) as T;
}

/** Fetches a report file with the host header and hands it to the browser as a download. */
export async function downloadReport(sessionId: string, kind: 'pdf' | 'json', fallbackName: string): Promise<void> {
  const res = await hostFetch(sessionId, `/report.${kind}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = attachmentName(res.headers.get('content-disposition')) ?? fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; give the browser a moment before freeing the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The file name the server suggests in `Content-Disposition`, if any. */
export function attachmentName(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed name; fall back to the plain one.
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? null;
}

/** A second facilitator's own secret link to this session's host page. */
export async function createCohost(sessionId: string): Promise<Cohost> {
  const res = await hostFetch(sessionId, '/cohost', { method: 'POST', headers: { Accept: 'application/json' } });
  return (await res.json()) as Cohost;
}

/** Deletes the session and everything in it from the server, at once. */
export async function deleteSession(sessionId: string): Promise<void> {
  await hostFetch(sessionId, '', { method: 'DELETE' });
}

let retention: Promise<number | null> | null = null;

/** How many days the server keeps a session; null when the server does not say. */
export function fetchRetentionDays(): Promise<number | null> {
  retention ??= fetch('/api/info')
    .then((res) => (res.ok ? (res.json() as Promise<{ retentionDays?: unknown }>) : null))
    .then((info) => (typeof info?.retentionDays === 'number' && info.retentionDays > 0 ? info.retentionDays : null))
    .catch(() => {
      retention = null;
      return null;
    });
  return retention;
}
