import { createContext, useContext } from 'react';

/**
 * Which tables the facilitator's controls apply to: every table, or only the one being looked
 * at. `tableIds` is what a control sends: undefined means every table (the protocol's default).
 */
export interface Scope {
  all: boolean;
  tableIds: string[] | undefined;
  /** The tables a control affects, spelled out, for counts and "already done" checks. */
  targets: string[];
}

export const ScopeContext = createContext<Scope>({ all: true, tableIds: undefined, targets: [] });

/** The scope the host's controls send with. */
export function useScope(): Scope {
  return useContext(ScopeContext);
}
