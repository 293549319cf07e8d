import { isReservedKey } from '@samenspel/game-core';
import { useSyncExternalStore } from 'react';

/*
 * A handful of pages need no router library: the path says which page, and pushState/popstate keep
 * the back button working.
 */

export type Route =
  | { name: 'home' }
  | { name: 'join'; code: string | null }
  | { name: 'host'; sessionId: string }
  | { name: 'hostReport'; sessionId: string }
  | { name: 'screen'; code: string; tableId: string | null }
  | { name: 'scenarios' }
  | { name: 'scenario'; id: string }
  | { name: 'scenarioEdit'; id: string | null }
  | { name: 'notFound' };

/** Join codes as people type them: lower case, spaces and dashes are fine. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 16);
}

export function parseRoute(pathname: string, search = ''): Route {
  const parts = pathname.split('/').filter(Boolean).map((p) => safeDecode(p));
  const [first, second, ...rest] = parts;
  if (first === 'scenarios') {
    // Trainers' pages: /scenarios, /scenarios/new, /scenarios/ID, /scenarios/ID/edit.
    if (!second) return { name: 'scenarios' };
    if (second === 'new' && rest.length === 0) return { name: 'scenarioEdit', id: null };
    if (rest.length === 0) return { name: 'scenario', id: second };
    if (rest.length === 1 && rest[0] === 'edit') return { name: 'scenarioEdit', id: second };
    return { name: 'notFound' };
  }
  // The facilitator's printable report: /host/ID/report.
  if (first === 'host' && second && rest.length === 1 && rest[0] === 'report') return { name: 'hostReport', sessionId: second };
  if (rest.length > 0) return { name: 'notFound' };
  if (first === undefined) return { name: 'home' };
  if (first === 'join') {
    const code = second ? normaliseCode(second) : '';
    return { name: 'join', code: code || null };
  }
  if (first === 'host' && second) return { name: 'host', sessionId: second };
  if (first === 'screen' && second) {
    const tableId = new URLSearchParams(search).get('table');
    // `?table=constructor` must not name something every object has.
    return { name: 'screen', code: normaliseCode(second), tableId: tableId && !isReservedKey(tableId) ? tableId : null };
  }
  return { name: 'notFound' };
}

export const paths = {
  home: () => '/',
  join: (code?: string) => (code ? `/join/${encodeURIComponent(code)}` : '/join'),
  host: (sessionId: string, hostToken?: string) => `/host/${encodeURIComponent(sessionId)}${hostToken ? `#${hostToken}` : ''}`,
  hostReport: (sessionId: string) => `/host/${encodeURIComponent(sessionId)}/report`,
  screen: (code: string, tableId?: string) => `/screen/${encodeURIComponent(code)}${tableId ? `?table=${encodeURIComponent(tableId)}` : ''}`,
  scenarios: () => '/scenarios',
  scenario: (id: string) => `/scenarios/${encodeURIComponent(id)}`,
  scenarioEdit: (id: string) => `/scenarios/${encodeURIComponent(id)}/edit`,
  scenarioNew: () => '/scenarios/new',
};

const listeners = new Set<() => void>();

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const l of listeners) l();
  if (!options.replace) window.scrollTo(0, 0);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const snapshot = () => `${location.pathname}${location.search}`;

export function useRoute(): Route {
  const key = useSyncExternalStore(subscribe, snapshot);
  const q = key.indexOf('?');
  return q < 0 ? parseRoute(key) : parseRoute(key.slice(0, q), key.slice(q));
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
