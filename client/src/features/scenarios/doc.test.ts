import { parseScenarioYaml } from '@samenspel/game-core/scenario';
import { describe, expect, it } from 'vitest';
import { addItem, docData, docText, FIELD_ORDER, moveItem, openDoc, removeItem, renameRoleId, setField, setText, TEMPLATE } from './doc';

// The real file, read as text by Vite (the client has no node built-ins).
import TESS from '../../../../scenarios/tess-wordt-18/scenario.yaml?raw';

const comments = (text: string) => text.split('\n').filter((l) => /^\s*#/.test(l));
const topKeys = (text: string) => text.split('\n').filter((l) => /^[a-z]+:/.test(l)).map((l) => l.split(':')[0]);

function roleIndex(text: string, id: string): number {
  const roles = docData(openDoc(text)).roles as { id: string }[];
  return roles.findIndex((r) => r.id === id);
}

describe('editing a scenario document in place', () => {
  it('renames a role and keeps every comment, the field order and the check passing', () => {
    const doc = openDoc(TESS);
    const i = roleIndex(TESS, 'moeder');
    setField(doc, ['roles', i, 'name'], 'Mama van Tess');
    const out = docText(doc);
    expect(comments(out)).toEqual(comments(TESS));
    expect(topKeys(out)).toEqual(topKeys(TESS));
    // Only the one line changed.
    const before = TESS.split('\n');
    const after = out.split('\n');
    expect(after.length).toBe(before.length);
    expect(after.filter((l, n) => l !== before[n])).toEqual(['    name: Mama van Tess']);
    const parsed = parseScenarioYaml(out, { expectedId: 'tess-wordt-18' });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.scenario.roles[i]!.name).toBe('Mama van Tess');
  });

  it('adds a praatplaat theme to a scenario that has none, after the reflection prompts', () => {
    const doc = openDoc(TEMPLATE);
    addItem(doc, ['reflection', 'praatplaat'], { group: 'De cliënt centraal', title: 'Invloed van de cliënt', questions: ['Wie zit er aan het stuur?'] }, FIELD_ORDER.reflection);
    const parsed = parseScenarioYaml(docText(doc));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.scenario.reflection.praatplaat).toEqual([{ group: 'De cliënt centraal', title: 'Invloed van de cliënt', questions: ['Wie zit er aan het stuur?'] }]);
    const text = docText(doc);
    expect(text.indexOf('praatplaat:')).toBeGreaterThan(text.indexOf('prompts:', text.indexOf('reflection:')));
  });

  it('adds and removes a card; the result still passes the check', () => {
    const doc = openDoc(TESS);
    const count = (docData(doc).cards as unknown[]).length;
    addItem(doc, ['cards'], { id: 'buurvrouw', label: 'Buurvrouw kijkt mee', role: 'moeder', supportType: 'informeel', sector: 'wonen' });
    let parsed = parseScenarioYaml(docText(doc), { expectedId: 'tess-wordt-18' });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.scenario.cards).toHaveLength(count + 1);
      expect(parsed.scenario.cards.at(-1)).toMatchObject({ id: 'buurvrouw', placement: 'deck', supportType: 'informeel' });
    }
    // Removing the first card keeps the comment that was written above it.
    removeItem(doc, ['cards'], 0);
    const out = docText(doc);
    expect(comments(out)).toEqual(comments(TESS));
    parsed = parseScenarioYaml(out, { expectedId: 'tess-wordt-18' });
    // The first card may be referenced by an event; either way the file must still parse as YAML.
    expect(openDoc(out).errors).toEqual([]);
    expect((docData(openDoc(out)).cards as unknown[]).length).toBe(count);
  });

  it('puts a new optional field where the guide puts it, not at the end', () => {
    const doc = openDoc(TEMPLATE);
    setText(doc, ['roles', 0, 'organisation'], 'Thuis', { optional: true, order: FIELD_ORDER.role });
    const keys = Object.keys((docData(doc).roles as Record<string, unknown>[])[0]!);
    expect(keys.indexOf('organisation')).toBe(keys.indexOf('kind') + 1);
    setText(doc, ['roles', 0, 'organisation'], '  ', { optional: true, order: FIELD_ORDER.role });
    expect((docData(doc).roles as Record<string, unknown>[])[0]).not.toHaveProperty('organisation');
  });

  it('turns an empty flow list into a block list when something is added', () => {
    const doc = openDoc(TEMPLATE);
    addItem(doc, ['polls'], { id: 'p1', kind: 'scale', question: 'Eens?' });
    const out = docText(doc);
    expect(out).toMatch(/polls:\n {2}- id: p1\n/);
    expect(parseScenarioYaml(out).ok).toBe(true);
  });

  it('reorders sectors and changes a role id everywhere it is used', () => {
    const doc = openDoc(TESS);
    moveItem(doc, ['board', 'sectors'], 1, -1);
    const sectors = (docData(doc).board as { sectors: { id: string }[] }).sectors.map((s) => s.id);
    expect(sectors.slice(0, 2)).toEqual(['leren', 'wonen']);
    renameRoleId(doc, roleIndex(TESS, 'moeder'), 'mama');
    const parsed = parseScenarioYaml(docText(doc), { expectedId: 'tess-wordt-18' });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.scenario.cards.some((c) => c.role === 'mama')).toBe(true);
  });

  it('starts new scenarios from a template that passes the check', () => {
    const parsed = parseScenarioYaml(TEMPLATE);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });
});
