import { createSession, type CommittedAction, type Scenario, type SessionState } from '@samenspel/game-core';

/** A small scenario for client tests: four sectors, three roles, two start cards, one in the deck. */
export const scenario: Scenario = {
  id: 'mini',
  meta: { title: 'Mini', language: 'nl', version: '1', author: 'test', description: 'Een kleine test.', durationMinutes: 30 },
  persona: { name: 'Tess', age: 17, situation: 'Woont in een fasehuis.', interview: [{ question: 'Wie ben je?', answer: 'Tess.' }] },
  board: {
    sectors: [
      { id: 'wonen', label: 'Wonen' },
      { id: 'werk', label: 'Werk' },
      { id: 'geld', label: 'Geld' },
      { id: 'vrienden', label: 'Vrienden' },
    ],
  },
  roles: [
    { id: 'tess', name: 'Tess', kind: 'persona', perspective: 'p', mandate: 'm', mayNot: 'n', required: true },
    { id: 'mentor', name: 'Mentor fasehuis', kind: 'professional', organisation: 'Jeugdhulp', law: 'Jeugdwet', perspective: 'p', mandate: 'm', mayNot: 'n', required: false },
    { id: 'moeder', name: 'Moeder', kind: 'informeel', perspective: 'p', mandate: 'm', mayNot: 'n', required: false },
  ],
  cards: [
    { id: 'fasehuis', label: 'Woont in een fasehuis', supportType: 'gemeente', sector: 'wonen', placement: 'start', law: 'Jeugdwet' },
    { id: 'bijbaan', label: 'Bijbaan bij de drogist', supportType: 'eigen', sector: 'werk', placement: 'start' },
    { id: 'budgetcoach', label: 'Vrijwillige budgetcoach', supportType: 'informeel', sector: 'geld', placement: 'deck' },
  ],
  polls: [],
  prompts: {},
  events: [],
  reflection: { prompts: ['Wat viel op?'] },
};

export function session(): SessionState {
  return createSession({ sessionId: 'S1', code: 'ACDEFG', scenario, createdAt: 0 });
}

let nextId = 0;

/** A committed action as the server would broadcast it. */
export function committed<K extends CommittedAction['type']>(
  version: number,
  type: K,
  payload: CommittedAction<K>['payload'],
  actor: CommittedAction['actor'] = { kind: 'host' },
): CommittedAction<K> {
  return { version, actionId: `a${++nextId}`, type, payload, actor, at: 1000 + version };
}

/** localStorage for tests that run in Node. */
export function installMemoryStorage(): Map<string, string> {
  const data = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
  return data;
}
