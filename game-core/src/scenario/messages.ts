import type { z } from 'zod';
import type { RefIssue } from './crossCheck';

export type Lang = 'nl' | 'en';

type Described = { message: string; suggestion?: string };

/** What the trainer actually wrote at the issue's place, looked up in the parsed YAML. */
export interface Received {
  present: boolean;
  value?: unknown;
}

type Input =
  | RefIssue
  | { kind: 'yaml'; code?: string; detail: string; key?: string }
  | { kind: 'zod'; issue: z.core.$ZodIssue; received?: Received; known?: string[] };

const REF_TEXT: Record<string, Record<Lang, (p: Record<string, string>) => string>> = {
  duplicate_id: {
    nl: (p) => `het id '${p.id}' komt al eerder voor; elk id moet uniek zijn`,
    en: (p) => `the id '${p.id}' is used before; every id must be unique`,
  },
  unknown_role: {
    nl: (p) => `de rol '${p.id}' bestaat niet in 'roles'`,
    en: (p) => `the role '${p.id}' does not exist in 'roles'`,
  },
  unknown_sector: {
    nl: (p) => `het leefgebied '${p.id}' bestaat niet in 'board.sectors'`,
    en: (p) => `the life domain '${p.id}' does not exist in 'board.sectors'`,
  },
  unknown_card: {
    nl: (p) => `de kaart '${p.id}' bestaat niet (nog niet) in 'cards' of in een eerdere 'add'`,
    en: (p) => `the card '${p.id}' does not exist (yet) in 'cards' or an earlier 'add'`,
  },
  card_added_later: {
    nl: (p) => `de kaart '${p.id}' bestaat hier nog niet: die komt pas in de latere gebeurtenis '${p.event}'; voeg de kaart eerder toe of verplaats deze stap naar een latere gebeurtenis`,
    en: (p) => `the card '${p.id}' does not exist here yet: it only comes in the later event '${p.event}'; add the card earlier or move this step to a later event`,
  },
  card_added_later_here: {
    nl: (p) => `de kaart '${p.id}' bestaat hier nog niet: deze gebeurtenis voegt hem pas verderop toe; zet de 'add' boven deze regel`,
    en: (p) => `the card '${p.id}' does not exist here yet: this event adds it further down; put the 'add' above this line`,
  },
  role_without_change: {
    nl: (p) => `'role' voor '${p.id}' verandert niets; geef een nieuwe 'organisation', 'law', 'mandate' of 'mayNot'`,
    en: (p) => `'role' for '${p.id}' changes nothing; give a new 'organisation', 'law', 'mandate' or 'mayNot'`,
  },
  move_without_target: {
    nl: (p) => `'move' van kaart '${p.id}' noemt geen 'supportType' en geen 'sector'; zeg waar de kaart heen gaat`,
    en: (p) => `'move' of card '${p.id}' names neither 'supportType' nor 'sector'; say where the card goes`,
  },
  no_required_role: {
    nl: () => `geen enkele rol heeft 'required: true'; zet minstens één rol op verplicht`,
    en: () => `no role has 'required: true'; mark at least one role as required`,
  },
  no_persona_role: {
    nl: (p) => `geen rol heeft 'kind: persona'; voeg een rol toe voor ${p.name} zelf, die staat in het midden van het wiel`,
    en: (p) => `no role has 'kind: persona'; add a role for ${p.name}, who stands in the middle of the wheel`,
  },
  choice_without_options: {
    nl: (p) => `de poll '${p.id}' is een keuzevraag ('kind: choice') maar heeft geen 'options' (minstens twee antwoorden)`,
    en: (p) => `the poll '${p.id}' is a choice ('kind: choice') but has no 'options' (at least two answers)`,
  },
  id_not_folder: {
    nl: (p) => `het id '${p.id}' is anders dan de mapnaam '${p.folder}'; maak ze gelijk`,
    en: (p) => `the id '${p.id}' differs from the folder name '${p.folder}'; make them the same`,
  },
  file_unreadable: {
    nl: (p) => `het bestand kan niet gelezen worden (${p.reason})`,
    en: (p) => `the file cannot be read (${p.reason})`,
  },
  image_not_found: {
    nl: (p) => `de afbeelding '${p.file}' staat niet naast het scenariobestand`,
    en: (p) => `the image '${p.file}' is not next to the scenario file`,
  },
};

