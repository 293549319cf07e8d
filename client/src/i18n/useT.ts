import { useMemo } from 'react';
import { useApp } from '../store';
import { translate, type Translate } from './index';

/** The translate function for the language the person chose on this device. */
export function useT(): Translate {
  const lang = useApp((s) => s.lang);
  // A new function once the language's words arrive, so what uses it draws them.
  const words = useApp((s) => s.wordsLoaded);
  return useMemo(() => (key, vars) => translate(lang, key, vars), [lang, words]);
}
