import { useMemo } from 'react';
import { useApp } from '../store';
import { translate, type Translate } from './index';

/** The translate function for the language the person chose on this device. */
export function useT(): Translate {
  const lang = useApp((s) => s.lang);
  return useMemo(() => (key, vars) => translate(lang, key, vars), [lang]);
}
