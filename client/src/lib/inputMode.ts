/*
 * Whether the person is using the keyboard right now. Choosing a card with Enter should start
 * a keyboard move (arrows, Enter), while a tap should wait for a tap on the wheel.
 */
let keyboard = false;

if (typeof window !== 'undefined') {
  window.addEventListener('keydown', () => (keyboard = true), true);
  window.addEventListener('pointerdown', () => (keyboard = false), true);
}

export function usingKeyboard(): boolean {
  return keyboard;
}
