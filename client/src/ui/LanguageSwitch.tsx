import { LANGS, type Lang } from '../i18n';
import { useT } from '../i18n/useT';
import { useApp } from '../store';

/** NL / EN, remembered on this device; `onChoose` replaces how the choice is kept. */
export function LanguageSwitch({ onChoose, className = '' }: { onChoose?: (lang: Lang) => void; className?: string }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const remember = useApp((s) => s.setLang);
  const setLang = onChoose ?? ((l: Lang) => remember(l));
  return (
    <div className={`lang-switch ${className}`.trim()} role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
          {/* The visible code starts the accessible name (WCAG 2.5.3); the language's own name follows for screen readers. */}
          {l.toUpperCase()}
          <span className="visually-hidden"> {t(`lang.${l}`)}</span>
        </button>
      ))}
    </div>
  );
}