/*
 * The yaml library's own messages are English and talk about parser internals; trainers get
 * a plain sentence for the mistakes they actually make, and the original text otherwise.
 */
const YAML_TEXT: Record<string, Record<Lang, (key: string) => string>> = {
  DUPLICATE_KEY: {
    nl: (k) => `het veld '${k}' staat twee keer in hetzelfde blok; haal er één weg`,
    en: (k) => `the field '${k}' appears twice in the same block; remove one`,
  },
  TAB_AS_INDENT: {
    nl: () => 'inspringen moet met spaties, niet met tabs',
    en: () => 'indent with spaces, not tabs',
  },
  BAD_INDENT: {
    nl: () => 'deze regel springt niet goed in; lijn hem uit met de velden van hetzelfde blok',
    en: () => 'this line is not indented correctly; line it up with the fields of its block',
  },
  MISSING_QUOTE: {
    nl: () => 'er ontbreekt een afsluitend aanhalingsteken',
    en: () => 'a closing quote is missing',
  },
  MISSING_DASH: {
    nl: () => "een onderdeel van een lijst begint met '- '; dit onderdeel mist het streepje of springt verkeerd in",
    en: () => "a list item starts with '- '; this item lacks the dash or is indented wrongly",
  },
  MULTILINE_IMPLICIT_KEY: {
    nl: () =>
      "een veldnaam moet op één regel staan; staat er een dubbele punt of een inspringfout in de tekst? Zet tekst met ': ' tussen aanhalingstekens",
    en: () => "a field name must fit on one line; is there a colon or an indentation slip in the text? Quote text that contains ': '",
  },
  BLOCK_AS_IMPLICIT_KEY: {
    nl: () =>
      "in deze tekst staat een dubbele punt met een spatie erachter, of de volgende regel springt te ver in; zet tekst met ': ' tussen aanhalingstekens of gebruik '>-'",
    en: () => "this text contains a colon followed by a space, or the next line is indented too far; quote text with ': ' or use '>-'",
  },
  BAD_SCALAR_START: {
    nl: () => 'tekst mag niet met dit teken beginnen; zet de tekst tussen aanhalingstekens',
    en: () => 'text cannot start with this character; put the text in quotes',
  },
  UNEXPECTED_TOKEN: {
    nl: () => 'hier staat iets onverwachts; controleer inspringing, streepjes en aanhalingstekens',
    en: () => 'something unexpected here; check indentation, dashes and quotes',
  },
  UNCLOSED_FLOW: {
    nl: (c) => `de ${c} wordt nergens gesloten; zet ${closer(c)} aan het eind van de lijst, of zet tekst die met ${c} begint tussen aanhalingstekens`,
    en: (c) => `the ${c} is never closed; put ${closer(c)} at the end of the list, or quote text that starts with ${c}`,
  },
  UNCLOSED_QUOTE: {
    nl: (q) => `het aanhalingsteken ${q} aan het begin van deze tekst wordt nergens gesloten; zet er een ${q} achter aan het eind van de tekst`,
    en: (q) => `the quote ${q} at the start of this text is never closed; put a ${q} at the end of the text`,
  },
  TOO_DEEP: {
    nl: (n) => `deze regel springt te ver in (${n}); een veld van hetzelfde blok staat recht onder het veld erboven`,
    en: (n) => `this line is indented too far (${n}); a field of the same block lines up with the field above it`,
  },
  TOO_SHALLOW: {
    nl: (n) => `deze regel springt te weinig in (${n}); lijn hem uit met de velden van zijn blok`,
    en: (n) => `this line is not indented far enough (${n}); line it up with the fields of its block`,
  },
  NO_SPACE_AFTER_COLON: {
    nl: (k) => `na '${k}:' hoort een spatie; schrijf '${k}: …'`,
    en: (k) => `'${k}:' needs a space after the colon; write '${k}: …'`,
  },
  MULTIPLE_DOCS: {
    nl: () => "het bestand bevat meer dan één document ('---'); één scenario per bestand",
    en: () => "the file holds more than one document ('---'); one scenario per file",
  },
};

