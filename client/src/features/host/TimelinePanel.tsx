import { STEPS, type SessionState } from '@samenspel/game-core';
import { useId, useMemo, useState } from 'react';
import { Board } from '../../board/Board';
import { errorKey, type Translate } from '../../i18n';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store';
import { describeAction, describeChanges } from '../report/describe';
import { firedEventsAt, latestState, markers, stateAtVersion, tableMoments, type Timeline } from '../report/timeline';
import { useTimeline } from '../report/useTimeline';
import './workshop.css';

/**
 * The session played back: scrub through every change at a table, with events and step changes
 * marked, and put the board just before an event beside the board after it.
 */
export function TimelinePanel() {
  const t = useT();
  const sessionId = useApp((s) => s.sessionId);
  const liveVersion = useApp((s) => s.version);
  const { load, reload } = useTimeline(sessionId, liveVersion);

  if (load.state === 'loading') {
    return (
      <p className="page-loading" aria-busy="true">
        {t('workshop.timeline.loading')}
      </p>
    );
  }
  if (load.state === 'failed') {
    return (
      <div className="form-error" role="alert">
        <p>
          {t('workshop.timeline.failed')} {t(errorKey(load.code))}
        </p>
        <button type="button" className="button-secondary" onClick={reload}>
          {t('home.retry')}
        </button>
      </div>
    );
  }
  return <TimelineView timeline={load.timeline} />;
}

function TimelineView({ timeline }: { timeline: Timeline }) {
  const t = useT();
  const latest = latestState(timeline);
  const liveTableId = useApp((s) => s.tableId);
  const [chosen, setChosen] = useState<string | null>(null);
  const tableId = [chosen, liveTableId, latest.tableOrder[0]].find((id): id is string => !!id && !!latest.tables[id]) ?? null;
  if (!tableId) return null;

  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline-head">
        <h2>{t('workshop.timeline.title')}</h2>
        {latest.tableOrder.length > 1 && (
          <div className="table-tabs" role="group" aria-label={t('workshop.timeline.table')}>
            {latest.tableOrder.map((id) => (
              <button key={id} type="button" className="chip" aria-pressed={id === tableId} onClick={() => setChosen(id)} data-testid={`timeline-table-${id}`}>
                {latest.tables[id]?.name ?? id}
              </button>
            ))}
          </div>
        )}
      </div>
      <Scrubber key={tableId} timeline={timeline} tableId={tableId} />
      <Compare key={`compare-${tableId}`} timeline={timeline} tableId={tableId} />
    </div>
  );
}

