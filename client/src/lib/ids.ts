/**
 * A fresh action id. `crypto.randomUUID` only exists in secure contexts, and a workshop laptop
 * is often reached over plain http on the venue's Wi-Fi (http://192.168.x.x:3000), so fall back
 * to `getRandomValues`, which works everywhere.
 */
export function newActionId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function' && globalThis.isSecureContext !== false) return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
