import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  mentionedIds,
  noKnownRecords,
  validateExchangeFile,
  type KnownRecords,
  type Problem,
} from '../../../main/domain/exchange';
import { noOperatorMessage } from '../../../main/domain/homes';
import { validatePersonnummer } from '../../../main/domain/personnummer';
import type { HomeKind, StayForm } from '../../../main/domain/vocabulary';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test files are edited freely

const fixture = (name: string): Json =>
  JSON.parse(fs.readFileSync(new URL(`../../fixtures/exchange/${name}`, import.meta.url), 'utf8')) as Json;
const full = fixture('full.json');
const specExample = fixture('spec-example.json');

/** The spec's example with one change: what the validation says about it. */
function problems(change: (file: Json) => void, known: KnownRecords = noKnownRecords, base: Json = specExample): Problem[] {
  const file = structuredClone(base);
  change(file);
  const result = validateExchangeFile(file, known);
  return result.ok ? [] : result.problems;
}
const paths = (list: Problem[]) => list.map((p) => p.path);

function known(partial: Partial<{ homes: [string, HomeKind][]; persons: string[]; children: [string, string][]; placements: string[]; staysByHome: [string, StayForm[]][]; householdByHome: [string, number][] }>): KnownRecords {
  return {
    homes: new Map(partial.homes ?? []),
    persons: new Set(partial.persons ?? []),
    children: new Map(partial.children ?? []),
    placements: new Set(partial.placements ?? []),
    staysByHome: new Map(partial.staysByHome ?? []),
    householdByHome: new Map(partial.householdByHome ?? []),
  };
}

describe('a valid exchange file', () => {
  it('accepts the example of the spec', () => {
    expect(validateExchangeFile(specExample)).toMatchObject({ ok: true });
  });

  it('accepts the full fixture, which uses every array and every enumerated value', () => {
    const result = validateExchangeFile(full);
    expect(result).toMatchObject({ ok: true });
    const text = JSON.stringify(full);
    for (const value of [
      'hvb', 'stodboende', 'familjehem', 'jourhem', 'natverkshem', 'sis', 'enskild', 'kommunal', 'region', 'statlig',
      'uppdragstagare', 'annan-vuxen', 'barn-i-hemmet', 'belastningsregistret', 'misstankeregistret', 'socialregistret',
      'kronofogden', 'forsakringskassan', 'ivo-tillstand', 'utan-anmarkning', 'med-anmarkning', 'giltigt', 'ogiltigt',
      'SoL', 'LVU2', 'LVU3', 'planerad', 'sammanbrott', 'hemflytt', 'myndig', 'annan', 'overvagande', 'omprovning',
      'vardnadsoverflyttning-overvagande', 'barnsamtal', 'vardplan', 'genomforandeplan', 'halsoundersokning-begard',
      'uppfoljning-avslutad', 'jourhem-sarskilda-skal', 'uppfoljningsbesok', 'ivo-anmalan-fler-an-tre', 'ivo-tillsyn',
      'alla', 'flickor', 'pojkar', 'aktiv', 'inaktiv', 'trivs', 'trivs-inte', 'vill-flytta', 'avvikelse', 'lex-sarah',
      'lag', 'medel', 'allvarlig', 'oppen', 'atgardad', 'avslutad',
    ]) {
      expect(text, value).toContain(`"${value}"`);
    }
  });

  it('uses only Luhn-valid, fictional personnummer that match the birth dates', () => {
    for (const child of full.children) {
      if (child.personnummer) expect(validatePersonnummer(child.personnummer, child.birthDate)).toMatchObject({ ok: true });
    }
  });

  it('treats null as absent for optional fields and arrays', () => {
    expect(
      problems((f) => {
        f.homes[0].orgNr = null;
        f.homes[0].targetGroup = null;
        f.registerChecks[1].personId = null;
        f.children[0].name = null;
        f.assessments = null;
      }),
    ).toEqual([]);
  });

  it('counts blank text as absent in an optional text field, and trims text', () => {
    const file = structuredClone(specExample);
    file.homes[0].municipality = '   ';
    file.children[0].name = '';
    file.placements[0].caseworker = '  Handläggare A ';
    const result = validateExchangeFile(file);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.file.homes?.[0]?.municipality).toBeUndefined();
    expect(result.file.children?.[0]?.name).toBeUndefined();
    expect(result.file.placements?.[0]?.caseworker).toBe('Handläggare A');
  });

  it('needs no arrays at all', () => {
    expect(validateExchangeFile({ format: 'placeringskollen-exchange', version: 1 })).toMatchObject({ ok: true });
  });

  it('normalizes personnummer and org.nr to their long forms', () => {
    const result = validateExchangeFile(full);
    if (!result.ok) throw new Error('fixture invalid');
    expect(result.file.children?.find((c) => c.id === 'C2')?.personnummer).toBe('20150690-9819');
  });
});

