import { applyEventToTable, createSession, type Scenario } from '@samenspel/game-core';
import { parseScenarioYaml } from '@samenspel/game-core/scenario';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RoleCard } from './RoleCard';
import { roleAsChanged } from './roleChanges';
import henkYaml from '../../../scenarios/henk-blijft-thuis/scenario.yaml?raw';

/** Henk's scenario, where the Wlz moves the case manager's funding and the Wmo consultant's mandate. */
function henk(): Scenario {
  const parsed = parseScenarioYaml(henkYaml);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return parsed.scenario;
}

function tableAfter(scenario: Scenario, eventIds: string[]) {
  const session = createSession({ sessionId: 's', code: 'C', scenario, createdAt: 0 });
  let table = session.tables[session.tableOrder[0]!]!;
  eventIds.forEach((id, i) => (table = applyEventToTable(scenario, table, scenario.events.find((e) => e.id === id)!, i + 1).table));
  return table;
}

describe('"Mijn rol" after an event changed the role', () => {
  const scenario = henk();

  it('shows the role as written before any event, with nothing marked as changed', () => {
    const mine = roleAsChanged(scenario, tableAfter(scenario, []), 'casemanager');
    expect(mine?.role.law).toBe('Zorgverzekeringswet (wijkverpleging)');
    expect(mine?.changes).toEqual({});
  });

  it('gives the new law and mandate with the old text and the event that changed them', () => {
    const mine = roleAsChanged(scenario, tableAfter(scenario, ['heup-gebroken', 'naar-de-wlz']), 'casemanager')!;
    expect(mine.role.law).toBe('Wet langdurige zorg (via het zorgkantoor)');
    expect(mine.changes.law).toEqual({
      before: 'Zorgverzekeringswet (wijkverpleging)',
      eventTitle: 'Een indicatie voor de Wlz',
      reason: 'Met een Wlz-indicatie betaalt het zorgkantoor de casemanager, niet meer de zorgverzekeraar.',
    });
    expect(mine.changes.mandate?.before).toContain('kan een Wlz-aanvraag bij het CIZ voorbereiden');
    expect(mine.changes.organisation).toBeUndefined();
  });

  it('draws the changed mandate highlighted, the new text marked and the old one struck through', () => {
    const mine = roleAsChanged(scenario, tableAfter(scenario, ['naar-de-wlz']), 'casemanager')!;
    const html = renderToStaticMarkup(<RoleCard role={mine.role} changes={mine.changes} />);
    const mandate = /<div class="role-changed" data-testid="role-changed-mandate">(.*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(mandate).toContain('<ins>Blijft Henk en Ingrid begeleiden');
    expect(mandate).toContain('<del>Begeleidt Henk en Ingrid, coördineert de zorg');
    expect(mandate).toContain('Veranderd door “Een indicatie voor de Wlz”');
    // The perspective did not change, so it is not marked.
    expect(html.match(/class="role-changed"/g)).toHaveLength(2);
  });
});
