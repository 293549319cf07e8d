import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionPayloadSchemas, refusalCode } from '../protocol/schemas';
import { MAX_COMBINING_MARKS, normaliseText } from './text';

const RLO = '\u202E';
const INVISIBLES = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
const marks = (s: string) => [...s].filter((c) => /\p{M}/u.test(c)).length;

describe('normaliseText', () => {
  it('takes a right-to-left override out of a name, so a sentence about it reads the right way round', () => {
    expect(normaliseText(`Anouk${RLO}kuonA`)).toBe('AnoukkuonA');
  });

  it('strips every bidi control and zero-width character, so two names that look the same are the same', () => {
    for (const ch of INVISIBLES) expect(normaliseText(`An${ch}na`), `U+${ch.codePointAt(0)!.toString(16)}`).toBe('Anna');
    expect(normaliseText('Anna\u200B')).toBe(normaliseText('Anna'));
  });

  it('composes letters (NFC), so é typed two ways is one name', () => {
    expect(normaliseText('Ren\u0065\u0301')).toBe('Ren\u00E9');
  });

  it('keeps at most two combining marks on a letter, so a stack of them cannot spill over other lines', () => {
    const zalgo = 'a' + '\u0300\u0301\u0302\u0303\u0304\u0305\u0306'.repeat(10) + 'b';
    const clean = normaliseText(zalgo);
    expect(marks(clean)).toBeLessThanOrEqual(MAX_COMBINING_MARKS);
    expect(clean.startsWith('a') || clean.startsWith('à')).toBe(true);
    expect(clean.endsWith('b')).toBe(true);
  });

  it('keeps Vietnamese, Thai and Dutch words as they were written', () => {
    for (const word of ['Nguyễn', 'ก่อน', 'café', 'Zoë', 'IJsselmeer', 'Ünal']) expect(normaliseText(word)).toBe(word.normalize('NFC'));
  });

  it('makes one line of a name, and keeps line breaks in a note with at most one empty line', () => {
    expect(normaliseText('  Anna\n\tde  Vries  ')).toBe('Anna de Vries');
    expect(normaliseText('eerst\r\n\n\n\ndan', { multiline: true })).toBe('eerst\n\ndan');
  });

  it('is idempotent and never leaves a bidi control, zero-width character or stack of marks behind', () => {
    const alphabet = fc.constantFrom('a', 'é', 'e\u0301', ' ', '\n', '\u0300', '\u0301', '\u0302', 'ก', '\u0E48', '🙂', '\u202E', '\u2067', '\u200B', '\u200D', '\uFEFF', '\u0000', 'Z');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), fc.boolean(), (raw, multiline) => {
        const once = normaliseText(raw, { multiline });
        expect(normaliseText(once, { multiline })).toBe(once);
        expect(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF\u0000]/u.test(once)).toBe(false);
        let run = 0;
        for (const ch of once) {
          run = /\p{M}/u.test(ch) ? run + 1 : 0;
          expect(run).toBeLessThanOrEqual(MAX_COMBINING_MARKS);
        }
        expect(once).toBe(once.trim());
      }),
    );
  });
});

describe('text at the protocol schema', () => {
  it('stores the normalised name of a seat claim', () => {
    const parsed = actionPayloadSchemas['seat:claim'].parse({ tableId: 't1', roleId: 'mentor', name: `  Anouk${RLO}\u200B ` });
    expect(parsed.name).toBe('Anouk');
  });

  it('refuses a name, label, table name, note or insight with nothing visible left (or only combining marks) as INVALID_TEXT', () => {
    const cases = [
      actionPayloadSchemas['seat:claim'].safeParse({ tableId: 't1', roleId: 'mentor', name: '\u200B\u202E' }),
      actionPayloadSchemas['card:place'].safeParse({ tableId: 't1', label: '\uFEFF  ', x: 0, y: -0.5 }),
      actionPayloadSchemas['table:add'].safeParse({ name: '   ' }),
      actionPayloadSchemas['insight:add'].safeParse({ text: '\u2066\u2069\n\n' }),
      actionPayloadSchemas['card:note'].safeParse({ tableId: 't1', cardId: 'mbo', note: '\u200D' }),
      actionPayloadSchemas['seat:claim'].safeParse({ tableId: 't1', roleId: 'mentor', name: ' \u0301\u0302 ' }),
    ];
    for (const result of cases) {
      expect(result.success).toBe(false);
      if (!result.success) expect(refusalCode(result.error)).toBe('INVALID_TEXT');
    }
  });

  it('still lets a player clear a note with an empty one', () => {
    expect(actionPayloadSchemas['card:note'].parse({ tableId: 't1', cardId: 'mbo', note: '  ' }).note).toBe('');
  });

  it('measures the length after normalising, and refuses a text that is still too long as BAD_REQUEST', () => {
    expect(actionPayloadSchemas['seat:claim'].safeParse({ tableId: 't1', roleId: 'mentor', name: 'a' + '\u200B'.repeat(60) }).success).toBe(true);
    const long = actionPayloadSchemas['seat:claim'].safeParse({ tableId: 't1', roleId: 'mentor', name: 'a'.repeat(41) });
    expect(long.success).toBe(false);
    if (!long.success) expect(refusalCode(long.error)).toBe('BAD_REQUEST');
  });
});
