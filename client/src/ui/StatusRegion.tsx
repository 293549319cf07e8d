import { useEffect, useState } from 'react';
import { useApp } from '../store';

const VISIBLE_MS = 6000;

/**
 * The one live region of a page: what just happened, and why something did not work. Screen
 * readers hear every message; sighted people see it for a few seconds.
 */
export function StatusRegion() {
  const announcement = useApp((s) => s.announcement);
  const [visibleId, setVisibleId] = useState<number | null>(null);

  useEffect(() => {
    if (!announcement) return;
    if (announcement.tone === 'hint') return;
    setVisibleId(announcement.id);
    const timer = setTimeout(() => setVisibleId(null), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [announcement]);

  const shown = announcement && visibleId === announcement.id;
  return (
    <div className={`status-region${shown ? ' is-shown' : ''}${announcement?.tone === 'error' ? ' is-error' : ''}`} role="status" aria-live="polite" aria-atomic="true" data-testid="status">
      {announcement ? <span key={announcement.id}>{announcement.text}</span> : null}
    </div>
  );
}
