/*
 * The few things this device remembers, all in localStorage. Every access is guarded: private
 * browsing and locked-down municipal tablets can refuse storage, and the game must still work.
 */

const PREFIX = 'samenspel.';

export const keys = {
  lang: `${PREFIX}lang`,
  /** The big screen's own language, chosen on the screen; otherwise it follows the scenario's. */
  screenLang: `${PREFIX}screenLang`,
  name: `${PREFIX}name`,
  /** Seat token per join code: a reload or a dropped Wi-Fi returns the same seat. */
  seat: (code: string) => `${PREFIX}seat.${code.toUpperCase()}`,
  /** Host token per session: the facilitator page keeps working after a reload. */
  host: (sessionId: string) => `${PREFIX}host.${sessionId}`,
  /** The address tablets can reach (the server's LAN address), per session. */
  joinBase: (sessionId: string) => `${PREFIX}joinBase.${sessionId}`,
  /** Whether this seat has seen its role card, so a reload goes straight to the board. */
  seenRole: (code: string) => `${PREFIX}seenRole.${code.toUpperCase()}`,
};

export function load(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function save(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage is full or forbidden; the session still works, it just will not survive a reload.
  }
}

export function forget(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // Nothing to forget when storage is unavailable.
  }
}