describe('the top level of the file', () => {
  it('rejects a wrong format', () => {
    expect(problems((f) => (f.format = 'something-else'))).toEqual([
      { path: '/format', message: 'ska vara "placeringskollen-exchange"' },
    ]);
  });

  it('rejects an unsupported version', () => {
    expect(paths(problems((f) => (f.version = 2)))).toEqual(['/version']);
    expect(problems((f) => (f.version = 2))[0]?.message).toContain('versionen 2 stöds inte');
  });

  it('requires format and version', () => {
    expect(problems((f) => {
      delete f.format;
      delete f.version;
    })).toEqual([
      { path: '/format', message: 'saknas' },
      { path: '/version', message: 'saknas' },
    ]);
  });

  it('rejects unknown top-level keys, each with its own path', () => {
    expect(problems((f) => {
      f.extra = 1;
      f.homesX = [];
    })).toEqual([
      { path: '/extra', message: 'okänt fält' },
      { path: '/homesX', message: 'okänt fält' },
    ]);
  });

  it('rejects a file that is not an object', () => {
    expect(validateExchangeFile([])).toEqual({ ok: false, problems: [{ path: '', message: 'fel typ: ska vara ett objekt, inte en lista' }] });
  });

  it('rejects an array that is not a list', () => {
    expect(paths(problems((f) => (f.homes = {})))).toEqual(['/homes']);
  });
});

