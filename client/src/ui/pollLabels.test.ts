import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage, translate } from '../i18n';
import { pollOptionLabels } from './pollLabels';

describe('the words of a poll answer', () => {
  beforeAll(() => loadLanguage('en'));

  it('uses the options the scenario gives', () => {
    const t = (key: Parameters<typeof translate>[1]) => translate('nl', key);
    expect(pollOptionLabels({ id: 'p', kind: 'choice', question: 'Waar werkt u?', options: ['Beleid', 'Uitvoering'] }, t)).toEqual(['Beleid', 'Uitvoering']);
  });

  it('gives a scale without labels five points from disagree to agree, in the chosen language', () => {
    const def = { id: 'p', kind: 'scale' as const, question: 'Stelling' };
    expect(pollOptionLabels(def, (key) => translate('nl', key))).toEqual(['Helemaal oneens', 'Oneens', 'Neutraal', 'Eens', 'Helemaal eens']);
    expect(pollOptionLabels(def, (key) => translate('en', key))[4]).toBe('Strongly agree');
  });
});
