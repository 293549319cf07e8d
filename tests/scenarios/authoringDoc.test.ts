import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioYaml } from '../../game-core/src/scenario/parse';
import { REPO_ROOT } from './helpers';

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
});
