import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, parseFixture } from './helpers';

interface Expected {
  file: string;
  code: string;
  line: number;
  column?: number;
  nl: string;
  en?: string;
  suggestion?: string;
  /** Problems in all, when the one slip really breaks more than one thing; 1 otherwise. */
  count?: number;
}

/* One mistake per file; the first problem reported must name it at the right place. */
const cases: Expected[] = [
  { file: 'unknown-role', code: 'unknown_role', line: 47, column: 11, nl: "de rol 'klantmanger' bestaat niet", en: "the role 'klantmanger' does not exist", suggestion: 'klantmanager' },
  { file: 'unknown-role-in-added-card', code: 'unknown_role', line: 59, column: 17, nl: "de rol 'bakker' bestaat niet" },
  { file: 'unknown-sector', code: 'unknown_sector', line: 43, column: 13, nl: "het leefgebied 'wrek' bestaat niet", en: "the life domain 'wrek'", suggestion: 'werk' },
  { file: 'unknown-card-in-effect', code: 'unknown_card', line: 56, column: 15, nl: "de kaart 'bijstnad' bestaat niet", suggestion: 'bijstand' },
  { file: 'duplicate-id', code: 'duplicate_id', line: 50, column: 9, nl: "het id 'solliciteren' komt al eerder voor", en: 'every id must be unique' },
  { file: 'no-required-role', code: 'no_required_role', line: 25, nl: "geen enkele rol heeft 'required: true'", en: 'mark at least one role as required' },
  { file: 'no-persona-role', code: 'no_persona_role', line: 25, nl: "geen rol heeft 'kind: persona'" },
  { file: 'image-not-found', code: 'image_not_found', line: 12, column: 10, nl: "de afbeelding 'sam.png' staat niet naast het scenariobestand", en: "the image 'sam.png' is not next to" },
  { file: 'wrong-support-type', code: 'schema_invalid_value', line: 48, column: 18, nl: "onbekende waarde 'gemeentelijk'; kies uit: eigen, informeel, gemeente, landelijk", en: "unknown value 'gemeentelijk'", suggestion: 'gemeente' },
  { file: 'missing-field', code: 'schema_invalid_type', line: 32, column: 5, nl: "het verplichte veld 'mandate' ontbreekt", en: "the required field 'mandate' is missing" },
  { file: 'missing-block', code: 'schema_invalid_type', line: 2, column: 1, nl: "het verplichte veld 'reflection' ontbreekt" },
  { file: 'wrong-type', code: 'schema_invalid_type', line: 11, column: 8, nl: "'age' moet een getal zijn, maar is 'dertig'", en: "'age' must be a number, but is 'dertig'" },
  { file: 'wrong-type-list', code: 'schema_invalid_type', line: 13, column: 14, nl: "'interview' moet een lijst zijn" },
  { file: 'wrong-yes-no', code: 'schema_invalid_type', line: 31, column: 15, nl: "'required' moet ja of nee zijn, maar is 'misschien'" },
  { file: 'yaml-syntax', code: 'yaml_syntax', line: 36, column: 14, nl: 'YAML-fout: in deze tekst staat een dubbele punt', en: 'YAML error: this text contains a colon' },
  { file: 'bad-indent', code: 'yaml_syntax', line: 34, column: 1, nl: 'YAML-fout:' },
  { file: 'tab-indent', code: 'yaml_syntax', line: 34, column: 1, nl: 'inspringen moet met spaties, niet met tabs', en: 'indent with spaces, not tabs' },
  { file: 'duplicate-key', code: 'yaml_syntax', line: 5, column: 3, nl: "het veld 'title' staat twee keer", en: "the field 'title' appears twice" },
  { file: 'bad-id-format', code: 'schema_invalid_format', line: 51, column: 9, nl: "'Baan Gevonden' is geen geldig id", en: 'is not a valid id', suggestion: 'baan-gevonden' },
  // Two sectors left, and a card still names the one that was taken out: both are reported at once.
  { file: 'too-few-sectors', code: 'schema_too_small', line: 18, column: 5, nl: "'sectors' heeft minstens 3 onderdelen nodig (nu 2)", en: "'sectors' needs at least 3 items (now 2)", count: 2 },
  { file: 'colon-in-text', code: 'schema_invalid_type', line: 60, column: 7, nl: "onderdeel 2 van 'prompts' moet tekst zijn, maar is een blok met velden; staat er een dubbele punt", en: "item 2 of 'prompts' must be text" },
  { file: 'unknown-effect-kind', code: 'schema_invalid_union', line: 55, column: 15, nl: "onbekende waarde 'stop'; kies uit: end, move, pause, resume, role, add" },
  { file: 'unknown-field', code: 'schema_unrecognized_keys', line: 40, column: 5, nl: "onbekend veld 'labl'", en: "unknown field 'labl'", suggestion: 'label' },
  { file: 'unknown-top-level-field', code: 'schema_unrecognized_keys', line: 50, column: 1, nl: "onbekend veld 'event'", suggestion: 'events' },
  { file: 'unknown-field-in-effect', code: 'schema_unrecognized_keys', line: 57, column: 9, nl: "onbekend veld 'reden'; toegestaan zijn: kind, card, reason" },
  { file: 'move-without-target', code: 'move_without_target', line: 55, column: 9, nl: "noemt geen 'supportType' en geen 'sector'" },
  { file: 'choice-without-options', code: 'choice_without_options', line: 51, column: 5, nl: "de poll 'werkplek' is een keuzevraag", en: "the poll 'werkplek' is a choice" },
];

describe('broken scenario fixtures', () => {
  it('has a table entry for every file in fixtures/broken', () => {
    const files = readdirSync(join(FIXTURES, 'broken')).map((f) => f.replace(/\.yaml$/, ''));
    expect(cases.map((c) => c.file).sort()).toEqual(files.sort());
  });

  it.each(cases)('reports $file as $code on line $line with a Dutch message', (c) => {
    const result = parseFixture(`broken/${c.file}.yaml`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // One mistake must give one message, not a cascade.
    expect(result.problems).toHaveLength(c.count ?? 1);
    const [p] = result.problems;
    expect(p!.code).toBe(c.code);
    expect(p!.line).toBe(c.line);
    if (c.column !== undefined) expect(p!.column).toBe(c.column);
    expect(p!.message).toContain(c.nl);
    expect(p!.file).toContain(`${c.file}.yaml`);
    if (c.suggestion) expect(p!.suggestion).toBe(`bedoelde je '${c.suggestion}'?`);
    else expect(p!.suggestion).toBeUndefined();
  });

  it.each(cases.filter((c) => c.en))('reports $file in English when asked', (c) => {
    const result = parseFixture(`broken/${c.file}.yaml`, 'en');
    if (result.ok) throw new Error('expected problems');
    expect(result.problems[0]!.message).toContain(c.en);
    if (c.suggestion) expect(result.problems[0]!.suggestion).toBe(`did you mean '${c.suggestion}'?`);
  });
});
