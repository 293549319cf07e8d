/*
 * Dutch words of the player part of the interface, merged into the main catalogue by
 * `index.ts`. `player.en.ts` must have the same keys (the type checker enforces it).
 */
export const playerNl = {
  'player.placeholder': '…',
} satisfies Record<string, string>;

export type PlayerKey = keyof typeof playerNl;
