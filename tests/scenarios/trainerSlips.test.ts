import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioYaml } from '../../game-core/src/scenario/parse';
import { FIXTURES } from './helpers';

/*
 * The slips a trainer new to YAML makes, each written into the valid base fixture, with the
 * exact place and words the check must give: the line the slip is on, not where the parser
 * gave up.
 */

const BASE = readFileSync(join(FIXTURES, 'base.yaml'), 'utf8').split('\n');

/** The base file with some lines (1-based) replaced; a replacement may hold several lines. */
function variant(replace: Record<number, string>): string {
  return BASE.map((line, i) => replace[i + 1] ?? line).join('\n');
}

/** Each problem as `line:column message → suggestion`, the way the check prints it. */
function problems(text: string, lang: 'nl' | 'en' = 'nl'): string[] {
  const result = parseScenarioYaml(text, { file: 'scenario.yaml', lang });
  if (result.ok) return [];
  return result.problems.map((p) => `${p.line}:${p.column} ${p.message}${p.suggestion ? ` → ${p.suggestion}` : ''}`);
}

describe('YAML slips point at the line that is wrong', () => {
  it('points at an unclosed [ on line 7 of an 8-line file, not past the end', () => {
    const text = ['id: proef', 'meta:', '  title: Proef', '  version: "1"', '  author: Team', 'persona:', '  name: [Sam', '  age: "30"', ''].join('\n');
    expect(problems(text)).toEqual([
      "7:9 YAML-fout: de [ wordt nergens gesloten; zet ] aan het eind van de lijst, of zet tekst die met [ begint tussen aanhalingstekens",
    ]);
    expect(problems(text, 'en')).toEqual(['7:9 YAML error: the [ is never closed; put ] at the end of the list, or quote text that starts with ['])
  });

  it('points at an unclosed [ in the last list of the file', () => {
    expect(problems(variant({ 59: '    - [Wat viel je op?' }))).toEqual([
      '59:7 YAML-fout: de [ wordt nergens gesloten; zet ] aan het eind van de lijst, of zet tekst die met [ begint tussen aanhalingstekens',
    ]);
  });

  it('points at an unclosed double quote where it opens', () => {
    expect(problems(variant({ 12: '  situation: "Sam zoekt werk na een lange ziekte.' }))).toEqual([
      '12:14 YAML-fout: het aanhalingsteken " aan het begin van deze tekst wordt nergens gesloten; zet er een " achter aan het eind van de tekst',
    ]);
  });

  it("points at an unclosed single quote, such as 't at the start of a name", () => {
    expect(problems(variant({ 4: "  title: 't Proefscenario" }))).toEqual([
      "4:10 YAML-fout: het aanhalingsteken ' aan het begin van deze tekst wordt nergens gesloten; zet er een ' achter aan het eind van de tekst",
    ]);
  });

  it('points at a tab used to indent', () => {
    expect(problems(variant({ 28: '\tperspective: Ik wil weer meedoen.' }))).toEqual(['28:1 YAML-fout: inspringen moet met spaties, niet met tabs']);
  });

  it('points at a line indented too far, not at the line above it', () => {
    expect(problems(variant({ 29: '      mandate: Beslist zelf over zijn leven.' }))).toEqual([
      '29:7 YAML-fout: deze regel springt te ver in (6 spaties, verwacht 4); een veld van hetzelfde blok staat recht onder het veld erboven',
    ]);
  });

  it('points at a line indented too little', () => {
    expect(problems(variant({ 29: '   mandate: Beslist zelf over zijn leven.' }))).toEqual([
      '29:1 YAML-fout: deze regel springt te weinig in (3 spaties, verwacht 4); lijn hem uit met de velden van zijn blok',
    ]);
  });

  it('points at a field with no space after its colon', () => {
    expect(problems(variant({ 36: '    mandate:Beslist over bijstand.' }))).toEqual(["36:5 YAML-fout: na 'mandate:' hoort een spatie; schrijf 'mandate: …'"]);
  });

  it('points at a colon inside a text and says to quote it', () => {
    expect(problems(variant({ 53: '    narrative: Let op: Sam mag beginnen bij een bakkerij.' }))).toEqual([
      "53:16 YAML-fout: in deze tekst staat een dubbele punt met een spatie erachter, of de volgende regel springt te ver in; zet tekst met ': ' tussen aanhalingstekens of gebruik '>-'",
    ]);
  });

  it('points at the second of two fields with the same name', () => {
    expect(problems(variant({ 5: '  title: Nog een titel' }))).toEqual(["5:3 YAML-fout: het veld 'title' staat twee keer in hetzelfde blok; haal er één weg"]);
  });
});

