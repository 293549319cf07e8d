import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseScenarioYaml } from '../../game-core/src/scenario/parse';
import { FIXTURES, REPO_ROOT } from './helpers';

const doc = readFileSync(join(REPO_ROOT, 'docs/scenario-authoring.md'), 'utf8');

/** The fenced yaml block right after the marker comment: the doc's complete example. */
function completeExample(): string {
  const match = /<!-- compleet-voorbeeld -->\s*```yaml\n([\s\S]*?)```/.exec(doc);
  if (!match?.[1]) throw new Error('the complete example is missing from docs/scenario-authoring.md');
  return match[1];
}

describe('docs/scenario-authoring.md', () => {
  const text = completeExample();
  const result = parseScenarioYaml(text, { file: 'gerda-blijft-thuis/scenario.yaml', expectedId: 'gerda-blijft-thuis' });

  it('shows a complete example that passes the check', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('uses all four rings and cards both on the wheel and on the stack in its example', () => {
    if (!result.ok) throw new Error('example does not parse');
    expect(new Set(result.scenario.cards.map((c) => c.supportType))).toEqual(new Set(['eigen', 'informeel', 'gemeente', 'landelijk']));
    expect(result.scenario.cards.map((c) => c.placement)).toEqual(expect.arrayContaining(['start', 'deck']));
  });

  it('prints the same summary line for the example as the check really gives', () => {
    if (!result.ok) throw new Error('example does not parse');
    const s = result.scenario;
    expect(doc).toContain(`(${s.roles.length} rollen, ${s.cards.length} kaarten, ${s.events.length} gebeurtenis)`);
  });

  it('quotes the error for a misspelt role at the line where it would really be reported', () => {
    const broken = text.replace('    role: wmo-consulent\n', '    role: wmo-consulen\n');
    const r = parseScenarioYaml(broken, { file: 'scenario.yaml' });
    if (r.ok) throw new Error('expected a problem');
    const p = r.problems[0]!;
    expect(doc).toContain(`gerda-blijft-thuis/scenario.yaml:${p.line}:${p.column}  ${p.message}  → ${p.suggestion}`);
  });

  it.each(fragments().map((f, i) => [i + 1, f] as const))('example %i, put into the complete example, passes the check', (_n, fragment) => {
    const merged = parseDocument(text);
    const parts = parseDocument(fragment);
    for (const key of Object.keys(parts.toJS() as Record<string, unknown>)) merged.set(key, parts.get(key, true));
    const r = parseScenarioYaml(String(merged), { file: 'gerda-blijft-thuis/scenario.yaml', expectedId: 'gerda-blijft-thuis' });
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('has an example of every kind of event effect, of supportTypes, praatplaat and a scale poll', () => {
    const all = fragments().join('\n');
    for (const kind of ['pause', 'resume', 'move', 'role']) expect(all).toContain(`kind: ${kind}`);
    expect(all).toContain('supportTypes:');
    expect(all).toContain('praatplaat:');
    expect(all).toContain('kind: scale');
  });

  it.each(slips())('quotes the check word for word for $name', ({ replace }) => {
    const base = readFileSync(join(FIXTURES, 'base.yaml'), 'utf8').split('\n');
    const broken = base.map((line, i) => replace[i + 1] ?? line).join('\n');
    const r = parseScenarioYaml(broken, { file: 'scenario.yaml' });
    if (r.ok) throw new Error('expected a problem');
    const p = r.problems[0]!;
    expect(doc).toContain(`scenario.yaml:${p.line}:${p.column}  ${p.message}${p.suggestion ? `  → ${p.suggestion}` : ''}`);
  });

  it('explains SCENARIOS_DIR, SCENARIOS_WRITABLE, required roles, event questions and scale polls', () => {
    for (const words of ['SCENARIOS_DIR', 'SCENARIOS_WRITABLE=1', '$schema=', 'Wat `required` doet', 'paneel **Vragen**', 'Een `scale` zonder `options` krijgt vijf punten'])
      expect(doc).toContain(words);
  });
});

/** The fenced yaml blocks after `<!-- voorbeeld -->`: parts of a scenario, each a few top-level fields. */
function fragments(): string[] {
  return [...doc.matchAll(/<!-- voorbeeld -->\s*```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** Slips in the base fixture whose messages section 4 quotes. */
function slips(): { name: string; replace: Record<number, string> }[] {
  return [
    { name: 'a tab', replace: { 28: '\tperspective: Ik wil weer meedoen.' } },
    { name: 'a line indented too far', replace: { 29: '      mandate: Beslist zelf over zijn leven.' } },
    { name: 'a line indented too little', replace: { 29: '   mandate: Beslist zelf over zijn leven.' } },
    { name: 'an unclosed quote', replace: { 12: '  situation: "Sam zoekt werk na een lange ziekte.' } },
    { name: 'no space after a colon', replace: { 36: '    mandate:Beslist over bijstand.' } },
    { name: 'eigen kracht', replace: { 42: '    supportType: eigen kracht' } },
    { name: 'financiën', replace: { 22: '    - id: financiën' } },
    { name: 'an id with capitals', replace: { 51: '  - id: Baan Gevonden' } },
  ];
}
