import { describe, expect, it } from 'vitest';
import { allowedKeysAt, parseScenarioYaml } from './parse';
import { scenarioSchema } from './schema';

describe('allowedKeysAt', () => {
  it('lists the fields of a card inside the cards list', () => {
    const keys = allowedKeysAt(scenarioSchema, ['cards', 0], { cards: [{}] });
    expect(keys).toEqual(['id', 'label', 'short', 'role', 'law', 'supportType', 'sector', 'placement', 'note']);
  });

  it('picks the effect shape that matches the kind the trainer wrote', () => {
    const raw = { events: [{ effects: [{ kind: 'move' }, { kind: 'add' }] }] };
    expect(allowedKeysAt(scenarioSchema, ['events', 0, 'effects', 0], raw)).toEqual(['kind', 'card', 'supportType', 'sector', 'reason']);
    expect(allowedKeysAt(scenarioSchema, ['events', 0, 'effects', 1], raw)).toEqual(['kind', 'card', 'to', 'reason']);
  });

  it('lists the fields of a card added by an event, which has no placement', () => {
    const raw = { events: [{ effects: [{ kind: 'add', card: {} }] }] };
    expect(allowedKeysAt(scenarioSchema, ['events', 0, 'effects', 0, 'card'], raw)).not.toContain('placement');
  });

  it('gives up rather than guessing when the effect kind is unknown', () => {
    const raw = { events: [{ effects: [{ kind: 'stop' }] }] };
    expect(allowedKeysAt(scenarioSchema, ['events', 0, 'effects', 0], raw)).toBeUndefined();
  });

  it('lists the top-level sections of a scenario', () => {
    expect(allowedKeysAt(scenarioSchema, [], {})).toContain('reflection');
  });
});

describe('parseScenarioYaml', () => {
  it('reports an empty file as missing sections, not as a crash', () => {
    const r = parseScenarioYaml('', { file: 'leeg.yaml' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['id', 'meta', 'persona', 'roles']));
    expect(r.problems.every((p) => p.file === 'leeg.yaml' && p.line === 1)).toBe(true);
  });

  it('reports a list where a scenario should be as one plain problem', () => {
    const r = parseScenarioYaml('- een\n- twee\n', { lang: 'en' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toBe('the file must be a block of fields, but is a list');
  });

  it('reports only the first of a cascade of YAML errors', () => {
    const r = parseScenarioYaml('id: x\nmeta:\n  title: a\n   version: b\n  author: "c\n', {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.code).toBe('yaml_syntax');
  });
});
