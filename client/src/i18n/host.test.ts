import { describe, expect, it } from 'vitest';
import { hostEn } from './host.en';
import { hostNl } from './host.nl';
import { nl } from './nl';

describe("the facilitator's and big screen's words", () => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('leave no message empty and keep the same placeholders in both languages', () => {
    for (const key of Object.keys(hostNl) as (keyof typeof hostNl)[]) {
      expect(hostNl[key].trim(), key).not.toBe('');
      expect(hostEn[key].trim(), key).not.toBe('');
      expect(names(hostEn[key]), key).toEqual(names(hostNl[key]));
    }
  });

  it('do not reuse a key of the shared catalogue, which would silently replace its words', () => {
    for (const key of Object.keys(hostNl)) expect(key in nl, key).toBe(false);
  });
});
