import { useEffect, type ReactNode } from 'react';
import { Link } from '../../app/Link';
import { paths } from '../../app/router';
import { useTrainerT as useT } from '../../i18n/useTrainerT';
import type { ScenarioProblem } from '../../net/api';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { takeTrainerSecretFromLink } from './api';
import './scenarios.css';

/** The frame of the trainer pages: brand, a way back, the language. */
export function TrainerShell({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const t = useT();
  // The link the server prints at start carries the trainer secret after the #.
  useEffect(() => takeTrainerSecretFromLink(), []);
  return (
    <div className="page-shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <Link href={paths.home()} className="brand-name trainer-home">
            {t('app.name')}
          </Link>
          <span className="brand-tagline">{t('trainer.tagline')}</span>
        </div>
        <nav className="trainer-nav" aria-label={t('trainer.nav')}>
          <Link href={paths.scenarios()} className="button-link">
            {t('trainer.allScenarios')}
          </Link>
          <LanguageSwitch />
        </nav>
      </header>
      <main id="main" className={`trainer${wide ? ' trainer-wide' : ''}`}>
        {children}
      </main>
    </div>
  );
}

/** Problems as file:line:column, the message and, when there is one, what to do. */
export function ProblemList<P extends ScenarioProblem>({
  problems,
  onPick,
  testId,
}: {
  problems: readonly P[];
  onPick?: (problem: P) => void;
  testId?: string;
}) {
  const t = useT();
  return (
    <ul className="problem-list" data-testid={testId}>
      {problems.map((p, i) => (
        <li key={i}>
          {onPick ? (
            <button type="button" className="problem-pick" onClick={() => onPick(p)}>
              <code>{t('trainer.problemAt', { file: p.file, line: p.line, column: p.column })}</code> {p.message}
            </button>
          ) : (
            <>
              <code>{t('trainer.problemAt', { file: p.file, line: p.line, column: p.column })}</code> {p.message}
            </>
          )}
          {p.suggestion && <span className="hint problem-suggestion">{t('home.suggestion', { suggestion: p.suggestion })}</span>}
        </li>
      ))}
    </ul>
  );
}
