import { describe, expect, it } from 'vitest';
import { compareSwedish, containsSwedish, foldSwedish, searchWords } from '../../../main/domain/swedish';

describe('foldSwedish: case and accents fold, but å, ä, ö are letters of their own', () => {
  it('lower-cases, keeping Å, Ä, Ö as å, ä, ö', () => {
    expect(foldSwedish('ÅKERN Älvsby ÖSTERGÅRDEN')).toBe('åkern älvsby östergården');
  });
  it('strips other diacritics', () => {
    expect(foldSwedish('Café Müller Señora Łódź Ångström')).toBe('cafe muller senora łodz ångström');
    expect(foldSwedish('Émile Zoë')).toBe('emile zoe');
  });
  it('folds the Danish/Norwegian æ and ø to ä and ö', () => {
    expect(foldSwedish('Ærø Sørensen')).toBe('ärö sörensen');
  });
  it('treats decomposed input (o + U+0308) like composed', () => {
    expect(foldSwedish('O\u0308rebro')).toBe(foldSwedish('Örebro'));
    expect(foldSwedish('a\u030Aa\u0308o\u0308')).toBe('åäö');
  });
  it('does not fold ö to o', () => {
    expect(foldSwedish('ö')).not.toBe('o');
    expect(foldSwedish('å')).not.toBe('a');
    expect(foldSwedish('ä')).not.toBe('a');
  });
});

describe('containsSwedish: search matches folded substrings', () => {
  it('ignores case and accents other than å, ä, ö', () => {
    expect(containsSwedish('HVB Östergården', 'östergård')).toBe(true);
    expect(containsSwedish('Café Solrosen', 'CAFE')).toBe(true);
    expect(containsSwedish('Familjehemmet Sørby', 'sörby')).toBe(true);
  });
  it('"o" does not find "ö", "a" does not find "å" or "ä"', () => {
    expect(containsSwedish('Östergården', 'oster')).toBe(false);
    expect(containsSwedish('Åkern', 'akern')).toBe(false);
    expect(containsSwedish('Älvsby', 'alvsby')).toBe(false);
  });
  it('an empty needle matches everything, a missing haystack nothing else', () => {
    expect(containsSwedish('Åkern', '')).toBe(true);
    expect(containsSwedish(null, '')).toBe(true);
    expect(containsSwedish(null, 'å')).toBe(false);
    expect(containsSwedish(undefined, 'å')).toBe(false);
  });
});

describe('searchWords: a search is words, each to be found, in any order (issue 13)', () => {
  it('splits on any run of white space, including a no-break space', () => {
    expect(searchWords('  exempelsson   anna\u00a0T. ')).toEqual(['exempelsson', 'anna', 'T.']);
  });
  it('keeps a hyphenated word or a personnummer whole', () => {
    expect(searchWords('Provström-Exempel 20120304-2385')).toEqual(['Provström-Exempel', '20120304-2385']);
  });
  it('a blank search has no words', () => {
    expect(searchWords('')).toEqual([]);
    expect(searchWords(' \t ')).toEqual([]);
  });
});

describe('compareSwedish: Swedish alphabetical order, Å, Ä, Ö after Z (needs full ICU)', () => {
  it('the runtime has Swedish collation data', () => {
    expect(new Intl.Collator('sv').resolvedOptions().locale).toMatch(/^sv/);
  });
  it('sorts Zeta < Åkern < Älvsby < Östergården', () => {
    const names = ['Östergården', 'Älvsby', 'Zeta', 'Åkern', 'Abborren'];
    expect([...names].sort(compareSwedish)).toEqual(['Abborren', 'Zeta', 'Åkern', 'Älvsby', 'Östergården']);
  });
  it('ignores case when letters differ', () => {
    expect(compareSwedish('anna', 'Bertil')).toBeLessThan(0);
    expect(compareSwedish('Öl', 'zebra')).toBeGreaterThan(0);
  });
});
