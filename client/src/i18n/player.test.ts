import { describe, expect, it } from 'vitest';
import { nl } from './nl';
import { playerEn } from './player.en';
import { playerNl } from './player.nl';

describe("the tablet's words", () => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('leave no message empty and keep the same placeholders in both languages', () => {
    for (const key of Object.keys(playerNl) as (keyof typeof playerNl)[]) {
      expect(playerNl[key].trim(), key).not.toBe('');
      expect(playerEn[key].trim(), key).not.toBe('');
      expect(names(playerEn[key]), key).toEqual(names(playerNl[key]));
    }
  });

  it('do not reuse a key of the shared catalogue, which would silently replace its words', () => {
    for (const key of Object.keys(playerNl)) expect(key in nl, key).toBe(false);
  });
});
