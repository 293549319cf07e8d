import { diffTables, own, shownBoards, type ReportBoard, type ReportInsight, type ReportPoll, type ReportTable, type SessionReport, type SessionState } from '@samenspel/game-core';
import { useEffect, useMemo, useState } from 'react';
import { Board } from '../../board/Board';
import { RING_FILL } from '../../board/view';
import { errorKey } from '../../i18n';
import { useT } from '../../i18n/useT';
import { keys, load } from '../../lib/storage';
import { ApiError } from '../../net/api';
import { useApp } from '../../store';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { fetchLog, fetchReportJson } from './api';
import './report.css';
import { Brand } from '../../ui/Brand';
import { tableLabel } from '../../ui/tableLabel';

type Load = { state: 'loading' } | { state: 'failed'; code: string } | { state: 'ready'; report: SessionReport; base: SessionState };

/**
 * The report as a page to read and print: per table the wheel before and after each event, the
 * cards with their support type and domain, the lines between them, what stopped, the votes and
 * the insights. The numbers come from the server's report; the wheels are drawn with the
 * session's own scenario, which the log's first snapshot carries.
 */
export default function ReportPage({ sessionId }: { sessionId: string }) {
  const t = useT();
  const [state, setState] = useState<Load>({ state: 'loading' });
  const hasToken = load(keys.host(sessionId)) !== null;

  useEffect(() => {
    if (!hasToken) return;
    let cancelled = false;
    Promise.all([fetchReportJson<SessionReport>(sessionId), fetchLog(sessionId)])
      .then(([report, log]) => !cancelled && setState({ state: 'ready', report, base: log.initial.state }))
      .catch((e: unknown) => !cancelled && setState({ state: 'failed', code: e instanceof ApiError ? e.code : 'INTERNAL' }));
    return () => {
      cancelled = true;
    };
  }, [sessionId, hasToken]);

  const title = state.state === 'ready' ? state.report.scenario.title : null;
  useEffect(() => {
    document.title = `${t('workshop.print.title')}${title ? ` · ${title}` : ''} · ${t('app.name')}`;
  }, [t, title]);

  return (
    <div className="report-page">
      <header className="topbar no-print">
        <Brand name={t('workshop.print.title')} />
        <div className="topbar-actions">
          {state.state === 'ready' && (
            <button type="button" className="button-primary" onClick={() => window.print()} data-testid="report-print-button">
              {t('workshop.print.print')}
            </button>
          )}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="report-main">
        {!hasToken && (
          <p className="form-error" role="alert">
            {t('host.noToken')}
          </p>
        )}
        {hasToken && state.state === 'loading' && (
          <p className="page-loading" aria-busy="true">
            {t('workshop.print.loading')}
          </p>
        )}
        {state.state === 'failed' && (
          <p className="form-error" role="alert">
            {t('workshop.print.failed')} {t(errorKey(state.code))}
          </p>
        )}
        {state.state === 'ready' && <Report report={state.report} base={state.base} />}
      </main>
    </div>
  );
}

function Report({ report, base }: { report: SessionReport; base: SessionState }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const date = (at: number) => new Date(at).toLocaleString(lang, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <article className="report" data-testid="report">
      <header className="report-cover">
        <h1>{report.scenario.title}</h1>
        <p className="lead">{report.scenario.persona.situation}</p>
        <dl className="report-facts">
          <dt>{t('workshop.print.session')}</dt>
          <dd>{report.session.code}</dd>
          <dt>{t('workshop.print.started')}</dt>
          <dd>{date(report.session.createdAt)}</dd>
          {report.session.lastActionAt !== null && (
            <>
              <dt>{t('workshop.print.lastAction')}</dt>
              <dd>{date(report.session.lastActionAt)}</dd>
            </>
          )}
          <dt>{t('workshop.print.tables')}</dt>
          <dd>{report.tables.length}</dd>
        </dl>
        <p className="muted">{t('workshop.print.anonymous')}</p>
      </header>

      {report.events.length > 0 && (
        <section className="report-section" aria-labelledby="report-events">
          <h2 id="report-events">{t('workshop.print.events')}</h2>
          <ol className="report-events">
            {report.events.map((e, i) => {
              const tables = e.tableIds.map((id) => tableLabel(report.tables.find((tb) => tb.id === id), id, t)).join(', ');
              // An event fired table by table tells its story once, at its first time.
              const first = report.events.findIndex((x) => x.eventId === e.eventId) === i;
              return (
                <li key={e.version}>
                  <strong>{e.title}</strong>{' '}
                  <span className="muted">({report.tables.length > 1 ? t('workshop.print.eventAt', { date: date(e.at), tables }) : date(e.at)})</span>
                  {e.narrative && first && <p>{e.narrative}</p>}
                </li>
              );
            })}
          </ol>
        </section>
      )}

      {report.polls.length > 0 && (
        <section className="report-section" aria-labelledby="report-polls">
          <h2 id="report-polls">{t('workshop.print.polls')}</h2>
          {report.polls.map((poll) => (
            <PollBars key={poll.pollId} poll={poll} counts={poll.counts} total={poll.total} />
          ))}
        </section>
      )}

      {report.tables.map((table) => (
        <TableReport key={table.id} report={report} table={table} base={base} many={report.tables.length > 1} />
      ))}
    </article>
  );
}

