/*
 * The animation engine is not needed to show the board, only to animate it. On slow venue Wi-Fi
 * every byte before the first board competes with the board itself, so the engine is fetched
 * once a board is on screen (or after a few seconds on pages without one).
 */
let release: () => void = () => undefined;
const boardShown = new Promise<void>((resolve) => (release = resolve));

export function markBoardShown(): void {
  release();
}

export function loadMotionFeatures() {
  const fallback = new Promise<void>((resolve) => setTimeout(resolve, 3000));
  return Promise.race([boardShown, fallback])
    .then(() => import('./motionFeatures'))
    .then((m) => m.default);
}
