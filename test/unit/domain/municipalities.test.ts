import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkHomeFields } from '../../../main/domain/homes';
import { findMunicipality, municipalities, municipalityNames, unknownMunicipalityMessage } from '../../../main/domain/municipalities';

describe("the list of municipalities: SCB's 290 kommuner, shipped as data (issue 10)", () => {
  it('is the CSV beside it, row for row (scripts/kommuner.mjs writes the module from it)', () => {
    const csv = fs.readFileSync(new URL('../../../main/domain/kommuner.csv', import.meta.url), 'utf8').trim().split(/\r?\n/).slice(1);
    expect(municipalities.map((m) => [m.code, m.name, m.countyCode, m.county].join(','))).toEqual(csv);
  });

  it('has 290 municipalities with unique four-digit codes in the county of their first two digits', () => {
    expect(municipalities).toHaveLength(290);
    expect(new Set(municipalities.map((m) => m.code)).size).toBe(290);
    for (const m of municipalities) expect(m.code.slice(0, 2), m.name).toBe(m.countyCode);
  });

  it('no two names are the same to the matching (else a typed name could mean either)', () => {
    for (const m of municipalities) expect(findMunicipality(m.name), m.name).toBe(m);
  });

  it('lists the names in Swedish order: Å, Ä, Ö after Z', () => {
    expect(municipalityNames).toHaveLength(290);
    expect(municipalityNames[0]).toBe('Ale');
    expect(municipalityNames.indexOf('Åmål')).toBeGreaterThan(municipalityNames.indexOf('Ydre'));
    expect(municipalityNames.at(-1)).toBe('Övertorneå');
  });
});

describe('findMunicipality: a typed kommun, Swedish-aware (issue 10)', () => {
  it('finds a municipality in any case and names it officially', () => {
    expect(findMunicipality('örebro')).toEqual({ code: '1880', name: 'Örebro', countyCode: '18', county: 'Örebro län' });
    expect(findMunicipality('ÖREBRO')?.name).toBe('Örebro');
    expect(findMunicipality('  malmö ')?.name).toBe('Malmö');
    expect(findMunicipality('ÅRE')?.name).toBe('Åre');
  });

  it('treats spaces and hyphens between words alike', () => {
    expect(findMunicipality('upplands  väsby')?.name).toBe('Upplands Väsby');
    expect(findMunicipality('upplands bro')?.name).toBe('Upplands-Bro');
    expect(findMunicipality('Malung Sälen')?.name).toBe('Malung-Sälen');
  });

  it('keeps å, ä and ö as letters of their own: Orebro is not Örebro, Habo is not Håbo', () => {
    expect(findMunicipality('Orebro')).toBeUndefined();
    expect(findMunicipality('habo')?.name).toBe('Habo');
    expect(findMunicipality('håbo')?.name).toBe('Håbo');
  });

  it('finds no municipality for a name that is none, a part of one, or nothing', () => {
    for (const text of ['Exempelstad', 'Örebro kommun', 'Öre', '', '   ']) expect(findMunicipality(text), text).toBeUndefined();
  });

  it('says which name is not a municipality', () => {
    expect(unknownMunicipalityMessage(' Exempelstad ')).toBe('Ingen av Sveriges 290 kommuner heter "Exempelstad".');
  });
});

describe('checkHomeFields: a home\'s kommun is one of the 290 (issue 10)', () => {
  it('gives the official name of a kommun written in another case', () => {
    expect(checkHomeFields({ kind: 'familjehem', municipality: 'örebro' })).toEqual({ orgNr: null, municipality: 'Örebro', problems: [] });
  });

  it('refuses a kommun that is not a municipality, at the field', () => {
    expect(checkHomeFields({ kind: 'hvb', municipality: 'Exempelstad' })).toEqual({
      orgNr: null,
      municipality: null,
      problems: [{ field: 'municipality', message: 'Ingen av Sveriges 290 kommuner heter "Exempelstad".' }],
    });
  });

  it('lets a home have no kommun', () => {
    expect(checkHomeFields({ kind: 'hvb', municipality: null }).problems).toEqual([]);
  });
});
