import { useEffect, useState } from 'react';
import { keys, load, save } from '../lib/storage';

/**
 * The address tablets should use in join links and QR codes. The page that started the
 * session remembers it; any other device (a projector PC opened by link) asks the server,
 * because its own address may be `localhost`, which no tablet can reach.
 */
export function useJoinBase(sessionId: string | null): string {
  const stored = sessionId ? load(keys.joinBase(sessionId)) : null;
  const [base, setBase] = useState<string>(stored ?? location.origin);
  useEffect(() => {
    if (stored || !sessionId) return;
    let cancelled = false;
    fetch('/api/config')
      .then((res) => (res.ok ? (res.json() as Promise<{ joinBase?: unknown }>) : null))
      .then((config) => {
        if (cancelled || !config || typeof config.joinBase !== 'string') return;
        save(keys.joinBase(sessionId), config.joinBase);
        setBase(config.joinBase);
      })
      .catch(() => {
        // Offline for a moment: the page's own address is the best guess until it reconnects.
      });
    return () => {
      cancelled = true;
    };
  }, [sessionId, stored]);
  return stored ?? base;
}
