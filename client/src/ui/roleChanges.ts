import { ROLE_TEXT_FIELDS, roleAtTable, type RoleTextField, type Scenario, type ScenarioRole, type TableState } from '@samenspel/game-core';

/** What an event changed in one part of a role: the text before it, and which event it was. */
export interface RoleFieldChange {
  before: string | null;
  eventTitle: string;
  reason: string | null;
}

export type RoleChanges = Partial<Record<RoleTextField, RoleFieldChange>>;

/**
 * A role as it reads at a table now, with, for each part an event rewrote, what it said just
 * before the latest change: "Mijn rol" shows both, so a player sees their mandate moved.
 */
export function roleAsChanged(scenario: Scenario, table: Pick<TableState, 'roleChanges'>, roleId: string): { role: ScenarioRole; changes: RoleChanges } | null {
  const role = roleAtTable(scenario, table, roleId);
  if (!role) return null;
  const changes: RoleChanges = {};
  for (const change of table.roleChanges) {
    if (change.roleId !== roleId) continue;
    const eventTitle = scenario.events.find((e) => e.id === change.eventId)?.title ?? change.eventId;
    for (const field of ROLE_TEXT_FIELDS) {
      if (change.after[field] === undefined) continue;
      changes[field] = { before: change.before[field] ?? null, eventTitle, reason: change.reason };
    }
  }
  return { role, changes };
}
