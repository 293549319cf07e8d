import { ERROR_CODES } from '@samenspel/game-core';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { errorKey, translate } from './index';
import { nl } from './nl';
import { trainerEn } from './trainer.en';
import { trainerNl } from './trainer.nl';

describe('the message catalogues', () => {
  it('have the same keys in English as in Dutch', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('leave no message empty and keep the same placeholders in both languages', () => {
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(nl[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(en[key]), key).toEqual(names(nl[key]));
    }
  });

  it('have words for every error code the server can send', () => {
    for (const code of ERROR_CODES) expect(errorKey(code), code).toBe(`error.${code}`);
  });

  it('fall back to a general line for an error code this client does not know yet', () => {
    expect(errorKey('SOMETHING_NEW')).toBe('error.generic');
  });

  it('fill in placeholders and leave unknown ones visible', () => {
    expect(translate('nl', 'step.number', { n: 2 })).toBe('Stap 2 van 4');
    expect(translate('en', 'join.taken', { name: 'Ria' })).toBe('Taken by Ria');
    expect(translate('nl', 'join.taken')).toBe('Bezet door {name}');
  });

  it('have the trainer pages\' words in both languages, with the same placeholders and no clash with the shared keys', () => {
    expect(Object.keys(trainerEn).sort()).toEqual(Object.keys(trainerNl).sort());
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(trainerNl) as (keyof typeof trainerNl)[]) {
      expect(key in nl, key).toBe(false);
      expect(trainerNl[key].trim(), key).not.toBe('');
      expect(names(trainerEn[key]), key).toEqual(names(trainerNl[key]));
    }
  });
});
