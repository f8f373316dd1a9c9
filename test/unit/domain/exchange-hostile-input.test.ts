/**
 * Issue 17, the input defects: what a hostile or broken exchange file gets. Each describe is one
 * defect as the issue reported it; its tests failed on the code before the fix.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
/* eslint-disable no-control-regex -- the tests look for control characters */
import { validateExchangeFile, type Problem } from '../../../main/domain/exchange';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test files are edited freely

const specExample = JSON.parse(
  fs.readFileSync(new URL('../../fixtures/exchange/spec-example.json', import.meta.url), 'utf8'),
) as Json;

function problems(change: (file: Json) => void): Problem[] {
  const file = structuredClone(specExample);
  change(file);
  const result = validateExchangeFile(file);
  return result.ok ? [] : result.problems;
}
const at = (list: Problem[], path: string) => list.filter((p) => p.path === path);

describe('defect 1: lone UTF-16 surrogates are refused with their path', () => {
  it('two homes "S\\ud800" and "S\\udc00" (which SQLite would both store as "S\\ufffd") are refused, each at its id', () => {
    const found = problems((file) => {
      file.homes = [
        { id: 'S\ud800', kind: 'hvb', name: 'Ett', operator: 'enskild' },
        { id: 'S\udc00', kind: 'hvb', name: 'Två', operator: 'enskild' },
      ];
      file.persons = [];
      file.registerChecks = [];
      file.placements = [];
      file.events = [];
      file.notes = [];
    });
    expect(at(found, '/homes/0/id')).toHaveLength(1);
    expect(at(found, '/homes/1/id')).toHaveLength(1);
    expect(at(found, '/homes/0/id')[0]!.message).toMatch(/surrogat/);
    expect(at(found, '/homes/0/id')[0]!.message).toContain('U+D800');
  });

  it('a name, a reference and a note text with a lone surrogate are refused at their paths', () => {
    const found = problems((file) => {
      file.homes[0].name = 'Solgl\udbffntans HVB';
      file.persons[0].homeId = 'F\udfff1';
      file.notes[0].text = 'Bra \ud83d besök';
    });
    expect(at(found, '/homes/0/name')).toHaveLength(1);
    expect(at(found, '/persons/0/homeId')).toHaveLength(1);
    expect(at(found, '/notes/0/text')).toHaveLength(1);
  });

  it('a whole surrogate pair (an emoji) is a character like any other', () => {
    expect(problems((file) => (file.notes[0].text = 'Barnet ritade en sol 🌞 och ett hus.'))).toEqual([]);
  });
});

