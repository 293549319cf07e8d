import { en } from './en';
import { nl, type MessageKey } from './nl';

export type { MessageKey } from './nl';

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Vars = Record<string, string | number>;
/** Translates a catalogue key, filling `{name}` placeholders from `vars`. */
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { nl, en };

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = CATALOGUES[lang][key] ?? nl[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The catalogue key for a server error code; codes this client does not know get a generic line. */
export function errorKey(code: string): MessageKey {
  const key = `error.${code}`;
  return key in nl ? (key as MessageKey) : 'error.generic';
}

export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}