function PollBars({ poll, counts, total }: { poll: ReportPoll; counts: number[]; total: number }) {
  const t = useT();
  return (
    <figure className="report-poll" data-testid={`report-poll-${poll.pollId}`}>
      <figcaption>
        {poll.question} <span className="muted">{total === 1 ? t('workshop.print.answersOne') : t('workshop.print.answers', { n: total })}</span>
      </figcaption>
      <ul>
        {poll.options.map((label, i) => {
          const n = counts[i] ?? 0;
          const share = total > 0 ? n / total : 0;
          return (
            <li key={i}>
              <span className="poll-label">{label}</span>
              <span className="poll-bar" aria-hidden="true">
                <span style={{ width: `${share * 100}%` }} />
              </span>
              <span className="poll-count">{t('workshop.print.count', { n, pct: Math.round(share * 100) })}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

function TableReport({ report, table, base, many }: { report: SessionReport; table: ReportTable; base: SessionState; many: boolean }) {
  const t = useT();
  const titleId = `report-table-${table.id}`;
  const insightGroups = useMemo(() => groupInsights(table.insights), [table.insights]);
  // Per board, so a line to a card an event later ended still shows.
  const linkBoards = useMemo(() => shownBoards(table.boards).filter((b) => b.table.links.length > 0), [table.boards]);
  const eventTitle = (id: string | null) => report.events.find((e) => e.eventId === id)?.title ?? id ?? '';
  const originLabel = (c: ReportTable['cards'][number]) => {
    if (c.origin === 'event') return t('workshop.print.origin.eventNamed', { title: eventTitle(c.eventId) });
    // A card an event put in the deck, which a player then laid down.
    if (c.origin === 'player' && c.eventId) return t('workshop.print.origin.playerAfter', { title: eventTitle(c.eventId) });
    return t(`workshop.print.origin.${c.origin}`);
  };

  return (
    <section className="report-table" aria-labelledby={titleId} data-testid={`report-table-${table.id}`}>
      <h2 id={titleId}>{many ? tableLabel(table, table.id, t) : t('workshop.print.table')}</h2>
      {table.seats.length > 0 && (
        <p className="report-seats">
          <strong>{t('workshop.print.roles')}</strong> {table.seats.map((s) => s.roleName).join(', ')}
        </p>
      )}

      <h3>{t('workshop.print.boards')}</h3>
      <div className="report-boards">
        {table.boards.map((board, i) => (
          <ReportWheel key={`${board.kind}-${board.version}-${i}`} board={board} previous={board.kind === 'after' ? table.boards[i - 1] : undefined} base={base} />
        ))}
      </div>

      <h3>{t('workshop.print.cards', { n: table.cards.length })}</h3>
      {table.cards.length === 0 ? (
        <p className="muted">{t('workshop.print.noCards')}</p>
      ) : (
        <table className="report-cards">
          <thead>
            <tr>
              <th scope="col">{t('workshop.print.col.card')}</th>
              <th scope="col">{t('workshop.print.col.support')}</th>
              <th scope="col">{t('workshop.print.col.domain')}</th>
              <th scope="col">{t('workshop.print.col.note')}</th>
              <th scope="col">{t('workshop.print.col.origin')}</th>
            </tr>
          </thead>
          <tbody>
            {table.cards.map((c) => (
              <tr key={c.id} data-support={c.supportType ?? 'none'}>
                <td style={c.supportType ? { borderLeftColor: RING_FILL[c.supportType] } : undefined}>
                  {c.label}
                  {c.law && <span className="report-law"> · {c.law}</span>}
                  {c.hidden && <span className="badge">{t('workshop.print.hidden')}</span>}
                  {c.paused && (
                    <span className="badge badge-paused" data-testid={`report-paused-${c.id}`}>
                      {t('workshop.print.paused')}
                      {c.paused.eventTitle ? ` · ${c.paused.eventTitle}` : ''}
                    </span>
                  )}
                  {c.paused?.reason && <span className="report-law"> {c.paused.reason}</span>}
                </td>
                <td>{c.supportTypeLabel}</td>
                <td>{c.sectorLabel}</td>
                <td>{c.note}</td>
                <td>{originLabel(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {linkBoards.length > 0 && (
        <>
          <h3>{t('workshop.print.links')}</h3>
          {linkBoards.map((board, i) => (
            <div key={`${board.kind}-${board.version}-${i}`} className="report-links">
              <h4>{board.label}</h4>
              <ul>
                {board.table.links.map((l) => (
                  <li key={l.id}>{t('workshop.print.link', { from: own(board.table.cards, l.from)?.label ?? l.from, to: own(board.table.cards, l.to)?.label ?? l.to })}</li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}

      {table.ended.length > 0 && (
        <>
          <h3>{t('workshop.print.ended')}</h3>
          <ul className="report-ended">
            {table.ended.map((e) => (
              <li key={`${e.eventId}-${e.id}`}>
                <strong>{e.label}</strong> <span className="muted">({e.supportTypeLabel}, {e.sectorLabel})</span> · {e.eventTitle}
                {e.reason && <p>{e.reason}</p>}
              </li>
            ))}
          </ul>
        </>
      )}

      {table.roleChanges.length > 0 && (
        <>
          <h3>{t('workshop.print.roleChanges')}</h3>
          <ul className="report-ended" data-testid={`report-roles-${table.id}`}>
            {table.roleChanges.map((r) => (
              <li key={`${r.eventId}-${r.roleId}`}>
                <strong>{r.roleName}</strong> · {r.eventTitle}
                {r.changes.map((c) => (
                  <p key={c.field}>
                    {t(`role.${c.field}`)}: {c.before && <del>{c.before}</del>} <ins>{c.after}</ins>
                  </p>
                ))}
                {r.reason && <p className="muted">{r.reason}</p>}
              </li>
            ))}
          </ul>
        </>
      )}

      {many && table.polls.some((p) => p.total > 0) && (
        <>
          <h3>{t('workshop.print.tablePolls')}</h3>
          {table.polls.map((tally) => {
            const poll = report.polls.find((p) => p.pollId === tally.pollId);
            return poll ? <PollBars key={tally.pollId} poll={poll} counts={tally.counts} total={tally.total} /> : null;
          })}
        </>
      )}

      <h3>{t('workshop.print.insights')}</h3>
      {insightGroups.length === 0 ? (
        <p className="muted">{t('workshop.print.noInsights')}</p>
      ) : (
        insightGroups.map((group) => (
          <div key={group.prompt ?? ''} className="report-insights">
            <h4>{group.prompt ?? t('workshop.print.noPrompt')}</h4>
            <ul>
              {group.insights.map((i) => (
                <li key={i.id}>
                  <q>{i.text}</q>
                  {i.roleName && <span className="muted"> · {i.roleName}</span>}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

/** One wheel of the report; an "after" board marks what changed since the board before it. */
function ReportWheel({ board, previous, base }: { board: ReportBoard; previous: ReportBoard | undefined; base: SessionState }) {
  const state = useMemo<SessionState>(() => ({ ...base, tables: { [board.table.id]: board.table } }), [base, board.table]);
  const highlight = useMemo(() => (previous ? diffTables(base, previous.table, board.table) : undefined), [base, previous, board.table]);
  return (
    <figure className={`report-board is-${board.kind}`}>
      <figcaption>{board.label}</figcaption>
      <Board tableId={board.table.id} mode="screen" state={state} highlight={highlight} className="board-frozen" />
    </figure>
  );
}

/** Insights under the question they answered, in the order the questions first came up. */
function groupInsights(insights: ReportInsight[]): { prompt: string | null; insights: ReportInsight[] }[] {
  const groups = new Map<string | null, ReportInsight[]>();
  for (const i of insights) {
    const list = groups.get(i.promptText) ?? [];
    list.push(i);
    groups.set(i.promptText, list);
  }
  return [...groups].map(([prompt, list]) => ({ prompt, insights: list }));
}