function Scrubber({ timeline, tableId }: { timeline: Timeline; tableId: string }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const moments = useMemo(() => tableMoments(timeline, tableId), [timeline, tableId]);
  const marks = useMemo(() => markers(moments, tableId), [moments, tableId]);
  // Null follows the newest change, so the scrubber keeps up while the table plays on.
  const [picked, setPicked] = useState<number | null>(null);
  const sliderId = useId();
  const max = moments.length;
  const position = picked === null ? max : Math.min(picked, max);
  const moment = position > 0 ? moments[position - 1] : undefined;
  const state: SessionState = moment?.after ?? timeline.initial.state;
  const go = (p: number) => setPicked(p >= max ? null : Math.max(0, p));
  const clock = (at: number) => new Date(at).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
  const recent = moments.slice(Math.max(0, position - 5), position).reverse();

  return (
    <section className="panel timeline-scrubber" aria-labelledby={`${sliderId}-title`}>
      <h3 id={`${sliderId}-title`}>{t('workshop.timeline.scrubTitle')}</h3>
      <div className="timeline-track">
        <label htmlFor={sliderId} className="visually-hidden">
          {t('workshop.timeline.slider')}
        </label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={max}
          step={1}
          value={position}
          onChange={(e) => go(Number(e.target.value))}
          aria-valuetext={moment ? describeAction(moment.before, moment.after, moment.action, tableId, t) : t('workshop.timeline.start')}
          disabled={max === 0}
          data-testid="timeline-slider"
        />
        {max > 0 && (
          <ol className="timeline-markers" aria-label={t('workshop.timeline.markers')}>
            {marks.map((m) => {
              const label = markerLabel(m.action, m.kind, timeline, tableId, t);
              const mark = m.kind === 'event' ? '★' : String(stepNumber(timeline, m.action.version, tableId));
              return (
                <li key={m.action.version} style={{ left: `${(m.position / max) * 100}%` }}>
                  <button
                    type="button"
                    className={`timeline-marker is-${m.kind}${m.position === position ? ' is-current' : ''}`}
                    onClick={() => go(m.position)}
                    title={label}
                    data-testid={`timeline-marker-${m.action.version}`}
                  >
                    {/* The step number is the visible name, so it starts the accessible one too (WCAG 2.5.3). */}
                    <span aria-hidden={m.kind === 'event'}>{mark}</span>
                    <span className="visually-hidden"> {label}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        )}
      </div>
      <div className="button-row timeline-buttons">
        <button type="button" className="button-secondary" onClick={() => go(0)} disabled={position === 0} data-testid="timeline-first">
          {t('workshop.timeline.first')}
        </button>
        <button type="button" className="button-secondary" onClick={() => go(position - 1)} disabled={position === 0} data-testid="timeline-prev">
          ← {t('workshop.timeline.prev')}
        </button>
        <button type="button" className="button-secondary" onClick={() => go(position + 1)} disabled={position >= max} data-testid="timeline-next">
          {t('workshop.timeline.next')} →
        </button>
        <button type="button" className="button-secondary" onClick={() => go(max)} disabled={position >= max} data-testid="timeline-now">
          {t('workshop.timeline.now')}
        </button>
        <span className="muted timeline-count">{t('workshop.timeline.count', { n: position, total: max })}</span>
      </div>
      <div className="timeline-body">
        <div className="timeline-board">
          {state.tables[tableId] ? (
            <Board tableId={tableId} mode="screen" state={state} className="board-frozen" />
          ) : (
            <p className="timeline-no-table muted">{t('workshop.timeline.noTable')}</p>
          )}
        </div>
        <div className="timeline-story">
          <p className="timeline-now" aria-live="polite" data-testid="timeline-description">
            {moment ? (
              <>
                <span className="timeline-time">{clock(moment.action.at)}</span> {describeAction(moment.before, moment.after, moment.action, tableId, t)}
              </>
            ) : (
              t('workshop.timeline.start')
            )}
          </p>
          {recent.length > 1 && (
            <>
              <h4>{t('workshop.timeline.before')}</h4>
              <ol className="timeline-recent">
                {recent.slice(1).map((m, i) => (
                  <li key={m.action.version}>
                    <button type="button" className="button-link" onClick={() => go(position - 1 - i)}>
                      <span className="timeline-time">{clock(m.action.at)}</span> {describeAction(m.before, m.after, m.action, tableId, t)}
                    </button>
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      </div>
    </section>
  );
}

function markerLabel(action: Timeline['actions'][number], kind: 'event' | 'step', timeline: Timeline, tableId: string, t: Translate): string {
  const after = stateAtVersion(timeline, action.version);
  const before = stateAtVersion(timeline, action.version - 1);
  const text = describeAction(before, after, action, tableId, t);
  return kind === 'event' ? text : t('workshop.timeline.stepMarker', { text });
}

/** The number of the step a step change went to (1–4), as the step indicator shows it. */
function stepNumber(timeline: Timeline, version: number, tableId: string): number {
  const step = stateAtVersion(timeline, version).tables[tableId]?.step;
  return step ? STEPS.indexOf(step) + 1 : 0;
}

type AfterWhen = 'event' | 'now';

/** "Voor en na": the table just before an event beside the table after it (or as it is now). */
function Compare({ timeline, tableId }: { timeline: Timeline; tableId: string }) {
  const t = useT();
  const latest = latestState(timeline);
  const fired = firedEventsAt(latest, tableId);
  const [eventVersion, setEventVersion] = useState<number | null>(null);
  const [when, setWhen] = useState<AfterWhen>('event');
  const chosen = fired.find((f) => f.version === eventVersion) ?? null;
  const titleOf = (eventId: string) => latest.scenario.events.find((e) => e.id === eventId)?.title ?? eventId;

  const compared = useMemo(() => {
    if (!chosen) return null;
    const before = stateAtVersion(timeline, chosen.version - 1);
    const after = when === 'event' ? stateAtVersion(timeline, chosen.version) : latest;
    const beforeTable = before.tables[tableId];
    const afterTable = after.tables[tableId];
    if (!beforeTable || !afterTable) return null;
    return { before, after, ...describeChanges(after, beforeTable, afterTable, t, chosen.eventId) };
  }, [chosen, when, timeline, latest, tableId, t]);

  return (
    <section className="panel timeline-compare" aria-labelledby="compare-title">
      <h3 id="compare-title">{t('workshop.compare.title')}</h3>
      {fired.length === 0 ? (
        <p className="muted">{t('workshop.compare.none')}</p>
      ) : (
        <>
          <p className="muted">{t('workshop.compare.intro')}</p>
          <div className="button-row" role="group" aria-label={t('workshop.compare.pick')}>
            {fired.map((f) => (
              <button
                key={f.version}
                type="button"
                className="chip"
                aria-pressed={f.version === chosen?.version}
                onClick={() => setEventVersion(f.version)}
                data-testid={`timeline-compare-${f.eventId}`}
              >
                {titleOf(f.eventId)}
              </button>
            ))}
          </div>
        </>
      )}
      {chosen && compared && (
        <>
          <fieldset className="compare-when">
            <legend>{t('workshop.compare.afterIs')}</legend>
            <label className="chip">
              <input type="radio" name="compare-when" checked={when === 'event'} onChange={() => setWhen('event')} />
              {t('workshop.compare.rightAfter')}
            </label>
            <label className="chip">
              <input type="radio" name="compare-when" checked={when === 'now'} onChange={() => setWhen('now')} data-testid="compare-now" />
              {t('workshop.compare.now')}
            </label>
          </fieldset>
          <div className="compare-boards">
            <figure data-testid="compare-before">
              <figcaption>{t('workshop.compare.before', { title: titleOf(chosen.eventId) })}</figcaption>
              <Board tableId={tableId} mode="screen" state={compared.before} className="board-frozen" />
            </figure>
            <figure data-testid="compare-after">
              <figcaption>{when === 'event' ? t('workshop.compare.after', { title: titleOf(chosen.eventId) }) : t('workshop.compare.afterNow')}</figcaption>
              <Board tableId={tableId} mode="screen" state={compared.after} highlight={compared.diff} className="board-frozen" />
            </figure>
          </div>
          <div className="compare-changes" data-testid="compare-changes">
            <h4>{t('workshop.compare.changes')}</h4>
            {compared.lines.length === 0 ? (
              <p className="muted">{t('workshop.compare.noChanges')}</p>
            ) : (
              <ul>
                {compared.lines.map((line) => (
                  <li key={`${line.kind}-${line.id}`} className={`change change-${line.kind}`} data-kind={line.kind}>
                    {line.text}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </section>
  );
}