describe('fields of records', () => {
  it('reports a missing required field', () => {
    expect(problems((f) => delete f.homes[0].name)).toEqual([{ path: '/homes/0/name', message: 'saknas' }]);
  });

  it('counts null as absent for a required field too', () => {
    expect(problems((f) => (f.children[0].birthDate = null))).toEqual([{ path: '/children/0/birthDate', message: 'saknas' }]);
  });

  it('requires at least one stay per placement', () => {
    expect(problems((f) => (f.placements[0].stays = []))).toEqual([
      { path: '/placements/0/stays', message: 'listan får inte vara tom' },
    ]);
  });

  it.each([
    ['/homes/0/capacity', (f: Json) => (f.homes[0].capacity = '8')],
    ['/homes/0/capacity', (f: Json) => (f.homes[0].capacity = 7.5)],
    ['/children/0/protectedIdentity', (f: Json) => (f.children[0].protectedIdentity = 'nej')],
    ['/persons/0/name', (f: Json) => (f.persons[0].name = 42)],
    ['/placements/0/stays', (f: Json) => (f.placements[0].stays = 'F1')],
  ])('reports a wrong type at %s', (path, change) => {
    expect(paths(problems(change))).toEqual([path]);
  });

  // Only null counts as absent: "" is not false, not zero, not an ongoing placement, not "no homes".
  it.each([
    ['a boolean', '/children/0/protectedIdentity', (f: Json) => (f.children[0].protectedIdentity = ''), 'fel typ: ska vara true eller false, inte texten ""'],
    ['a boolean (deviation)', '/deviations/0/reportedToIvo', (f: Json) => (f.deviations = [{ id: 'D1', homeId: 'H1', reportedOn: '2025-05-01', kind: 'avvikelse', severity: 'lag', description: 'x', reportedToIvo: '' }]), undefined],
    ['a number', '/homes/0/capacity', (f: Json) => (f.homes[0].capacity = ' '), undefined],
    ['a date', '/placements/0/endedOn', (f: Json) => (f.placements[0].endedOn = ''), 'inte ett datum på formen ÅÅÅÅ-MM-DD: ""'],
    ['a date (stay)', '/placements/0/stays/0/to', (f: Json) => (f.placements[0].stays[0].to = '  '), undefined],
    ['an enumeration', '/homes/0/operator', (f: Json) => (f.homes[0].operator = ''), 'okänt värde ""; tillåtna: enskild, kommunal, region, statlig'],
    ['an id reference', '/registerChecks/1/personId', (f: Json) => (f.registerChecks[1].personId = ''), undefined],
    ['an object', '/homes/0/targetGroup', (f: Json) => (f.homes[0].targetGroup = ''), undefined],
    ['a list in a record', '/homes/0/targetGroup/needs', (f: Json) => (f.homes[0].targetGroup.needs = ''), undefined],
    ['a top-level array', '/homes', (f: Json) => (f.homes = ''), 'fel typ: ska vara en lista, inte texten ""'],
  ])('only null counts as absent: blank text in %s is an error at %s', (_what, path, change, message) => {
    const found = problems(change);
    expect(paths(found)).toEqual([path]);
    if (message !== undefined) expect(found[0]?.message).toBe(message);
  });

  it('reports an unknown enumerated value with the allowed ones', () => {
    expect(problems((f) => (f.homes[0].kind = 'foo'))).toEqual([
      { path: '/homes/0/kind', message: 'okänt värde "foo"; tillåtna: hvb, stodboende, familjehem, jourhem, natverkshem, sis' },
    ]);
  });

  it.each([
    ['/placements/0/legalBasis', (f: Json) => (f.placements[0].legalBasis = 'sol')],
    ['/placements/0/stays/0/form', (f: Json) => (f.placements[0].stays[0].form = 'fosterhem')],
    ['/persons/0/role', (f: Json) => (f.persons[0].role = 'förälder')],
    ['/registerChecks/0/register', (f: Json) => (f.registerChecks[0].register = 'polisen')],
    ['/events/0/type', (f: Json) => (f.events[0].type = 'möte')],
    ['/homes/0/operator', (f: Json) => (f.homes[0].operator = 'privat')],
    ['/homes/0/targetGroup/gender', (f: Json) => (f.homes[0].targetGroup.gender = 'blandat')],
  ])('rejects an unknown value at %s', (path, change) => {
    const found = problems(change);
    expect(paths(found)).toEqual([path]);
    expect(found[0]?.message).toMatch(/^okänt värde/);
  });

  it('rejects unknown keys inside records, nested objects and stays', () => {
    expect(paths(problems((f) => {
      f.homes[0].color = 'blue';
      f.homes[0].targetGroup.gender2 = 'alla';
      f.placements[0].stays[0].room = 3;
    })).sort()).toEqual(['/homes/0/color', '/homes/0/targetGroup/gender2', '/placements/0/stays/0/room']);
  });

  it('rejects an impossible date', () => {
    expect(problems((f) => (f.placements[0].stays[0].to = '2025-02-30'))).toEqual([
      { path: '/placements/0/stays/0/to', message: 'inte ett giltigt datum: 2025-02-30' },
    ]);
  });

  it('rejects a date in the wrong format', () => {
    expect(paths(problems((f) => (f.events[0].date = '2025-7-20')))).toEqual(['/events/0/date']);
    expect(paths(problems((f) => (f.registerChecks[0].checkedOn = '20250110')))).toEqual(['/registerChecks/0/checkedOn']);
  });

  it('rejects a target group whose lowest age is above its highest', () => {
    expect(paths(problems((f) => (f.homes[0].targetGroup.minAge = 18)))).toEqual(['/homes/0/targetGroup/maxAge']);
  });

  it('rejects an org.nr with a wrong check digit', () => {
    expect(paths(problems((f) => (f.homes[0].orgNr = '556677-8898')))).toEqual(['/homes/0/orgNr']);
  });
});

