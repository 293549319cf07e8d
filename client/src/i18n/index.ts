import { en } from './en';
import { hostEn } from './host.en';
import { hostNl } from './host.nl';
import { nl } from './nl';
import { playerEn } from './player.en';
import { playerNl } from './player.nl';
import { screensEn } from './screens.en';
import { screensNl } from './screens.nl';
import { workshopEn } from './workshop.en';
import { workshopNl } from './workshop.nl';

/*
 * One catalogue per language, kept in parts so each area of the interface has its own file:
 * the shared words (nl.ts), the tablet (player), the facilitator's controls and the big screen
 * (host), the workshop-wide views: overview, timeline, report (workshop), and what surrounds
 * the board: paging, event changes, confirmations, the screen picker (screens).
 */
const nlAll = { ...nl, ...playerNl, ...hostNl, ...workshopNl, ...screensNl };
export type MessageKey = keyof typeof nlAll;

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Vars = Record<string, string | number>;
/** Translates a catalogue key, filling `{name}` placeholders from `vars`. */
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = {
  nl: nlAll,
  en: { ...en, ...playerEn, ...hostEn, ...workshopEn, ...screensEn },
};

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = CATALOGUES[lang][key] ?? nlAll[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The catalogue key for a server error code; codes this client does not know get a generic line. */
export function errorKey(code: string): MessageKey {
  const key = `error.${code}`;
  return key in nlAll ? (key as MessageKey) : 'error.generic';
}

export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}
