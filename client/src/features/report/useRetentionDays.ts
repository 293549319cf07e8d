import { useEffect, useState } from 'react';
import { fetchRetentionDays } from './api';

/** How many days the server keeps a session, once it has said; null until then or if it does not. */
export function useRetentionDays(): number | null {
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    let cancelled = false;
    void fetchRetentionDays().then((n) => {
      if (!cancelled) setDays(n);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return days;
}