describe('the check suggests what the trainer meant', () => {
  it("suggests 'eigen' for the support type written as its label, eigen kracht", () => {
    expect(problems(variant({ 42: '    supportType: eigen kracht' }))).toEqual([
      "42:18 'supportType' heeft een onbekende waarde 'eigen kracht'; kies uit: eigen, informeel, gemeente, landelijk → bedoelde je 'eigen'?",
    ]);
    expect(problems(variant({ 42: '    supportType: Informeel netwerk' }))[0]).toContain("→ bedoelde je 'informeel'?");
  });

  it('suggests the id without accents for financiën, and still checks the card that names the old id', () => {
    expect(problems(variant({ 22: '    - id: financiën', 23: '      label: Financiën' }))).toEqual([
      "22:11 'financiën' is geen geldig id: gebruik kleine letters zonder accenten, cijfers en streepjes, zonder spaties → bedoelde je 'financien'?",
      "49:13 het leefgebied 'geld' bestaat niet in 'board.sectors'",
    ]);
  });

  it('suggests the nearest role, card and sector an effect names', () => {
    const text = variant({
      56: ['        card: bijstnad', '      - kind: pause', '        card: solliciteern', '      - kind: role', '        role: klantmanger', '        law: Wlz', '      - kind: move', '        card: solliciteren', '        sector: wonne'].join('\n'),
    });
    expect(problems(text)).toEqual([
      "56:15 de kaart 'bijstnad' bestaat niet (nog niet) in 'cards' of in een eerdere 'add' → bedoelde je 'bijstand'?",
      "58:15 de kaart 'solliciteern' bestaat niet (nog niet) in 'cards' of in een eerdere 'add' → bedoelde je 'solliciteren'?",
      "60:15 de rol 'klantmanger' bestaat niet in 'roles' → bedoelde je 'klantmanager'?",
      "64:17 het leefgebied 'wonne' bestaat niet in 'board.sectors' → bedoelde je 'wonen'?",
    ]);
  });

  it('says when a card only comes in a later event', () => {
    const text = variant({
      56: [
        '        card: vpt',
        '  - id: verpleeghuis',
        '    title: Sam verhuist',
        '    narrative: Er komt een plek vrij.',
        '    effects:',
        '      - kind: add',
        '        to: board',
        '        card:',
        '          id: vpt',
        '          label: Volledig pakket thuis',
        '          supportType: landelijk',
        '          sector: wonen',
      ].join('\n'),
    });
    expect(problems(text)).toEqual([
      "56:15 de kaart 'vpt' bestaat hier nog niet: die komt pas in de latere gebeurtenis 'verpleeghuis'; voeg de kaart eerder toe of verplaats deze stap naar een latere gebeurtenis",
    ]);
  });

  it('reports schema and cross-reference problems in one run, ordered by line', () => {
    const text = variant({ 43: '    sector: gezin', 51: '  - id: Baan Gevonden', 36: '    mandate: ' });
    expect(problems(text)).toEqual([
      "36:14 'mandate' mag niet leeg zijn",
      "43:13 het leefgebied 'gezin' bestaat niet in 'board.sectors'",
      "51:9 'Baan Gevonden' is geen geldig id: gebruik kleine letters zonder accenten, cijfers en streepjes, zonder spaties → bedoelde je 'baan-gevonden'?",
    ]);
  });

  it('says a role change that names no new text changes nothing', () => {
    const text = variant({ 55: '      - kind: role', 56: '        role: klantmanager\n        reason: Nieuwe wet' });
    expect(problems(text)).toEqual(["55:9 'role' voor 'klantmanager' verandert niets; geef een nieuwe 'organisation', 'law', 'mandate' of 'mayNot'"]);
  });
});