function closer(opener: string): string {
  return opener === '[' ? ']' : opener === '{' ? '}' : opener;
}

/** Plain words for one problem, in the trainer's language, with a "did you mean" where possible. */
export function describeIssue(input: Input, lang: Lang): Described {
  if ('kind' in input && input.kind === 'yaml') {
    const plain = input.code ? YAML_TEXT[input.code] : undefined;
    const detail = plain ? plain[lang](input.key ?? '') : input.detail;
    return { message: lang === 'nl' ? `YAML-fout: ${detail}` : `YAML error: ${detail}` };
  }
  if ('kind' in input) return describeZod(input.issue, lang, input.received, input.known);
  const text = REF_TEXT[input.code];
  const message = text ? text[lang](input.params ?? {}) : input.code;
  const near = input.params?.id && input.candidates ? nearest(input.params.id, input.candidates) : undefined;
  return near ? { message, suggestion: didYouMean(near, lang) } : { message };
}

function describeZod(issue: z.core.$ZodIssue, lang: Lang, received: Received | undefined, known: string[] | undefined): Described {
  const nl = lang === 'nl';
  const field = fieldName(issue.path, lang);
  // The line already points at the block; a named block is worth saying, a list position is not.
  const parent = issue.path.length > 1 ? issue.path[issue.path.length - 2] : undefined;
  const inBlock =
    parent === undefined ? '' : typeof parent === 'number' ? (nl ? ' in dit blok' : ' in this block') : ` in '${String(parent)}'`;
  // zod 4 does not echo the input; without a lookup, "absent" is the honest default.
  const present = received?.present ?? false;
  const value = received?.value;
  switch (issue.code) {
    case 'invalid_type': {
      if (!present)
        return {
          message: nl ? `het verplichte veld ${field} ontbreekt${inBlock}` : `the required field ${field} is missing${inBlock}`,
        };
      const expected = typeName(issue.expected, lang);
      const got = describeValue(value, lang);
      // Text with ': ' in it silently becomes a block of fields; it is the most common slip.
      const colonHint =
        issue.expected === 'string' && value !== null && typeof value === 'object' && !Array.isArray(value)
          ? nl
            ? "; staat er een dubbele punt met een spatie in de tekst? Zet de tekst dan tussen aanhalingstekens"
            : '; does the text contain a colon followed by a space? Then put the text in quotes'
          : '';
      return {
        message: nl ? `${field} moet ${expected} zijn, maar is ${got}${colonHint}` : `${field} must be ${expected}, but is ${got}${colonHint}`,
      };
    }
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const near = known ? nearest(key, known) : undefined;
      const list = issue.keys.join("', '");
      const allowed = known && !near ? (nl ? `; toegestaan zijn: ${known.join(', ')}` : `; allowed are: ${known.join(', ')}`) : '';
      const message = nl ? `onbekend veld '${list}'${allowed}` : `unknown field '${list}'${allowed}`;
      return near ? { message, suggestion: didYouMean(near, lang) } : { message };
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const got = typeof value === 'string' ? value : '';
      const near = got ? nearest(got, values) : undefined;
      const message = nl
        ? `${field} heeft een onbekende waarde '${got}'; kies uit: ${values.join(', ')}`
        : `${field} has an unknown value '${got}'; choose from: ${values.join(', ')}`;
      return near ? { message, suggestion: didYouMean(near, lang) } : { message };
    }
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.map(String) : undefined;
      if (options) {
        const got = typeof value === 'string' ? value : '';
        const near = got ? nearest(got, options) : undefined;
        const message = nl
          ? `${field} heeft een onbekende waarde '${got}'; kies uit: ${options.join(', ')}`
          : `${field} has an unknown value '${got}'; choose from: ${options.join(', ')}`;
        return near ? { message, suggestion: didYouMean(near, lang) } : { message };
      }
      return { message: nl ? `${field} past bij geen van de toegestane vormen` : `${field} matches none of the allowed shapes` };
    }
    case 'too_small': {
      const min = String(issue.minimum);
      const count = Array.isArray(value) ? value.length : undefined;
      if (issue.origin === 'string')
        return { message: nl ? `${field} mag niet leeg zijn` : `${field} must not be empty` };
      if (issue.origin === 'array') {
        const now = count === undefined ? '' : nl ? ` (nu ${count})` : ` (now ${count})`;
        return { message: nl ? `${field} heeft minstens ${min} onderdelen nodig${now}` : `${field} needs at least ${min} items${now}` };
      }
      return { message: nl ? `${field} moet minstens ${min} zijn` : `${field} must be at least ${min}` };
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string')
        return { message: nl ? `${field} is te lang (hoogstens ${max} tekens)` : `${field} is too long (at most ${max} characters)` };
      if (issue.origin === 'array')
        return { message: nl ? `${field} heeft te veel onderdelen (hoogstens ${max})` : `${field} has too many items (at most ${max})` };
      return { message: nl ? `${field} mag hoogstens ${max} zijn` : `${field} must be at most ${max}` };
    }
    case 'invalid_format': {
      const got = typeof value === 'string' ? `'${value}'` : field;
      // The id the trainer probably meant: what they wrote, in the letters an id allows.
      const slug = typeof value === 'string' ? idFrom(value) : '';
      const message = nl
        ? `${got} is geen geldig id: gebruik kleine letters zonder accenten, cijfers en streepjes, zonder spaties`
        : `${got} is not a valid id: use lower-case letters without accents, digits and dashes, no spaces`;
      return slug ? { message, suggestion: didYouMean(slug, lang) } : { message };
    }
    default:
      return { message: nl ? `${field} klopt niet (${issue.message})` : `${field} is not valid (${issue.message})` };
  }
}

