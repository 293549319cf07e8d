import type { RoleTextField, ScenarioRole } from '@samenspel/game-core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import type { RoleChanges } from './roleChanges';

/**
 * Who a player is in the game: organisation, law, point of view, and the limits of their
 * mandate. A part an event rewrote shows its new text, the old one struck through, and why.
 */
export function RoleCard({
  role,
  headingLevel = 2,
  kicker,
  changes = {},
}: {
  role: ScenarioRole;
  headingLevel?: 2 | 3;
  kicker?: string;
  changes?: RoleChanges;
}) {
  const t = useT();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const kind = role.kind ?? 'professional';
  const fact = (field: RoleTextField, label: string, className?: string): ReactNode => {
    const text = role[field];
    const change = changes[field];
    if (!text && !change) return null;
    if (!change)
      return (
        <div className={className}>
          <dt>{label}</dt>
          <dd>{text}</dd>
        </div>
      );
    return (
      <div className={`${className ?? ''} role-changed`.trim()} data-testid={`role-changed-${field}`}>
        <dt>{label}</dt>
        <dd>
          <span className="role-change-label">{t('role.now')}</span> <ins>{text}</ins>
          {change.before && (
            <>
              <br />
              <span className="role-change-label">{t('role.was')}</span> <del>{change.before}</del>
            </>
          )}
          <span className="role-change-why">
            {t('role.changedBy', { event: change.eventTitle })}
            {change.reason ? `: ${change.reason}` : ''}
          </span>
        </dd>
      </div>
    );
  };
  return (
    <article className={`role-card role-${kind}`} data-testid="role-card">
      <p className="role-kicker">{kicker ?? t('role.youPlay')}</p>
      <Heading className="role-name">{role.name}</Heading>
      <p className="role-kind">{t(`roleKind.${kind}`)}</p>
      <dl className="role-facts">
        {fact('organisation', t('role.organisation'))}
        {fact('law', t('role.law'))}
        <div>
          <dt>{t('role.perspective')}</dt>
          <dd>{role.perspective}</dd>
        </div>
        {fact('mandate', t('role.mandate'))}
        {fact('mayNot', t('role.mayNot'), 'role-maynot')}
      </dl>
    </article>
  );
}
