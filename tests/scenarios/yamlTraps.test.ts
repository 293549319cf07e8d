import { describe, expect, it } from 'vitest';
import { parseFixture } from './helpers';

describe('YAML values that older parsers turn into something else', () => {
  const result = parseFixture('yaml-traps.yaml');
  const s = result.ok ? result.scenario : undefined;
  const label = (id: string) => s?.cards.find((c) => c.id === id)?.label;

  it('accepts the file', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('keeps a bare NO as the text NO instead of false', () => {
    expect(label('nee-zeggen')).toBe('NO');
  });

  it('keeps 18:00 as a time of day instead of the number 1080', () => {
    expect(label('avondrooster')).toBe('18:00');
  });

  it('keeps 010 with its leading zero instead of the octal number 8', () => {
    expect(label('netnummer')).toBe('010');
  });

  it('keeps ~ and 1e3 as written instead of null and 1000', () => {
    expect(label('vaag')).toBe('~');
    expect(label('getal')).toBe('1e3');
    expect(s?.cards.find((c) => c.id === 'getal')?.note).toBe('yes');
  });

  it('keeps poll options as the words the trainer typed', () => {
    expect(s?.polls[0]?.options).toEqual(['NO', 'Yes', '010', '18:00', 'off']);
  });

  it('still turns the yes/no and number fields into real values', () => {
    expect(s?.roles[0]?.required).toBe(true);
    expect(s?.persona.age).toBe(30);
    expect(s?.meta.durationMinutes).toBe(60);
  });
});