describe('a placement\'s daily cost (extension, issue 16)', () => {
  const withCost = (dailyCost: unknown) => problems((f) => (f.placements[0].dailyCost = dailyCost));

  it('is optional: absent, null or whole kronor 0–1 000 000', () => {
    expect(validateExchangeFile(specExample)).toMatchObject({ ok: true });
    for (const good of [null, 0, 1850, 1_000_000]) expect(withCost(good), String(good)).toEqual([]);
    const result = validateExchangeFile({ ...specExample, placements: [{ ...specExample.placements[0], dailyCost: 1850 }] });
    expect(result.ok && result.file.placements?.[0]?.dailyCost).toBe(1850);
  });

  it('rejects anything else at its path, in Swedish', () => {
    const at = '/placements/0/dailyCost';
    expect(withCost(1850.5)).toEqual([{ path: at, message: 'ska vara ett heltal, inte 1850.5' }]);
    expect(withCost(-1)).toEqual([{ path: at, message: 'ska vara minst 0' }]);
    expect(withCost(1_000_001)).toEqual([{ path: at, message: 'ska vara högst 1000000' }]);
    expect(withCost('1850')).toEqual([{ path: at, message: 'fel typ: ska vara ett tal, inte texten "1850"' }]);
    expect(withCost('')).toEqual([{ path: at, message: 'fel typ: ska vara ett tal, inte texten ""' }]);
  });
});

describe('ids and references', () => {
  it('rejects a duplicate id within its array and points to the first', () => {
    expect(problems((f) => f.homes.push({ id: 'H1', kind: 'hvb', name: 'Kopia' }))).toEqual([
      { path: '/homes/2/id', message: 'dubblett av id "H1" (även /homes/0)' },
    ]);
  });

  it('allows the same id in different arrays', () => {
    expect(problems((f) => (f.notes[0].id = 'H1'))).toEqual([]);
  });

  it.each([
    ['/persons/0/homeId', 'hem "H9"', (f: Json) => (f.persons[0].homeId = 'H9')],
    ['/registerChecks/0/personId', 'person "P9"', (f: Json) => (f.registerChecks[0].personId = 'P9')],
    ['/registerChecks/1/homeId', 'hem "H9"', (f: Json) => (f.registerChecks[1].homeId = 'H9')],
    ['/placements/0/childId', 'barn "C9"', (f: Json) => (f.placements[0].childId = 'C9')],
    ['/events/0/placementId', 'placering "PL9"', (f: Json) => (f.events[0].placementId = 'PL9')],
    ['/events/1/homeId', 'hem "H9"', (f: Json) => (f.events[1].homeId = 'H9')],
    ['/notes/0/homeId', 'hem "H9"', (f: Json) => (f.notes[0].homeId = 'H9')],
    [
      '/assessments/0/placementId',
      'placering "PL9"',
      (f: Json) => f.assessments.push({ id: 'A1', homeId: 'H1', placementId: 'PL9', assessedOn: '2025-05-01', scores: { skola: 3 } }),
    ],
    [
      '/deviations/0/homeId',
      'hem "H9"',
      (f: Json) => f.deviations.push({ id: 'D1', homeId: 'H9', reportedOn: '2025-05-01', kind: 'avvikelse', severity: 'lag', description: 'x' }),
    ],
  ])('rejects a reference to an id that exists nowhere: %s', (path, target, change) => {
    expect(problems(change)).toEqual([{ path, message: `hänvisar till ${target} som inte finns` }]);
  });

  it('rejects a stay in a home that does not exist', () => {
    // The form check needs the home's kind, so only the reference is reported.
    expect(problems((f) => (f.placements[0].stays[0].homeId = 'F9'))).toEqual([
      { path: '/placements/0/stays/0/homeId', message: 'hänvisar till hem "F9" som inte finns' },
    ]);
  });

  it('accepts references to ids already in the database', () => {
    const inDatabase = known({ homes: [['F7', 'familjehem']], persons: ['P7'], children: [['C7', '2011-05-05']], placements: ['PL7'] });
    const file = {
      format: 'placeringskollen-exchange',
      version: 1,
      registerChecks: [{ id: 'RC9', personId: 'P7', register: 'kronofogden', checkedOn: '2025-01-01', outcome: 'utan-anmarkning' }],
      placements: [
        { id: 'PL8', childId: 'C7', legalBasis: 'SoL', decidedOn: '2025-01-01', startedOn: '2025-01-02',
          stays: [{ homeId: 'F7', form: 'familjehem', from: '2025-01-02' }] },
      ],
      events: [{ id: 'E9', placementId: 'PL7', type: 'barnsamtal', date: '2025-03-01' }],
    };
    expect(validateExchangeFile(file, inDatabase)).toMatchObject({ ok: true });
    expect(validateExchangeFile(file)).toMatchObject({ ok: false });
  });

  it('does not report references to a record that is in the file but broken (it is reported once)', () => {
    expect(problems((f) => delete f.homes[1].name)).toEqual([{ path: '/homes/1/name', message: 'saknas' }]);
  });

  it('lists the ids a file mentions, for asking the database', () => {
    expect(mentionedIds(specExample)).toEqual({
      homes: ['H1', 'F1'],
      persons: ['P1'],
      children: ['C1'],
      placements: ['PL1'],
      placementsInFile: ['PL1'],
      personsInFile: ['P1'],
    });
    expect(mentionedIds('not a file')).toEqual({ homes: [], persons: [], children: [], placements: [], placementsInFile: [], personsInFile: [] });
  });
});

