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
        <button key={l} type="button" lang={l} aria-pressed={lang === l} aria-label={t(`lang.${l}`)} onClick={() => setLang(l)}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
