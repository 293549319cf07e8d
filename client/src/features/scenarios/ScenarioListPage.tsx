import { useCallback, useEffect, useState } from 'react';
import { Link } from '../../app/Link';
import { paths } from '../../app/router';
import { useTrainerT as useT } from '../../i18n/useTrainerT';
import { listScenarios, type ScenarioSummary } from '../../net/api';
import { sortScenarios } from '../home/HomePage';
import { useScenarioChanges } from './api';
import { ProblemList, TrainerShell } from './TrainerShell';

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; scenarios: ScenarioSummary[] };

/** Every scenario in the folder with the result of its check, for trainers. */
export default function ScenarioListPage() {
  const t = useT();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const refresh = useCallback(() => {
    listScenarios()
      .then((scenarios) => setLoad({ state: 'ready', scenarios: sortScenarios(scenarios) }))
      .catch(() => setLoad({ state: 'failed' }));
  }, []);
  useEffect(refresh, [refresh]);
  useScenarioChanges(refresh);
  useEffect(() => {
    document.title = `${t('trainer.listTitle')} · ${t('app.name')}`;
  }, [t]);

  return (
    <TrainerShell>
      <div className="trainer-head">
        <div>
          <h1>{t('trainer.listTitle')}</h1>
          <p className="lead">{t('trainer.listIntro')}</p>
        </div>
        <Link href={paths.scenarioNew()} className="button-primary" data-testid="new-scenario">
          {t('trainer.new')}
        </Link>
      </div>
      {load.state === 'loading' && <p aria-busy="true">{t('home.loading')}</p>}
      {load.state === 'failed' && (
        <div className="form-error" role="alert">
          <p>{t('home.loadFailed')}</p>
          <button type="button" className="button-secondary" onClick={refresh}>
            {t('home.retry')}
          </button>
        </div>
      )}
      {load.state === 'ready' && load.scenarios.length === 0 && <p>{t('home.none')}</p>}
      {load.state === 'ready' && load.scenarios.length > 0 && (
        <ul className="scenario-list">
          {load.scenarios.map((s) => (
            <li key={s.id}>
              <article className={`trainer-scenario${s.status === 'ok' ? '' : ' is-broken'}`} data-testid={`trainer-scenario-${s.id}`}>
                <div className="scenario-avatar" aria-hidden="true">
                  {s.persona?.avatar ?? s.persona?.name.slice(0, 1) ?? '!'}
                </div>
                <div className="scenario-body">
                  <h2>{s.title}</h2>
                  <p className="muted trainer-id">
                    <code data-testid={`trainer-file-${s.id}`}>{s.file}</code>
                  </p>
                  {s.status === 'ok' ? (
                    <p className="check-ok" data-testid={`check-${s.id}`}>
                      <span aria-hidden="true">✓</span> {t('trainer.checkOk', { roles: s.roles, cards: s.cards })}
                    </p>
                  ) : (
                    <div className="check-failed" data-testid={`check-${s.id}`}>
                      <p>
                        <span aria-hidden="true">✗</span> {(s.problems.length === 1 ? t('trainer.checkFailedOne') : t('trainer.checkFailed', { n: s.problems.length }))}
                      </p>
                      <ProblemList problems={s.problems} />
                    </div>
                  )}
                </div>
                <div className="trainer-actions">
                  {s.status === 'ok' && (
                    <Link href={paths.scenario(s.id)} className="button-secondary" aria-label={t('trainer.viewLabel', { title: s.title })}>
                      {t('trainer.view')}
                    </Link>
                  )}
                  <Link href={paths.scenarioEdit(s.id)} className="button-primary" aria-label={t('trainer.editLabel', { title: s.title })}>
                    {t('trainer.edit')}
                  </Link>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </TrainerShell>
  );
}
