import type { z } from 'zod';
import type { RefIssue } from './crossCheck';

export type Lang = 'nl' | 'en';

type Described = { message: string; suggestion?: string };
type Input = RefIssue | { kind: 'yaml'; detail: string } | { kind: 'zod'; issue: z.core.$ZodIssue };

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
  move_without_target: {
    nl: (p) => `'move' van kaart '${p.id}' noemt geen 'supportType' en geen 'sector'`,
    en: (p) => `'move' of card '${p.id}' names neither 'supportType' nor 'sector'`,
  },
  no_required_role: {
    nl: () => `geen enkele rol heeft 'required: true'; zet minstens één rol op verplicht`,
    en: () => `no role has 'required: true'; mark at least one role as required`,
  },
  image_not_found: {
    nl: (p) => `de afbeelding '${p.file}' staat niet naast het scenariobestand`,
    en: (p) => `the image '${p.file}' is not next to the scenario file`,
  },
};

/** Plain words for one problem, in the trainer's language, with a "did you mean" where possible. */
export function describeIssue(input: Input, lang: Lang): Described {
  if ('kind' in input && input.kind === 'yaml') {
    return { message: lang === 'nl' ? `YAML-fout: ${input.detail}` : `YAML error: ${input.detail}` };
  }
  if ('kind' in input) return describeZod(input.issue, lang);
  const text = REF_TEXT[input.code];
  const message = text ? text[lang](input.params ?? {}) : input.code;
  const near = input.params?.id && input.candidates ? nearest(input.params.id, input.candidates) : undefined;
  return near ? { message, suggestion: didYouMean(near, lang) } : { message };
}

function describeZod(issue: z.core.$ZodIssue, lang: Lang): Described {
  const nl = lang === 'nl';
  const field = issue.path.length ? String(issue.path[issue.path.length - 1]) : nl ? 'het bestand' : 'the file';
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined)
        return { message: nl ? `het veld '${field}' ontbreekt; het is verplicht` : `the field '${field}' is missing; it is required` };
      const expected = typeName(issue.expected, lang);
      return { message: nl ? `'${field}' moet ${expected} zijn` : `'${field}' must be ${expected}` };
    }
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const known = knownKeysHint(issue);
      const near = known ? nearest(key, known) : undefined;
      const message = nl ? `onbekend veld '${issue.keys.join("', '")}'` : `unknown field '${issue.keys.join("', '")}'`;
      return near ? { message, suggestion: didYouMean(near, lang) } : { message };
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const got = typeof issue.input === 'string' ? issue.input : '';
      const near = got ? nearest(got, values) : undefined;
      const message = nl
        ? `'${field}' heeft een onbekende waarde '${got}'; kies uit: ${values.join(', ')}`
        : `'${field}' has an unknown value '${got}'; choose from: ${values.join(', ')}`;
      return near ? { message, suggestion: didYouMean(near, lang) } : { message };
    }
    case 'invalid_union': {
      const kinds = 'end, move, add';
      return { message: nl ? `'${field}' past niet; een effect heeft 'kind': ${kinds}` : `'${field}' does not fit; an effect has 'kind': ${kinds}` };
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string')
        return { message: nl ? `'${field}' mag niet leeg zijn` : `'${field}' must not be empty` };
      if (issue.origin === 'array')
        return { message: nl ? `'${field}' heeft minstens ${min} onderdelen nodig` : `'${field}' needs at least ${min} items` };
      return { message: nl ? `'${field}' moet minstens ${min} zijn` : `'${field}' must be at least ${min}` };
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string')
        return { message: nl ? `'${field}' is te lang (hoogstens ${max} tekens)` : `'${field}' is too long (at most ${max} characters)` };
      if (issue.origin === 'array')
        return { message: nl ? `'${field}' heeft te veel onderdelen (hoogstens ${max})` : `'${field}' has too many items (at most ${max})` };
      return { message: nl ? `'${field}' mag hoogstens ${max} zijn` : `'${field}' must be at most ${max}` };
    }
    case 'invalid_format':
      return {
        message: nl
          ? `'${field}' is geen geldig id: gebruik kleine letters, cijfers en streepjes (bijvoorbeeld 'mentor-fasehuis')`
          : `'${field}' is not a valid id: use lower-case letters, digits and dashes (e.g. 'mentor-fasehuis')`,
      };
    default:
      return { message: nl ? `'${field}' klopt niet (${issue.message})` : `'${field}' is not valid (${issue.message})` };
  }
}

function typeName(t: string, lang: Lang): string {
  const nl: Record<string, string> = { string: 'tekst', number: 'een getal', boolean: 'ja of nee', array: 'een lijst', object: 'een blok met velden' };
  const en: Record<string, string> = { string: 'text', number: 'a number', boolean: 'yes or no', array: 'a list', object: 'a block of fields' };
  return (lang === 'nl' ? nl : en)[t] ?? t;
}

/** zod 4 does not list the allowed keys; the schema walker in knownKeys fills them in. */
function knownKeysHint(issue: z.core.$ZodIssue): string[] | undefined {
  return (issue as { known?: string[] }).known;
}

function didYouMean(near: string, lang: Lang): string {
  return lang === 'nl' ? `bedoelde je '${near}'?` : `did you mean '${near}'?`;
}

/** The closest candidate by edit distance, if it is close enough to be a typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestDistance > 0 && bestDistance <= limit ? best : undefined;
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
