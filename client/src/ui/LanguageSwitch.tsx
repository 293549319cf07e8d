import { LANGS } from '../i18n';
import { useT } from '../i18n/useT';
import { useApp } from '../store';

/** NL / EN, remembered on this device. */
export function LanguageSwitch() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const setLang = useApp((s) => s.setLang);
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
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