describe('homes and their households: the rules of the register\'s form', () => {
  it('rejects an operator on a foster home (familjehem, jourhem, nätverkshem)', () => {
    expect(problems((f) => (f.homes[1].operator = 'kommunal'))).toEqual([{ path: '/homes/1/operator', message: noOperatorMessage }]);
  });

  it('rejects a person in a home of the file that has no household (HVB, stödboende, SiS)', () => {
    expect(problems((f) => (f.persons[0].homeId = 'H1'))).toEqual([
      {
        path: '/persons/0/homeId',
        message: 'hemmet "H1" är hvb och har inget hushåll; personer hör till familjehem, jourhem och nätverkshem',
      },
    ]);
  });

  it('rejects a person in a home of the database that has no household', () => {
    const inDatabase = known({ homes: [['S7', 'sis'], ['J7', 'jourhem']] });
    expect(paths(problems((f) => (f.persons[0].homeId = 'S7'), inDatabase))).toEqual(['/persons/0/homeId']);
    expect(problems((f) => (f.persons[0].homeId = 'J7'), inDatabase)).toEqual([]);
  });

  it('judges a person by the kind the file gives the home, not the kind in the database', () => {
    expect(problems(() => {}, known({ homes: [['F1', 'hvb']] }))).toEqual([]);
  });

  it('rejects a kommun that is not one of Sweden\'s 290 municipalities, at its JSON path (issue 10)', () => {
    expect(problems((f) => (f.homes[1].municipality = 'Exempelstad'))).toEqual([
      { path: '/homes/1/municipality', message: 'Ingen av Sveriges 290 kommuner heter "Exempelstad".' },
    ]);
    // ö is a letter of its own, as in the search: "Orebro" is not Örebro.
    expect(paths(problems((f) => (f.homes[0].municipality = 'Orebro')))).toEqual(['/homes/0/municipality']);
  });

  it('writes a kommun in another case by its official name (issue 10)', () => {
    const file = structuredClone(specExample);
    file.homes[0].municipality = 'örebro';
    file.homes[1].municipality = ' UPPLANDS väsby';
    const result = validateExchangeFile(file);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.file.homes?.map((home) => home.municipality)).toEqual(['Örebro', 'Upplands Väsby']);
  });
});

