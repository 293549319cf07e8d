import type { hostNl } from './host.nl';
import { nl } from './nl';
import { playerNl } from './player.nl';
import { screensNl } from './screens.nl';
import type { workshopNl } from './workshop.nl';

/*
 * One catalogue per language, kept in parts so each area of the interface has its own file:
 * the shared words (nl.ts), the tablet (player), the facilitator's controls and the big screen
 * (host), the workshop-wide views: overview, timeline, report (workshop), and what surrounds
 * the board: paging, event changes, confirmations, the screen picker (screens).
 */
const nlTablet = { ...nl, ...playerNl, ...screensNl };
export type MessageKey = keyof typeof nlTablet | keyof typeof hostNl | keyof typeof workshopNl;

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Vars = Record<string, string | number>;
/** Translates a catalogue key, filling `{name}` placeholders from `vars`. */
export type Translate = (key: MessageKey, vars?: Vars) => string;

/*
 * What a Dutch tablet needs is here from the start. The English words come when English is
 * chosen (`loadLanguage`; until then a line shows in Dutch). The facilitator's and the
 * workshop-wide words (host, workshop) are added by `facilitatorWords.ts`, which every page but
 * the tablet's loads before it renders (App.tsx), so a tablet does not download them before its
 * board shows.
 */
const CATALOGUES: Record<Lang, Partial<Record<MessageKey, string>>> = {
  nl: { ...nlTablet },
  en: {},
};

let english: Promise<void> | null = null;

/** Fetches a language's tablet words if they are not here yet; resolves once they are. */
export function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'nl') return Promise.resolve();
  english ??= import('./english').then(({ englishTablet }) => {
    // Words added meanwhile (facilitatorWords.ts) stay.
    CATALOGUES.en = { ...englishTablet, ...CATALOGUES.en };
  });
  return english;
}

/** Adds a part of the catalogues (same keys in both languages; the type checker enforces it). */
export function addWords(parts: { [L in Lang]: Partial<Record<MessageKey, string>> }): void {
  for (const lang of LANGS) Object.assign(CATALOGUES[lang], parts[lang]);
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  // A key of a part that is not loaded shows as itself rather than breaking the page.
  const template = CATALOGUES[lang][key] ?? CATALOGUES.nl[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The catalogue key for a server error code; codes this client does not know get a generic line. */
export function errorKey(code: string): MessageKey {
  const key = `error.${code}`;
  return key in nlTablet ? (key as MessageKey) : 'error.generic';
}

export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}
