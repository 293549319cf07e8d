import { freeRequiredRoles, STEPS, type SessionState, type Step } from '@samenspel/game-core';
import { useT } from '../../i18n/useT';
import { Dialog } from '../../ui/Dialog';

/** Tables that would start play now with a required role still free, and which roles. */
export function freeRolesAtStart(game: SessionState, tableIds: readonly string[], step: Step): { tableName: string; roles: string[] }[] {
  if (STEPS.indexOf(step) < STEPS.indexOf('spelen')) return [];
  return tableIds.flatMap((id) => {
    const table = game.tables[id];
    if (!table || STEPS.indexOf(table.step) >= STEPS.indexOf('spelen')) return [];
    const roles = freeRequiredRoles(game, id).map((r) => r.name);
    return roles.length > 0 ? [{ tableName: table.name, roles }] : [];
  });
}

/**
 * Asks before play starts without a role the scenario needs: the game refuses that unless the
 * facilitator says to go on anyway (someone did not turn up, and the group plays on).
 */
export function StartPlayCheck({
  free,
  onWait,
  onStart,
}: {
  free: { tableName: string; roles: string[] }[];
  onWait: () => void;
  onStart: () => void;
}) {
  const t = useT();
  return (
    <Dialog open={free.length > 0} onClose={onWait} label={t('host.required.title')}>
      <h2>{t('host.required.title')}</h2>
      <p>{t('host.required.body')}</p>
      <ul data-testid="required-free">
        {free.map((f) => (
          <li key={f.tableName}>
            <strong>{f.tableName}:</strong> {f.roles.join(', ')}
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="button-primary" onClick={onWait} data-testid="step-wait">
          {t('host.required.wait')}
        </button>
        <button type="button" className="button-secondary" onClick={onStart} data-testid="step-force">
          {t('host.required.start')}
        </button>
      </div>
    </Dialog>
  );
}