describe('placements and their stays', () => {
  /** The spec's PL1 made an ended placement with two stays F1 → F2. */
  const twoStays = (f: Json) => {
    f.homes.push({ id: 'F2', kind: 'familjehem', name: 'Familjen Al' });
    f.placements[0].endedOn = '2025-09-01';
    f.placements[0].stays = [
      { homeId: 'F1', form: 'familjehem', from: '2025-02-03', to: '2025-05-01' },
      { homeId: 'F2', form: 'familjehem', from: '2025-05-01', to: '2025-09-01' },
    ];
  };

  it('accepts contiguous stays', () => {
    expect(problems(twoStays)).toEqual([]);
  });

  it('rejects a placement that ends before it starts', () => {
    expect(paths(problems((f) => {
      f.placements[0].endedOn = '2025-01-01';
      f.placements[0].stays[0].to = '2025-01-01';
    }))).toContain('/placements/0/endedOn');
  });

  it('rejects stays that overlap', () => {
    expect(problems((f) => {
      twoStays(f);
      f.placements[0].stays[0].to = '2025-05-10';
    })).toEqual([{ path: '/placements/0/stays/0/to', message: 'överlappar nästa vistelse, som börjar 2025-05-01' }]);
  });

  it('rejects a gap between stays', () => {
    expect(problems((f) => {
      twoStays(f);
      f.placements[0].stays[0].to = '2025-04-20';
    })).toEqual([{ path: '/placements/0/stays/0/to', message: 'glapp till nästa vistelse, som börjar 2025-05-01' }]);
  });

  it('rejects an open stay that is followed by another', () => {
    expect(paths(problems((f) => {
      twoStays(f);
      delete f.placements[0].stays[0].to;
    }))).toEqual(['/placements/0/stays/0/to']);
  });

  it('rejects a first stay that does not start when the placement starts (outside the placement)', () => {
    expect(problems((f) => (f.placements[0].stays[0].from = '2025-02-01'))).toEqual([
      { path: '/placements/0/stays/0/from', message: 'första vistelsen ska börja när placeringen börjar (2025-02-03), inte 2025-02-01' },
    ]);
  });

  it('rejects a last stay that ends after the placement ended (outside the placement)', () => {
    expect(paths(problems((f) => {
      twoStays(f);
      f.placements[0].stays[1].to = '2025-10-01';
    }))).toEqual(['/placements/0/stays/1/to']);
  });

  it('rejects an open last stay in an ended placement', () => {
    expect(paths(problems((f) => {
      twoStays(f);
      f.placements[0].stays[1].to = null;
    }))).toEqual(['/placements/0/stays/1/to']);
  });

  it('rejects a closed last stay in an ongoing placement', () => {
    expect(paths(problems((f) => (f.placements[0].stays[0].to = '2025-06-01')))).toEqual(['/placements/0/stays/0/to']);
  });

  it('rejects a stay that ends before it starts', () => {
    expect(paths(problems((f) => {
      twoStays(f);
      f.placements[0].stays[0].to = '2025-01-01';
    }))).toContain('/placements/0/stays/0/to');
  });

  it('rejects a placement that starts before the child was born', () => {
    expect(paths(problems((f) => (f.children[0].birthDate = '2025-03-01')))).toEqual(['/placements/0/startedOn']);
  });

  it('rejects an end reason without an end date', () => {
    expect(paths(problems((f) => (f.placements[0].endReason = 'planerad')))).toEqual(['/placements/0/endReason']);
  });

  it('rejects a stay whose form is not its home\'s kind (a familjehem cannot take a jourhem stay)', () => {
    expect(problems((f) => (f.placements[0].stays[0].form = 'jourhem'))).toEqual([
      { path: '/placements/0/stays/0/form', message: 'hemmet "F1" är familjehem och kan inte ta emot en vistelse som jourhem' },
    ]);
  });

  it('checks the form against the kind of a home already in the database', () => {
    const inDatabase = known({ homes: [['J5', 'jourhem']] });
    expect(paths(problems((f) => (f.placements[0].stays[0].homeId = 'J5'), inDatabase))).toEqual(['/placements/0/stays/0/form']);
  });

  it('rejects changing the kind of a home that has other stays in the database', () => {
    const inDatabase = known({ homes: [['F1', 'familjehem']], staysByHome: [['F1', ['familjehem']]] });
    expect(paths(problems((f) => {
      f.homes[1].kind = 'jourhem';
      f.placements[0].stays[0].form = 'jourhem';
    }, inDatabase))).toEqual(['/homes/1/kind']);
  });

  it('rejects making a home with a household in the database an institution (households only in foster homes)', () => {
    const inDatabase = known({ homes: [['F1', 'familjehem']], householdByHome: [['F1', 2]] });
    const toHvb = (f: Json) => {
      delete f.persons;
      delete f.registerChecks;
      f.homes[1].kind = 'hvb';
      f.placements[0].stays[0].form = 'hvb';
    };
    expect(problems(toHvb, inDatabase)).toEqual([
      { path: '/homes/1/kind', message: 'hemmet har 2 personer i hushållet i databasen; hvb har inget hushåll' },
    ]);
    expect(paths(problems(toHvb, known({ homes: [['F1', 'familjehem']] })))).toEqual([]);
  });

  it('rejects an investigation date on a stay that is not in a jourhem', () => {
    expect(paths(problems((f) => (f.placements[0].stays[0].investigationCompletedOn = '2025-03-01')))).toEqual([
      '/placements/0/stays/0/investigationCompletedOn',
    ]);
  });
});

