/*
 * Dutch words of the workshop part of the interface, merged into the main catalogue by
 * `index.ts`. `workshop.en.ts` must have the same keys (the type checker enforces it).
 */
export const workshopNl = {
  'workshop.placeholder': '…',
} satisfies Record<string, string>;

export type WorkshopKey = keyof typeof workshopNl;