/** A field as trainers see it: `'label'`, or `item 3 of 'questions'` for a list entry. */
function fieldName(path: readonly PropertyKey[], lang: Lang): string {
  const nl = lang === 'nl';
  const last = path[path.length - 1];
  if (last === undefined) return nl ? 'het bestand' : 'the file';
  if (typeof last !== 'number') return `'${String(last)}'`;
  const parent = path[path.length - 2];
  const list = parent === undefined ? '' : nl ? ` van '${String(parent)}'` : ` of '${String(parent)}'`;
  return nl ? `onderdeel ${last + 1}${list}` : `item ${last + 1}${list}`;
}

function describeValue(value: unknown, lang: Lang): string {
  const nl = lang === 'nl';
  if (Array.isArray(value)) return nl ? 'een lijst' : 'a list';
  if (value !== null && typeof value === 'object') return nl ? 'een blok met velden' : 'a block of fields';
  if (typeof value === 'string') return nl ? `'${value}'` : `'${value}'`;
  if (value === null || value === undefined) return nl ? 'leeg' : 'empty';
  return String(value);
}

function typeName(t: string, lang: Lang): string {
  const nl: Record<string, string> = { string: 'tekst', number: 'een getal', boolean: 'ja of nee', array: 'een lijst', object: 'een blok met velden' };
  const en: Record<string, string> = { string: 'text', number: 'a number', boolean: 'yes or no', array: 'a list', object: 'a block of fields' };
  return (lang === 'nl' ? nl : en)[t] ?? t;
}

function didYouMean(near: string, lang: Lang): string {
  return lang === 'nl' ? `bedoelde je '${near}'?` : `did you mean '${near}'?`;
}

/** `Financiën` → `financien`, `Eigen Kracht` → `eigen-kracht`: what an id allows; '' when nothing is left. */
export function idFrom(text: string): string {
  const slug = fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return /^[a-z0-9][a-z0-9-]*$/.test(slug) ? slug : '';
}

/** Lower case without accents, so `financiën` and `financien` compare as one word. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The candidate the trainer most likely meant: the closest by edit distance if it is close
 * enough to be a typo, or else the one that is a whole word of what they wrote (a label such
 * as "eigen kracht" typed where the id `eigen` belongs).
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.includes(word)) return undefined;
  const plain = fold(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(plain, fold(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  if (best !== undefined && bestDistance <= limit) return best;
  const words = plain.split(/[^a-z0-9]+/).filter(Boolean);
  const hits = candidates.filter((c) => words.includes(fold(c)));
  return hits.length === 1 ? hits[0] : undefined;
}

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
