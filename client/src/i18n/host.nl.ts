/*
 * Dutch words of the host part of the interface, merged into the main catalogue by
 * `index.ts`. `host.en.ts` must have the same keys (the type checker enforces it).
 */
export const hostNl = {
  'host.placeholder': '…',
} satisfies Record<string, string>;

export type HostKey = keyof typeof hostNl;
