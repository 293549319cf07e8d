import { ERROR_CODES } from '@samenspel/game-core';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { errorKey, loadLanguage, translate } from './index';
import { nl } from './nl';
import { hostEn } from './host.en';
import { hostNl } from './host.nl';
import { playerEn } from './player.en';
import { playerNl } from './player.nl';
import { screensEn } from './screens.en';
import { screensNl } from './screens.nl';
import { trainerEn } from './trainer.en';
import { trainerNl } from './trainer.nl';
import { workshopEn } from './workshop.en';
import { workshopNl } from './workshop.nl';

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

  it('fill in placeholders and leave unknown ones visible', async () => {
    await loadLanguage('en');
    expect(translate('nl', 'step.number', { n: 2 })).toBe('Stap 2 van 4');
    expect(translate('en', 'join.taken', { name: 'Ria' })).toBe('Taken by Ria');
    expect(translate('nl', 'join.taken')).toBe('Bezet door {name}');
  });

  it('translate into English once the English words have arrived', async () => {
    await loadLanguage('en');
    expect(translate('en', 'step.number', { n: 2 })).toBe('Step 2 of 4');
  });
});

describe.each([
  ['the tablet', playerNl, playerEn],
  ['the facilitator and the big screen', hostNl, hostEn],
  ['the overview, timeline and report', workshopNl, workshopEn],
  ['the trainer pages', trainerNl, trainerEn],
  ['what surrounds the board', screensNl, screensEn],
] as [string, Record<string, string>, Record<string, string>][])('the words of %s', (_, dutch, english) => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('are complete in English, leave no message empty and keep the same placeholders', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(dutch).sort());
    for (const key of Object.keys(dutch)) {
      expect(dutch[key]!.trim(), key).not.toBe('');
      expect(english[key]!.trim(), key).not.toBe('');
      expect(names(english[key]!), key).toEqual(names(dutch[key]!));
    }
  });

  it('do not reuse a key of the shared catalogue, which would silently replace its words', () => {
    for (const key of Object.keys(dutch)) expect(key in nl, key).toBe(false);
  });
});
