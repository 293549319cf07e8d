import type { Step } from '@samenspel/game-core';

export type TabletView = 'board' | 'persona' | 'role' | 'insights';

/** What the tablet shows when a step starts or the facilitator calls everyone back. */
export function defaultView(step: Step): TabletView {
  if (step === 'kennismaken') return 'persona';
  if (step === 'reflectie') return 'insights';
  return 'board';
}

/** The tabs on offer: the post-its only in the reflection. */
export function tabsFor(step: Step): TabletView[] {
  return step === 'reflectie' ? ['board', 'persona', 'role', 'insights'] : ['board', 'persona', 'role'];
}