describe('defect 3: control characters in text fields', () => {
  const forbidden: [string, string][] = [
    ['ESC', '\u001b'],
    ['BEL', '\u0007'],
    ['CR', '\r'],
    ['DEL', '\u007f'],
    ['NUL', '\u0000'],
    ['U+0085 (NEL, C1)', '\u0085'],
    ['U+009B (CSI, C1)', '\u009b'],
    ['U+202E (right-to-left override)', '\u202e'],
    ['U+202A (left-to-right embedding)', '\u202a'],
    ['U+2066 (left-to-right isolate)', '\u2066'],
    ['U+2069 (pop directional isolate)', '\u2069'],
  ];

  it.each(forbidden)('%s in a home name is refused at /homes/0/name, saying which character', (_name, char) => {
    const found = at(problems((file) => (file.homes[0].name = `Sol${char}gläntan`)), '/homes/0/name');
    expect(found).toHaveLength(1);
    const hex = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    expect(found[0]!.message).toContain(`U+${hex}`);
    // The message itself carries no control character.
    expect(found[0]!.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('a terminal escape sequence in a name (set the title, clear the screen) is refused', () => {
    const found = problems((file) => (file.homes[0].name = 'Solgläntan\u001b]0;pwned\u0007\u001b[2J'));
    expect(at(found, '/homes/0/name')).toHaveLength(1);
  });

  it.each([
    ['an id', (file: Json) => (file.homes[1].id = 'F\u001b1'), '/homes/1/id'],
    ['a reference', (file: Json) => (file.registerChecks[1].reference = 'IVO\u202e3.5.1'), '/registerChecks/1/reference'],
    ['a caseworker', (file: Json) => (file.placements[0].caseworker = 'Handläggare\u0085A'), '/placements/0/caseworker'],
    ['a need of the target group', (file: Json) => (file.homes[0].targetGroup.needs[0] = 'miss\u0007bruk'), '/homes/0/targetGroup/needs/0'],
    ['a name with a line break', (file: Json) => (file.homes[0].name = 'Solgläntans\nHVB'), '/homes/0/name'],
    ['a name with a tab', (file: Json) => (file.homes[0].name = 'Solgläntans\tHVB'), '/homes/0/name'],
  ])('%s with a control character is refused at its path', (_what, change, path) => {
    expect(at(problems(change), path)).toHaveLength(1);
  });

  it('multi-line text (a note) may hold line breaks and tabs, but not other control characters', () => {
    expect(problems((file) => (file.notes[0].text = 'Första raden.\n\tAndra raden, indragen.'))).toEqual([]);
    expect(at(problems((file) => (file.notes[0].text = 'Rad ett.\r\nRad två.')), '/notes/0/text')).toHaveLength(1);
    expect(at(problems((file) => (file.notes[0].text = 'Ring\u0007 klockan')), '/notes/0/text')).toHaveLength(1);
  });

  it('an unknown field whose name holds control characters is reported without echoing them raw', () => {
    const found = problems((file) => (file.homes[0]['x\u001b[2J'] = 1));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('okänt fält');
    expect(found[0]!.path).not.toContain('\u001b');
  });
});

describe('defect 4: a huge bad value is not echoed whole', () => {
  const huge = 'x'.repeat(10 * 1024 * 1024);

  it.each([
    ['a date', (file: Json) => (file.children[0].birthDate = huge), '/children/0/birthDate'],
    ['an enumerated value', (file: Json) => (file.homes[0].kind = huge), '/homes/0/kind'],
    ['a value of the wrong type', (file: Json) => (file.homes[0].capacity = huge), '/homes/0/capacity'],
    ['a timestamp', (file: Json) => (file.registerChecks[0].recordedAt = huge), '/registerChecks/0/recordedAt'],
  ])('%s of 10 MB: the message quotes at most 80 characters and says it was cut', (_what, change, path) => {
    const found = at(problems(change), path);
    expect(found).toHaveLength(1);
    expect(found[0]!.message.length).toBeLessThan(300);
    expect(found[0]!.message).toContain('…');
  });

  it('an unknown field with a 10 MB name: the path is cut too', () => {
    const found = problems((file) => (file.homes[0][huge] = 1));
    expect(found).toHaveLength(1);
    expect(found[0]!.path.length).toBeLessThan(300);
  });

  it('a duplicate id of 100 characters is quoted whole (short values are not cut)', () => {
    const long = 'H'.repeat(80);
    const found = problems((file) => {
      file.homes[0].id = long;
      file.homes[1].id = long;
      file.homes[1].kind = 'hvb';
      file.homes[1].operator = 'enskild';
      file.persons = [];
      file.registerChecks = [];
      file.placements = [];
      file.events = [];
      file.notes = [];
    });
    expect(at(found, '/homes/1/id')[0]!.message).toContain(JSON.stringify(long));
  });
});

describe('defect 7: NFC and NFD spellings of one id, and dates far outside a register\'s life', () => {
  it('an id not in Unicode NFC ("Å" as A + ring) is refused at its path; its NFC spelling is fine', () => {
    const nfd = 'HÅ1'.normalize('NFD');
    expect(nfd).not.toBe('HÅ1');
    const found = problems((file) => (file.homes[0].id = nfd));
    expect(at(found, '/homes/0/id')).toHaveLength(1);
    expect(at(found, '/homes/0/id')[0]!.message).toContain('NFC');
    expect(problems((file) => {
      file.homes[0].id = 'HÅ1';
      file.registerChecks[1].homeId = 'HÅ1';
      file.notes[0].homeId = 'HÅ1';
    })).toEqual([]);
  });

  it('a reference in NFD to a home written in NFC is refused as not NFC, not taken as another home', () => {
    const found = problems((file) => {
      file.homes[1].id = 'FÖ';
      file.persons[0].homeId = 'FÖ'.normalize('NFD');
    });
    expect(at(found, '/persons/0/homeId')).toHaveLength(1);
    expect(at(found, '/persons/0/homeId')[0]!.message).toContain('NFC');
  });

  it.each(['0000-01-01', '9999-12-31', '1899-12-31', '2200-01-01'])('the date %s is refused: outside 1900-01-01–2199-12-31', (date) => {
    const found = at(problems((file) => (file.children[0].birthDate = date)), '/children/0/birthDate');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('1900-01-01');
    expect(found[0]!.message).toContain('2199-12-31');
  });

  it.each(['1900-01-01', '2199-12-31'])('the edge %s is inside the range', (date) => {
    expect(at(problems((file) => (file.events[0].date = date)), '/events/0/date')).toEqual([]);
  });

  it('a timestamp in year 9999 is refused', () => {
    expect(at(problems((file) => (file.registerChecks[0].recordedAt = '9999-12-31T10:00:00Z')), '/registerChecks/0/recordedAt')).toHaveLength(1);
  });
});
