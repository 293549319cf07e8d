/*
 * Ids that come from a client index plain objects (tables, seats, cards, tokens, polls). A key
 * such as `__proto__`, `constructor` or `toString` is found on every object through its
 * prototype, so `state.tables['constructor']` is a function, not "no such table". Every lookup by
 * a client's id goes through `own`, and the protocol refuses such names before they get here.
 */

/** Names every plain object answers to through Object.prototype (`__proto__`, `constructor`, `toString`…). */
export function isReservedKey(key: string): boolean {
  return key in Object.prototype;
}

/** The object's own entry under `key`, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
