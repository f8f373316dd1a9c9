/**
 * The strict reading of an import file (issue 17, defects 2 and 7): UTF-8 only, each key once.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, invalidUtf8Offset, MAX_DEPTH, parseJson, readJsonBytes } from '../../../main/domain/json';

describe('parseJson reads what JSON.parse reads', () => {
  it.each(['full.json', 'spec-example.json', 'checks.json'])('the fixture %s gives the same value', (name) => {
    const text = fs.readFileSync(new URL(`../../fixtures/exchange/${name}`, import.meta.url), 'utf8');
    expect(parseJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it.each(['0', '-1.5e3', '"a\\u00e5\\n\\"\\\\\\/"', 'true', 'null', '[]', '{}', ' [1, {"a": [false]}] ', '"\\ud83d\\ude00"'])('%s', (text) => {
    expect(parseJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('a key "__proto__" is an own field, as JSON.parse makes it, not the prototype', () => {
    const result = parseJson('{"__proto__": {"polluted": true}}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(Object.keys(result.value as object)).toEqual(['__proto__']);
  });
});

describe('duplicate keys', () => {
  it('each key given twice is reported at its JSON path with both lines', () => {
    const result = parseJson('{\n "homes": [\n  {"id": "H1",\n   "id": "H2"}],\n "version": 1,\n "version": 2\n}');
    expect(result).toEqual({
      ok: false,
      kind: 'duplicate-keys',
      problems: [
        { path: '/homes/0/id', message: 'står två gånger i samma objekt (rad 3 och rad 4); ett fält får bara finnas en gång' },
        { path: '/version', message: 'står två gånger i samma objekt (rad 5 och rad 6); ett fält får bara finnas en gång' },
      ],
    });
  });

  it('the same key in different objects is fine', () => {
    expect(parseJson('[{"id": 1}, {"id": 2}]').ok).toBe(true);
  });
});

describe('syntax errors in Swedish, with line and column, never the raw bytes', () => {
  it.each([
    ['{"a": 1,}', 'rad 1, kolumn 9: oväntat tecken "}" (U+007D); här väntades ett namn inom "'],
    ['{"a": "x\u001b"}', 'rad 1, kolumn 9: U+001B står oskyddat i en text; i JSON skrivs ett styrtecken som \\u001b'],
    ['{"a": tru}', 'rad 1, kolumn 7: oväntat tecken "t" (U+0074)'],
    ['{"a": 1} x', 'rad 1, kolumn 10: oväntat tecken "x" (U+0078) efter filens värde'],
    ['{"a": ', 'rad 1, kolumn 7: filen tar slut för tidigt'],
    ['"abc', 'rad 1, kolumn 1: en text tar aldrig slut (ett " saknas)'],
    ['\n\n  \u202e', 'rad 3, kolumn 3: oväntat tecken U+202E'],
    ['"\\x"', 'rad 1, kolumn 2: ogiltig escape-sekvens i en text (efter \\)'],
  ])('%j', (text, message) => {
    expect(parseJson(text)).toEqual({ ok: false, kind: 'syntax', problems: [{ path: '', message }] });
  });

  it(`nesting deeper than ${MAX_DEPTH} levels is refused, not a stack overflow`, () => {
    const result = parseJson('['.repeat(100_000) + ']'.repeat(100_000));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toContain(`mer än ${MAX_DEPTH} nivåer`);
  });
});

describe('UTF-8', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);

  it.each([
    ['Latin-1 ä before a letter', bytes(0x61, 0xe4, 0x6e), 1],
    ['a lone continuation byte', bytes(0x61, 0x80), 1],
    ['an overlong /', bytes(0xc0, 0xaf), 0],
    ['an encoded surrogate (CESU)', bytes(0x61, 0xed, 0xa0, 0x80), 1],
    ['above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['cut in the middle of å', bytes(0x61, 0xc3), 1],
    ['0xFF', bytes(0xff), 0],
  ])('%s: the offset of the first bad byte', (_what, input, offset) => {
    expect(invalidUtf8Offset(input)).toBe(offset);
    expect(decodeUtf8(input).ok).toBe(false);
  });

  it('valid UTF-8 (å, an emoji) passes; a byte order mark is dropped', () => {
    const text = 'Solgläntan 🌞';
    const encoded = new TextEncoder().encode(`\uFEFF${text}`);
    expect(invalidUtf8Offset(encoded)).toBe(-1);
    expect(decodeUtf8(encoded)).toEqual({ ok: true, text });
  });

  it('says the byte, its offset, line and column', () => {
    expect(readJsonBytes(Uint8Array.from(Buffer.from('{\n "name": "Solgläntan"}', 'latin1')))).toEqual({
      ok: false,
      kind: 'encoding',
      problems: [{ path: '', message: 'filen är inte UTF-8: byte 17 (0xE4, rad 2, kolumn 16; byten räknas från 0) börjar inget giltigt UTF-8-tecken; spara filen som UTF-8 och försök igen' }],
    });
  });
});
