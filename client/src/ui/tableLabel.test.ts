import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage, translate, type MessageKey } from '../i18n';
import { tableLabel } from './tableLabel';

const en = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);
const nl = (key: MessageKey, vars?: Record<string, string | number>) => translate('nl', key, vars);

describe('tableLabel', () => {
  beforeAll(() => loadLanguage('en'));

  it('says a numbered table in the reader’s language', () => {
    expect(tableLabel({ name: 'Tafel 3' }, 't3', en)).toBe('Table 3');
    expect(tableLabel({ name: 'Tafel 3' }, 't3', nl)).toBe('Tafel 3');
  });

  it('keeps a name the facilitator chose', () => {
    expect(tableLabel({ name: 'Team Noord' }, 't1', en)).toBe('Team Noord');
    expect(tableLabel({ name: 'Tafel bij het raam' }, 't1', en)).toBe('Tafel bij het raam');
  });

  it('falls back when the table is unknown', () => {
    expect(tableLabel(undefined, 't9', en)).toBe('t9');
  });
});