describe('register checks', () => {
  it('rejects a check with neither personId nor homeId', () => {
    expect(problems((f) => delete f.registerChecks[0].personId)).toEqual([
      { path: '/registerChecks/0/personId', message: 'saknas; belastningsregistret kontrolleras för en person' },
    ]);
  });

  it('rejects a check with both personId and homeId', () => {
    expect(paths(problems((f) => (f.registerChecks[0].homeId = 'F1')))).toEqual(['/registerChecks/0']);
  });

  it('rejects a person register on a home', () => {
    expect(paths(problems((f) => {
      delete f.registerChecks[0].personId;
      f.registerChecks[0].homeId = 'F1';
    }))).toEqual(['/registerChecks/0/homeId']);
  });

  it('rejects ivo-tillstand on a person', () => {
    expect(paths(problems((f) => {
      delete f.registerChecks[1].homeId;
      f.registerChecks[1].personId = 'P1';
    }))).toEqual(['/registerChecks/1/personId']);
  });

  it('rejects an outcome that does not fit its register', () => {
    expect(problems((f) => (f.registerChecks[0].outcome = 'giltigt'))).toEqual([
      {
        path: '/registerChecks/0/outcome',
        message: '"giltigt" passar inte registret belastningsregistret; tillåtna: utan-anmarkning, med-anmarkning',
      },
    ]);
    expect(paths(problems((f) => (f.registerChecks[1].outcome = 'utan-anmarkning')))).toEqual(['/registerChecks/1/outcome']);
  });
});

describe('children', () => {
  it('accepts a personnummer consistent with the birth date', () => {
    expect(problems((f) => (f.children[0].personnummer = '20120304-9802'))).toEqual([]);
  });

  it('rejects an invalid personnummer', () => {
    expect(paths(problems((f) => (f.children[0].personnummer = '20120304-9803')))).toEqual(['/children/0/personnummer']);
  });

  it('rejects a personnummer that contradicts the birth date', () => {
    // Skatteverket's test number is valid in itself, but for someone born 1912-12-12.
    expect(validatePersonnummer('19121212-1212')).toMatchObject({ ok: true });
    expect(paths(problems((f) => (f.children[0].personnummer = '19121212-1212')))).toEqual(['/children/0/personnummer']);
  });
});

