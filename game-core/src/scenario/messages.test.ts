import { describe, expect, it } from 'vitest';
import { describeIssue, editDistance, nearest } from './messages';

describe('nearest', () => {
  it('suggests the candidate one typo away', () => {
    expect(nearest('klantmanger', ['tess', 'klantmanager', 'mentor'])).toBe('klantmanager');
  });

  it('suggests nothing when every candidate is far off', () => {
    expect(nearest('bakker', ['tess', 'klantmanager', 'mentor'])).toBeUndefined();
  });

  it('suggests nothing for an exact match, since there is nothing to correct', () => {
    expect(nearest('mentor', ['mentor'])).toBeUndefined();
  });

  it('ignores case when comparing', () => {
    expect(nearest('Gemeentee', ['eigen', 'gemeente'])).toBe('gemeente');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('werk', 'wrek')).toBe(2);
    expect(editDistance('label', 'labl')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('describeIssue', () => {
  it('explains a duplicate YAML key in Dutch and names the key', () => {
    const d = describeIssue({ kind: 'yaml', code: 'DUPLICATE_KEY', detail: 'Map keys must be unique', key: 'title' }, 'nl');
    expect(d.message).toBe("YAML-fout: het veld 'title' staat twee keer in hetzelfde blok; haal er één weg");
  });

  it('falls back to the parser text for a YAML error it has no words for', () => {
    const d = describeIssue({ kind: 'yaml', code: 'BAD_ALIAS', detail: 'Alias cannot be empty' }, 'en');
    expect(d.message).toBe('YAML error: Alias cannot be empty');
  });

  it('offers a did-you-mean for a reference that is one letter off, in both languages', () => {
    const issue = { code: 'unknown_sector', path: ['cards', 0, 'sector'], params: { id: 'wonne' }, candidates: ['wonen', 'werk'] };
    expect(describeIssue(issue, 'nl').suggestion).toBe("bedoelde je 'wonen'?");
    expect(describeIssue(issue, 'en').suggestion).toBe("did you mean 'wonen'?");
  });

  it('lists the allowed fields when an unknown field is nothing like any of them', () => {
    const issue = { code: 'unrecognized_keys', keys: ['xyz'], path: ['cards', 0], message: '', input: {} } as const;
    const d = describeIssue({ kind: 'zod', issue: issue as never, known: ['id', 'label'] }, 'nl');
    expect(d.message).toBe("onbekend veld 'xyz'; toegestaan zijn: id, label");
    expect(d.suggestion).toBeUndefined();
  });

  it('says a field is missing when the trainer left it out, and wrong when it holds the wrong thing', () => {
    const issue = { code: 'invalid_type', expected: 'number', path: ['persona', 'age'], message: '' } as const;
    expect(describeIssue({ kind: 'zod', issue: issue as never, received: { present: false } }, 'nl').message).toBe(
      "het verplichte veld 'age' ontbreekt in 'persona'",
    );
    expect(describeIssue({ kind: 'zod', issue: issue as never, received: { present: true, value: 'oud' } }, 'en').message).toBe(
      "'age' must be a number, but is 'oud'",
    );
  });
});
