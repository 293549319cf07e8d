import type { ScenarioRole } from '@samenspel/game-core';
import { useT } from '../i18n/useT';

/** Who a player is in the game: organisation, law, point of view, and the limits of their mandate. */
export function RoleCard({ role, headingLevel = 2, kicker }: { role: ScenarioRole; headingLevel?: 2 | 3; kicker?: string }) {
  const t = useT();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const kind = role.kind ?? 'professional';
  return (
    <article className={`role-card role-${kind}`} data-testid="role-card">
      <p className="role-kicker">{kicker ?? t('role.youPlay')}</p>
      <Heading className="role-name">{role.name}</Heading>
      <p className="role-kind">{t(`roleKind.${kind}`)}</p>
      <dl className="role-facts">
        {role.organisation && (
          <div>
            <dt>{t('role.organisation')}</dt>
            <dd>{role.organisation}</dd>
          </div>
        )}
        {role.law && (
          <div>
            <dt>{t('role.law')}</dt>
            <dd>{role.law}</dd>
          </div>
        )}
        <div>
          <dt>{t('role.perspective')}</dt>
          <dd>{role.perspective}</dd>
        </div>
        <div>
          <dt>{t('role.mandate')}</dt>
          <dd>{role.mandate}</dd>
        </div>
        <div className="role-maynot">
          <dt>{t('role.mayNot')}</dt>
          <dd>{role.mayNot}</dd>
        </div>
      </dl>
    </article>
  );
}