describe('events, notes, assessments and deviations', () => {
  it('rejects an event with neither placementId nor homeId', () => {
    expect(paths(problems((f) => delete f.events[0].placementId))).toEqual(['/events/0/placementId']);
  });

  it('rejects an event with both', () => {
    expect(paths(problems((f) => (f.events[0].homeId = 'F1')))).toEqual(['/events/0']);
  });

  it('rejects a placement event on a home and a home event on a placement', () => {
    expect(paths(problems((f) => {
      delete f.events[0].placementId;
      f.events[0].homeId = 'F1';
      delete f.events[1].homeId;
      f.events[1].placementId = 'PL1';
    }))).toEqual(['/events/0/type', '/events/1/type']);
  });

  it('rejects a note with neither homeId nor placementId', () => {
    expect(problems((f) => delete f.notes[0].homeId)).toEqual([
      { path: '/notes/0', message: 'saknar både homeId och placementId; ange minst ett' },
    ]);
  });

  it('checks assessments: scores 1–5, at least one, known child voice', () => {
    const assessment = { id: 'A1', homeId: 'H1', assessedOn: '2025-05-01', scores: { skola: 3 }, childVoice: 'trivs' };
    expect(problems((f) => f.assessments.push(assessment))).toEqual([]);
    expect(paths(problems((f) => f.assessments.push({ ...assessment, scores: { skola: 6, halsa: 0 } })))).toEqual([
      '/assessments/0/scores/skola',
      '/assessments/0/scores/halsa',
    ]);
    expect(paths(problems((f) => f.assessments.push({ ...assessment, scores: {} })))).toEqual(['/assessments/0/scores']);
    expect(paths(problems((f) => f.assessments.push({ ...assessment, scores: { mat: 3 } })))).toEqual([
      '/assessments/0/scores/mat',
    ]);
    expect(paths(problems((f) => f.assessments.push({ ...assessment, childVoice: 'glad' })))).toEqual(['/assessments/0/childVoice']);
  });

  it('checks deviations: linked to a home or placement, known kind, severity and status', () => {
    const deviation = { id: 'D1', placementId: 'PL1', reportedOn: '2025-05-01', kind: 'lex-sarah', severity: 'allvarlig', description: 'x' };
    expect(problems((f) => f.deviations.push(deviation))).toEqual([]);
    expect(paths(problems((f) => f.deviations.push({ ...deviation, placementId: null })))).toEqual(['/deviations/0']);
    expect(paths(problems((f) => f.deviations.push({ ...deviation, kind: 'klagomal', severity: 'hog', status: 'stangd' })))).toEqual([
      '/deviations/0/kind',
      '/deviations/0/severity',
      '/deviations/0/status',
    ]);
  });
});

describe('a file with many problems', () => {
  it('reports every problem at once, record by record in file order', () => {
    const found = problems((f) => {
      f.unknown = true;
      f.placements[0].stays[0].from = '2025-02-30';
      f.persons[0].homeId = 'H9';
      f.homes[0].kind = 'foo';
      f.homes.push({ id: 'H1', kind: 'hvb', name: 'Kopia' });
      f.registerChecks[0].outcome = 'giltigt';
    });
    expect(paths(found)).toEqual([
      '/unknown',
      '/homes/0/kind',
      '/homes/2/id',
      '/persons/0/homeId',
      '/registerChecks/0/outcome',
      '/placements/0/stays/0/from',
    ]);
  });
});

describe('placements are for children and young people (SoL, LVU): 21 or older on the first day cannot be true', () => {
  const file = (birthDate: string) => ({
    format: 'placeringskollen-exchange',
    version: 1,
    homes: [{ id: 'F1', kind: 'familjehem', name: 'Familjen Ek' }],
    children: [{ id: 'C1', birthDate }],
    placements: [{ id: 'PL1', childId: 'C1', legalBasis: 'SoL', decidedOn: '2026-10-01', startedOn: '2026-10-02', stays: [{ homeId: 'F1', form: 'familjehem', from: '2026-10-02' }] }],
  });

  const problemsOf = (json: Json) => {
    const result = validateExchangeFile(json);
    return result.ok ? [] : result.problems;
  };

  it('refuses a placement of a 36-year-old with its path, as the form does', () => {
    expect(problemsOf(file('1990-05-05'))).toEqual([
      { path: '/placements/0/startedOn', message: 'barnet är 36 år när placeringen börjar; placeringar gäller barn och unga under 21 år' },
    ]);
  });

  it('lets in a 20-year-old, and one who turns 21 the day after the start', () => {
    expect(validateExchangeFile(file('2006-05-05'))).toMatchObject({ ok: true });
    expect(validateExchangeFile(file('2005-10-03'))).toMatchObject({ ok: true });
    expect(problemsOf(file('2005-10-02')).map((p) => p.path)).toEqual(['/placements/0/startedOn']);
  });
});
