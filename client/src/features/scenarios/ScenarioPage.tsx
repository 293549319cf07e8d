import type { Scenario } from '@samenspel/game-core';
import { useCallback, useEffect, useState } from 'react';
import { Link } from '../../app/Link';
import { paths } from '../../app/router';
import { useTrainerT as useT } from '../../i18n/useTrainerT';
import { listScenarios, type ScenarioProblem } from '../../net/api';
import { fetchScenario, useScenarioChanges } from './api';
import { ScenarioPreview } from './ScenarioPreview';
import { ProblemList, TrainerShell } from './TrainerShell';

type Load =
  | { state: 'loading' }
  | { state: 'failed' }
  | { state: 'missing' }
  | { state: 'broken'; problems: ScenarioProblem[] }
  | { state: 'ready'; scenario: Scenario };

/** A scenario as a workshop will see it; refreshes by itself when the file is saved. */
export default function ScenarioPage({ id }: { id: string }) {
  const t = useT();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [refreshed, setRefreshed] = useState(0);

  const refresh = useCallback(async () => {
    try {
      const scenario = await fetchScenario(id);
      if (scenario) return setLoad({ state: 'ready', scenario });
      // A file with problems is not served as a scenario; the list says what is wrong with it.
      const entry = (await listScenarios()).find((s) => s.id === id);
      setLoad(entry ? { state: 'broken', problems: entry.problems } : { state: 'missing' });
    } catch {
      setLoad({ state: 'failed' });
    }
  }, [id]);

  useEffect(() => void refresh(), [refresh]);
  const onChange = useCallback(() => {
    setRefreshed((n) => n + 1);
    void refresh();
  }, [refresh]);
  useScenarioChanges(onChange);

  const title = load.state === 'ready' ? load.scenario.meta.title : id;
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  return (
    <TrainerShell>
      <div className="trainer-head">
        <div>
          <p className="role-kicker">{t('trainer.previewKicker')}</p>
          <h1>{title}</h1>
          {load.state === 'ready' && <p className="lead">{load.scenario.meta.description}</p>}
          {load.state === 'ready' && (
            <p className="muted">
              {t('trainer.metaLine', { author: load.scenario.meta.author, version: load.scenario.meta.version, minutes: load.scenario.meta.durationMinutes })}
            </p>
          )}
        </div>
        <Link href={paths.scenarioEdit(id)} className="button-primary" data-testid="edit-link">
          {t('trainer.edit')}
        </Link>
      </div>
      <p className="hint" aria-live="polite">
        {refreshed > 0 ? t('trainer.liveRefreshed') : t('trainer.liveNote')}
      </p>
      {load.state === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {load.state === 'failed' && (
        <p className="form-error" role="alert">
          {t('home.loadFailed')}
        </p>
      )}
      {load.state === 'missing' && <p className="form-error">{t('trainer.missing')}</p>}
      {load.state === 'broken' && (
        <div className="check-failed" role="alert">
          <p>{(load.problems.length === 1 ? t('trainer.checkFailedOne') : t('trainer.checkFailed', { n: load.problems.length }))}</p>
          <ProblemList problems={load.problems} />
        </div>
      )}
      {load.state === 'ready' && <ScenarioPreview scenario={load.scenario} />}
    </TrainerShell>
  );
}
