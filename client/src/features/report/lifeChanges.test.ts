import { applyEventToTable, createSession, type Scenario } from '@samenspel/game-core';
import { parseScenarioYaml } from '@samenspel/game-core/scenario';
import { describe, expect, it } from 'vitest';
import henkYaml from '../../../../scenarios/henk-blijft-thuis/scenario.yaml?raw';
import { translate, type Translate } from '../../i18n';
import { describeChanges } from './describe';

const t: Translate = (key, vars) => translate('nl', key, vars);

function henk(): Scenario {
  const parsed = parseScenarioYaml(henkYaml);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return parsed.scenario;
}

describe('what an event changed, in the timeline and the report', () => {
  const scenario = henk();
  const state = createSession({ sessionId: 's', code: 'C', scenario, createdAt: 0 });
  // Play has started: the situation is on the wheel, as an event also brings it there.
  const fresh = state.tables.t1!;
  const start = { ...fresh, cards: Object.fromEntries(Object.entries(fresh.cards).map(([k, c]) => [k, { ...c, staged: false }])) };
  const event = (id: string) => scenario.events.find((e) => e.id === id)!;
  const hip = applyEventToTable(scenario, start, event('heup-gebroken'), 1).table;
  const home = applyEventToTable(scenario, hip, event('weer-thuis'), 2).table;
  const wlz = applyEventToTable(scenario, home, event('naar-de-wlz'), 3).table;

  it('names each card a broken hip puts on hold, with the reason', () => {
    const { lines } = describeChanges(state, start, hip, t, 'heup-gebroken');
    expect(lines.filter((l) => l.kind === 'paused').map((l) => l.text)).toContain('Staat stil: ‘Kookt zelf een eenvoudige warme maaltijd’. Tijdens de revalidatie kookt hij niet zelf.');
  });

  it('names the cards that work again when Henk comes home', () => {
    const { lines } = describeChanges(state, hip, home, t, 'weer-thuis');
    expect(lines.filter((l) => l.kind === 'resumed').map((l) => l.text)).toEqual(
      expect.arrayContaining(['Werkt weer: ‘Kookt zelf een eenvoudige warme maaltijd’. Met een kruk in de keuken lukt koken weer.', "Werkt weer: ‘Werkt 's middags in zijn moestuintje’"]),
    );
    // Walking to the bakery stays on hold: nothing brought it back.
    expect(lines.some((l) => l.id === 'naar-de-bakker')).toBe(false);
  });

  it('says which role changed, in which part, and why', () => {
    const { lines } = describeChanges(state, home, wlz, t, 'naar-de-wlz');
    const roles = lines.filter((l) => l.kind === 'role').map((l) => l.text);
    expect(roles[0]).toBe(
      'Rol veranderd: Casemanager dementie (Wet en financiering: Wet langdurige zorg (via het zorgkantoor); Wat je mag en kunt: Blijft Henk en Ingrid begeleiden en stemt nu de zorg uit het modulair pakket thuis af met het zorgkantoor.). Met een Wlz-indicatie betaalt het zorgkantoor de casemanager, niet meer de zorgverzekeraar.',
    );
    expect(lines.filter((l) => l.kind === 'moved').map((l) => l.id).sort()).toEqual(['dagbesteding', 'huishoudelijke-hulp']);
  });
});
