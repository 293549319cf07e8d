import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../net/api';
import { fetchLog } from './api';
import { buildTimeline, type Timeline } from './timeline';

/**
 * How long new actions gather before the log is fetched again. A fixed wait rather than "once
 * it is quiet": a table in full swing is never quiet, and the timeline must still keep up.
 */
const REFRESH_AFTER_MS = 1500;

export type TimelineLoad = { state: 'loading' } | { state: 'failed'; code: string } | { state: 'ready'; timeline: Timeline };

/**
 * The session's log, replayed, and fetched again at most every REFRESH_AFTER_MS while new
 * actions come in. The last good timeline stays on screen while a refresh is under way.
 */
export function useTimeline(sessionId: string | null, liveVersion: number): { load: TimelineLoad; reload: () => void } {
  const [load, setLoad] = useState<TimelineLoad>({ state: 'loading' });
  // Bumped after every successful fetch, so the schedule looks again at whether the board moved on.
  const [round, setRound] = useState(0);
  const fetchedVersion = useRef(-1);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Answers for a page (or session) that is gone are dropped.
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    return () => {
      if (generation.current === mine) generation.current++;
      if (pending.current !== null) clearTimeout(pending.current);
      pending.current = null;
      fetchedVersion.current = -1;
    };
  }, [sessionId]);

  // No cleanup here on purpose: a new version must not postpone the fetch already planned.
  useEffect(() => {
    if (!sessionId || pending.current !== null || fetchedVersion.current >= liveVersion) return;
    const mine = generation.current;
    const delay = fetchedVersion.current < 0 ? 0 : REFRESH_AFTER_MS;
    pending.current = setTimeout(() => {
      fetchLog(sessionId)
        .then((log) => {
          if (generation.current !== mine) return;
          const timeline = buildTimeline(log.initial, log.actions);
          fetchedVersion.current = timeline.actions.at(-1)?.version ?? log.initial.version;
          pending.current = null;
          setLoad({ state: 'ready', timeline });
          setRound((n) => n + 1);
        })
        .catch((error: unknown) => {
          if (generation.current !== mine) return;
          // Tried again with the next change, or by hand from the error message.
          pending.current = null;
          const code = error instanceof ApiError ? error.code : 'INTERNAL';
          setLoad((prev) => (prev.state === 'ready' ? prev : { state: 'failed', code }));
        });
    }, delay);
  }, [sessionId, liveVersion, round]);

  return {
    load,
    reload: () => {
      fetchedVersion.current = -1;
      setLoad({ state: 'loading' });
      setRound((n) => n + 1);
    },
  };
}
