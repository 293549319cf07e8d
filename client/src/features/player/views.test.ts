import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Vars } from '../../i18n';
import { defaultView, tabsFor } from './views';

const t = (key: MessageKey, vars?: Vars) => translate('nl', key, vars);

describe('the tablet follows the workshop step', () => {
  it('opens on the persona while getting to know her, on the board in steps 2 and 3, on the post-its in the reflection', () => {
    expect(defaultView('kennismaken')).toBe('persona');
    expect(defaultView('situatie')).toBe('board');
    expect(defaultView('spelen')).toBe('board');
    expect(defaultView('reflectie')).toBe('insights');
  });

  it('offers the insights tab only in the reflection', () => {
    expect(tabsFor('spelen')).not.toContain('insights');
    expect(tabsFor('reflectie')).toEqual(['board', 'persona', 'role', 'insights']);
  });
});
