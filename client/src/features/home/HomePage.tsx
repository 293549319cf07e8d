import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from '../../app/Link';
import { navigate, normaliseCode, paths } from '../../app/router';
import { errorKey } from '../../i18n';
import { useT } from '../../i18n/useT';
import { keys, save } from '../../lib/storage';
import { ApiError, createSession, listScenarios, type CreatedSession, type ScenarioSummary } from '../../net/api';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { useRetentionDays } from '../report/useRetentionDays';
import { SessionInvite } from '../../ui/SessionInvite';
import { Brand } from '../../ui/Brand';

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; scenarios: ScenarioSummary[] };

/** The facilitator's way in (pick a scenario, start a session) and a player's (type a code). */
export default function HomePage() {
  const t = useT();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [created, setCreated] = useState<{ session: CreatedSession; title: string } | null>(null);

  const fetchScenarios = useCallback(() => {
    setLoad({ state: 'loading' });
    listScenarios()
      .then((scenarios) => setLoad({ state: 'ready', scenarios: sortScenarios(scenarios) }))
      .catch(() => setLoad({ state: 'failed' }));
  }, []);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);
  useEffect(fetchScenarios, [fetchScenarios]);

  return (
    <div className="page-shell">
      <header className="topbar">
        <Brand name={t('app.name')} tagline={t('app.tagline')} />
        <LanguageSwitch />
      </header>
      <main id="main" className="home">
        <section className="home-start" aria-labelledby="home-title">
          {created ? (
            <CreatedPanel session={created.session} title={created.title} onAnother={() => setCreated(null)} />
          ) : (
            <ScenarioPicker load={load} onRetry={fetchScenarios} onCreated={(session, title) => setCreated({ session, title })} />
          )}
        </section>
        <aside className="home-side">
          <JoinForm />
          <p className="trainer-link">
            <Link href={paths.scenarios()} data-testid="trainer-link">
              {t('home.trainerLink')}
            </Link>
          </p>
          <section className="privacy" aria-labelledby="privacy-title">
            <h2 id="privacy-title">{t('home.privacyTitle')}</h2>
            <ul>
              <li>{t('home.privacy1')}</li>
              <li>{t('home.privacy2')}</li>
              <li>{t('home.privacy3')}</li>
            </ul>
          </section>
        </aside>
      </main>
    </div>
  );
}

function ScenarioPicker({
  load,
  onRetry,
  onCreated,
}: {
  load: Load;
  onRetry: () => void;
  onCreated: (session: CreatedSession, title: string) => void;
}) {
  const t = useT();
  const [tables, setTables] = useState(1);
  const [starting, setStarting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tablesId = useId();
  const days = useRetentionDays();

  const start = async (scenario: ScenarioSummary) => {
    setStarting(scenario.id);
    setError(null);
    try {
      const session = await createSession(scenario.id, tables);
      save(keys.host(session.sessionId), session.hostToken);
      if (session.joinUrl) save(keys.joinBase(session.sessionId), new URL(session.joinUrl).origin);
      onCreated(session, scenario.title);
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'INTERNAL';
      setError(`${t('home.startFailed')} ${t(errorKey(code))}`);
    } finally {
      setStarting(null);
    }
  };

  return (
    <>
      <h1 id="home-title">{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <p className="note" data-testid="home-retention">
        {days !== null ? t('workshop.home.privacy', { n: days }) : t('workshop.home.privacyNoDays')}
      </p>
      <div className="field-inline">
        <label htmlFor={tablesId}>{t('home.tables')}</label>
        <select id={tablesId} value={tables} onChange={(e) => setTables(Number(e.target.value))} data-testid="tables-select">
          {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <h2 className="section-title">{t('home.scenarios')}</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {load.state === 'loading' && <p aria-busy="true">{t('home.loading')}</p>}
      {load.state === 'failed' && (
        <div className="form-error" role="alert">
          <p>{t('home.loadFailed')}</p>
          <button type="button" onClick={onRetry}>
            {t('home.retry')}
          </button>
        </div>
      )}
      {load.state === 'ready' && load.scenarios.length === 0 && <p>{t('home.none')}</p>}
      {load.state === 'ready' && load.scenarios.length > 0 && (
        <ul className="scenario-list">
          {load.scenarios.map((s) => (
            <li key={s.id}>
              <ScenarioCard scenario={s} starting={starting === s.id} disabled={starting !== null} onStart={() => void start(s)} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ScenarioCard({ scenario, starting, disabled, onStart }: { scenario: ScenarioSummary; starting: boolean; disabled: boolean; onStart: () => void }) {
  const t = useT();
  const broken = scenario.status !== 'ok';
  const persona = scenario.persona;
  return (
    <article className={`scenario-card${broken ? ' is-broken' : ''}`} data-testid={`scenario-${scenario.id}`}>
      <div className="scenario-avatar" aria-hidden="true">
        {persona?.avatar ?? persona?.name.slice(0, 1) ?? '!'}
      </div>
      <div className="scenario-body">
        <h3>{scenario.title}</h3>
        {persona && <p className="scenario-persona">{persona.situation}</p>}
        {scenario.description && <p className="scenario-description">{scenario.description}</p>}
        {!broken && (
          <p className="scenario-meta">
            {scenario.durationMinutes !== null && <span>{t('home.minutes', { n: scenario.durationMinutes })}</span>}
            <span>{t('home.roles', { n: scenario.roles })}</span>
            <span>{t('home.cards', { n: scenario.cards })}</span>
          </p>
        )}
        {broken && (
          <div className="scenario-problems" role="note">
            <p>{t('home.scenarioError')}</p>
            <ul>
              {scenario.problems.slice(0, 5).map((p, i) => (
                <li key={i}>
                  <code>{t('home.problemAt', { file: p.file, line: p.line, column: p.column, message: p.message })}</code>
                  {p.suggestion && <span className="hint"> {t('home.suggestion', { suggestion: p.suggestion })}</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {!broken && (
        <button
          type="button"
          className="button-primary"
          data-testid={`start-${scenario.id}`}
          disabled={disabled}
          onClick={onStart}
        >
          {starting ? t('home.starting') : t('home.start')}
          <span className="visually-hidden">: {scenario.title}</span>
        </button>
      )}
    </article>
  );
}

function CreatedPanel({ session, title, onAnother }: { session: CreatedSession; title: string; onAnother: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const hostPath = paths.host(session.sessionId, session.hostToken);
  const joinUrl = session.joinUrl ?? `${location.origin}${paths.join(session.code)}`;

  const copyHost = async () => {
    try {
      await navigator.clipboard.writeText(`${location.origin}${hostPath}`);
      setCopied(true);
    } catch {
      // Clipboard access needs https or localhost; the link is on screen to copy by hand.
    }
  };

  return (
    <div className="created" data-testid="session-created">
      <h1 id="home-title">{t('created.title')}</h1>
      <p className="lead">{t('created.scenario', { title })}</p>
      <SessionInvite code={session.code} joinUrl={joinUrl} />
      <div className="created-actions">
        <Link className="button-primary button-large" href={hostPath} data-testid="host-link">
          {t('created.host')}
        </Link>
        <a className="button-secondary button-large" href={paths.screen(session.code)} target="_blank" rel="noopener" data-testid="screen-link">
          {t('created.screen')}
        </a>
      </div>
      <p className="note">{t('created.hostNote')}</p>
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => void copyHost()}>
          {copied ? t('created.copied') : t('created.copyHost')}
        </button>
        <button type="button" className="button-link" onClick={onAnother}>
          {t('created.another')}
        </button>
      </div>
    </div>
  );
}

function JoinForm() {
  const t = useT();
  const [code, setCode] = useState('');
  const inputId = useId();
  const hintId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = normaliseCode(code);
    if (c) navigate(paths.join(c));
  };
  return (
    <section className="join-box" aria-labelledby="join-title">
      <h2 id="join-title">{t('home.joinTitle')}</h2>
      <p id={hintId}>{t('home.joinIntro')}</p>
      <form onSubmit={submit} className="inline-form">
        <label htmlFor={inputId} className="visually-hidden">
          {t('join.codeLabel')}
        </label>
        <input
          id={inputId}
          className="code-input"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          aria-describedby={hintId}
          data-testid="home-code-input"
        />
        <button type="submit" className="button-primary" disabled={!normaliseCode(code)}>
          {t('home.joinButton')}
        </button>
      </form>
    </section>
  );
}

/** Working scenarios first, Tess (the workshop's own persona) at the top, then by title. */
export function sortScenarios(list: ScenarioSummary[]): ScenarioSummary[] {
  const rank = (s: ScenarioSummary) => (s.status !== 'ok' ? 2 : /tess/i.test(`${s.id} ${s.title}`) ? 0 : 1);
  return [...list].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title, 'nl'));
}
