import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createExchangeService } from '../../../main/services/exchange';
import { failure, useServiceDatabase } from './harness';
import { testClock } from '../../clock';
import type { HomeInput } from '../../../preload/api/homes';

const db = useServiceDatabase('pk-homes-');

const hvb = (fields: Partial<HomeInput> = {}): HomeInput => ({
  kind: 'hvb',
  name: 'Östergårdens HVB',
  orgNr: '5560000019',
  operator: 'enskild',
  municipality: 'Timrå',
  capacity: 8,
  targetGroup: { minAge: 13, maxAge: 17, gender: 'alla', needs: ['missbruk'] },
  agency: null,
  persons: [],
  ...fields,
});

const familjehem = (fields: Partial<HomeInput> = {}): HomeInput => ({
  kind: 'familjehem',
  name: 'Familjen Ek',
  orgNr: null,
  operator: null,
  municipality: 'Sundsvall',
  capacity: 1,
  targetGroup: null,
  agency: 'Konsulentstöd Exempel AB',
  persons: [
    { name: 'Anna Björk', role: 'uppdragstagare', birthYear: 1980 },
    { name: 'Lisa Lönn', role: 'barn-i-hemmet', birthYear: 2012 },
  ],
  ...fields,
});

const names = async (query?: string) => (await db.services.homes.list({ query })).map((row) => row.name);

describe('homes service: create and edit', () => {
  it('creates a home with a new id and stores the org.nr normalized', async () => {
    const home = await db.services.homes.save(hvb());
    expect(home.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(home).toMatchObject({ kind: 'hvb', name: 'Östergårdens HVB', orgNr: '556000-0019', active: true, persons: [] });
    expect(home.targetGroup).toEqual({ minAge: 13, maxAge: 17, gender: 'alla', needs: ['missbruk'] });
    expect(await db.services.homes.get(home.id)).toEqual(home);
    expect(await db.services.homes.count()).toBe(1);
  });

  it('edits a home in place', async () => {
    const created = await db.services.homes.save(hvb());
    const edited = await db.services.homes.save(hvb({ id: created.id, rowVersion: created.rowVersion, name: 'Östergårdens HVB Nord', capacity: 10, targetGroup: null }));
    expect(edited).toMatchObject({ id: created.id, name: 'Östergårdens HVB Nord', capacity: 10, targetGroup: null, rowVersion: created.rowVersion + 1 });
    expect(await db.services.homes.count()).toBe(1);
  });

  it('replaces the household: kept persons keep their id, missing ones go, new ones get an id', async () => {
    const created = await db.services.homes.save(familjehem());
    const anna = created.persons.find((p) => p.name === 'Anna Björk')!;
    const saved = await db.services.homes.save(
      familjehem({
        id: created.id,
        rowVersion: created.rowVersion,
        persons: [
          { id: anna.id, name: 'Anna Björk-Ek', role: 'uppdragstagare', birthYear: 1980 },
          { name: 'Bo Ek', role: 'annan-vuxen', birthYear: 1979 },
        ],
      }),
    );
    expect(saved.persons.map((p) => [p.name, p.role])).toEqual([
      ['Anna Björk-Ek', 'uppdragstagare'],
      ['Bo Ek', 'annan-vuxen'],
    ]);
    expect(saved.persons[0]!.id).toBe(anna.id);
    expect(saved.persons.every((p) => p.homeId === created.id)).toBe(true);
    expect(db.connection.raw.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(2);
  });

  it('deactivates and reactivates a home without losing it', async () => {
    const { id, rowVersion } = await db.services.homes.save(hvb());
    const deactivated = await db.services.homes.setActive(id, false, rowVersion);
    expect(deactivated.active).toBe(false);
    expect((await db.services.homes.list()).map((r) => [r.name, r.active])).toEqual([['Östergårdens HVB', false]]);
    const reactivated = await db.services.homes.setActive(id, true, deactivated.rowVersion);
    expect(reactivated.active).toBe(true);
    // Saving the form does not touch the active flag.
    const again = await db.services.homes.setActive(id, false, reactivated.rowVersion);
    expect((await db.services.homes.save(hvb({ id, rowVersion: again.rowVersion }))).active).toBe(false);
  });

  it('unknown ids are NOT_FOUND: "Hemmet finns inte."', async () => {
    // One at a time: a failed expectation must not leave a later attempt running against a closed register.
    for (const attempt of [() => db.services.homes.get('saknas'), () => db.services.homes.setActive('saknas', false, 1), () => db.services.homes.save(hvb({ id: 'saknas', rowVersion: 1 }))]) {
      const error = await failure(attempt());
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toBe('Hemmet finns inte.');
    }
    expect(await db.services.homes.count()).toBe(0);
  });
});

describe('homes service: validation by field', () => {
  it('an org.nr with a wrong check digit is VALIDATION at /orgNr and nothing is saved', async () => {
    const error = await failure(db.services.homes.save(hvb({ orgNr: '556000-0018' })));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Hemmet kunde inte sparas.');
    expect(error.issues).toEqual([{ path: '/orgNr', message: expect.stringContaining('kontrollsiffra') }]);
    expect(await db.services.homes.count()).toBe(0);
  });

  it('a foster home has no operator; HVB, stödboende and SiS have no household', async () => {
    const foster = await failure(db.services.homes.save(familjehem({ operator: 'enskild' })));
    expect(foster.issues.map((i) => i.path)).toEqual(['/operator']);
    for (const kind of ['hvb', 'stodboende', 'sis'] as const) {
      const institution = await failure(
        db.services.homes.save(hvb({ kind, persons: [{ name: 'Anna Björk', role: 'uppdragstagare', birthYear: null }] })),
      );
      expect(institution.issues.map((i) => i.path)).toEqual(['/persons']);
    }
  });

  it('reports every problem at once', async () => {
    const error = await failure(db.services.homes.save(familjehem({ operator: 'kommunal', orgNr: 'abc' })));
    expect(error.issues.map((i) => i.path)).toEqual(['/orgNr', '/operator']);
  });

  it('the kommun is one of Sweden\'s municipalities, stored by its official name (issue 10)', async () => {
    const saved = await db.services.homes.save(familjehem({ municipality: 'örebro' }));
    expect(saved.municipality).toBe('Örebro');
    expect((await db.services.homes.list()).map((row) => row.municipality)).toEqual(['Örebro']);

    const error = await failure(db.services.homes.save(familjehem({ name: 'Familjen Ask', municipality: 'Exempelstad' })));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([
      { path: '/municipality', message: 'Ingen av Sveriges 290 kommuner heter "Exempelstad". Välj kommunen i listan.' },
    ]);
    expect(await db.services.homes.count()).toBe(1);
  });

  it('a person id of another home is refused at /persons/i/id', async () => {
    const other = await db.services.homes.save(familjehem({ name: 'Familjen Ask' }));
    const mine = await db.services.homes.save(familjehem());
    const error = await failure(
      db.services.homes.save(familjehem({ id: mine.id, rowVersion: mine.rowVersion, persons: [{ id: other.persons[0]!.id, name: 'Kapad', role: 'uppdragstagare', birthYear: null }] })),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: '/persons/0/id', message: 'Personen hör inte till det här hemmet.' }]);
    expect((await db.services.homes.get(other.id)).persons[0]!.name).toBe('Anna Björk');
  });

  it('a person with register checks cannot be removed from the household, and nothing is written', async () => {
    const home = await db.services.homes.save(familjehem());
    const anna = home.persons.find((p) => p.name === 'Anna Björk')!;
    db.connection.raw
      .prepare("INSERT INTO register_checks (id, person_id, register, checked_on, outcome) VALUES ('RC1', ?, 'belastningsregistret', '2025-01-10', 'utan-anmarkning')")
      .run(anna.id);

    const error = await failure(db.services.homes.save(familjehem({ id: home.id, rowVersion: home.rowVersion, name: 'Familjen Ny', persons: [] })));
    expect(error.code).toBe('CONFLICT');
    expect(error.issues).toEqual([{ path: '/persons', message: 'Anna Björk har registerkontroller och kan inte tas bort ur hushållet.' }]);
    expect(await db.services.homes.get(home.id)).toEqual(home);
  });

  it('the kind of a home with placements cannot change: a stay has its home’s kind', async () => {
    const home = await db.services.homes.save(familjehem());
    db.connection.raw.exec(`
      INSERT INTO children (id, birth_date) VALUES ('C1', '2012-03-04');
      INSERT INTO placements (id, child_id, legal_basis, decided_on, started_on) VALUES ('PL1', 'C1', 'SoL', '2025-02-01', '2025-02-03');
      INSERT INTO stays (placement_id, ordinal, home_id, form, from_date) VALUES ('PL1', 0, '${home.id}', 'familjehem', '2025-02-03');
    `);
    const error = await failure(db.services.homes.save(familjehem({ id: home.id, rowVersion: home.rowVersion, kind: 'jourhem' })));
    expect(error.issues.map((i) => i.path)).toEqual(['/kind']);
    expect((await db.services.homes.save(familjehem({ id: home.id, rowVersion: home.rowVersion, name: 'Familjen Ek-Ask' }))).name).toBe('Familjen Ek-Ask');
  });
});

describe('homes service: the register list', () => {
  it('is sorted by name in Swedish order (Å, Ä, Ö after Z)', async () => {
    for (const name of ['Östergården', 'Ängen', 'Zetagården', 'Åkerbacken', 'Alfahemmet', 'ekbacken']) {
      await db.services.homes.save(hvb({ name, orgNr: null }));
    }
    expect(await names()).toEqual(['Alfahemmet', 'ekbacken', 'Zetagården', 'Åkerbacken', 'Ängen', 'Östergården']);
  });

  it('search is case-insensitive and treats ö as a letter: "ö" finds Östergården, "o" does not', async () => {
    await db.services.homes.save(hvb());
    await db.services.homes.save(hvb({ name: 'Solbackens stödboende', kind: 'stodboende', municipality: 'Ånge', orgNr: null }));
    expect(await names('ÖSTER')).toEqual(['Östergårdens HVB']);
    expect(await names('ö')).toEqual(['Solbackens stödboende', 'Östergårdens HVB']);
    expect(await names('o')).toEqual(['Solbackens stödboende']);
    expect(await names('  ')).toHaveLength(2);
  });

  it('search finds org.nr (with or without hyphen), municipality and agency', async () => {
    await db.services.homes.save(hvb());
    await db.services.homes.save(familjehem());
    expect(await names('556000-0019')).toEqual(['Östergårdens HVB']);
    expect(await names('5560000019')).toEqual(['Östergårdens HVB']);
    expect(await names('timrå')).toEqual(['Östergårdens HVB']);
    expect(await names('konsulentstöd')).toEqual(['Familjen Ek']);
  });

  it('search takes words in any order: each word must match somewhere (issue 13)', async () => {
    await db.services.homes.save(hvb());
    await db.services.homes.save(
      familjehem({ name: 'Familjen Exempelsson', persons: [{ name: 'Anna Exempelsson', role: 'uppdragstagare', birthYear: 1980 }] }),
    );
    await db.services.homes.save(familjehem({ name: 'Familjen Ek', persons: [{ name: 'Anna Björk', role: 'uppdragstagare', birthYear: 1980 }] }));
    expect(await names('exempelsson anna')).toEqual(['Familjen Exempelsson']);
    expect(await names('  ANNA   exempelsson ')).toEqual(['Familjen Exempelsson']);
    // One word in the home's name, one in its kommun; one in an adult's name, one in the agency.
    expect(await names('östergårdens timrå')).toEqual(['Östergårdens HVB']);
    expect(await names('björk konsulentstöd')).toEqual(['Familjen Ek']);
    expect(await names('anna')).toEqual(['Familjen Ek', 'Familjen Exempelsson']);
    // Every word must match: a word that matches nothing finds nothing.
    expect(await names('exempelsson stockholm')).toEqual([]);
  });

  it('search finds a home by the name of one of its adults, and the row lists the adults', async () => {
    await db.services.homes.save(hvb());
    await db.services.homes.save(
      familjehem({
        persons: [
          { name: 'Örjan Ek', role: 'annan-vuxen', birthYear: null },
          { name: 'Anna Björk', role: 'uppdragstagare', birthYear: 1980 },
          { name: 'Lisa Lönn', role: 'barn-i-hemmet', birthYear: 2012 },
        ],
      }),
    );
    const rows = await db.services.homes.list({ query: 'björk' });
    expect(rows.map((r) => r.name)).toEqual(['Familjen Ek']);
    expect(rows[0]!.adults).toEqual(['Anna Björk', 'Örjan Ek']);
    // Children living in the home are not adults: their names are not searched.
    expect(await names('lönn')).toEqual([]);
  });
});

describe('homes service and the import of exchange files: one set of rules (main/domain/homes.ts)', () => {
  const full = JSON.parse(fs.readFileSync(new URL('../../fixtures/exchange/full.json', import.meta.url), 'utf8')) as {
    homes: { id: string }[];
  };
  const file = (fields: object) => ({ format: 'placeringskollen-exchange', version: 1, ...fields });

  it('every home the import lets in, the register can save again unchanged', async () => {
    await createExchangeService(db.connection.db, testClock()).importFile(full);
    for (const { id } of full.homes) {
      const { active: _active, persons, ...home } = await db.services.homes.get(id);
      const saved = await db.services.homes.save({ ...home, persons });
      expect(saved, id).toEqual(await db.services.homes.get(id));
    }
  });

  it('a foster home with an operator is refused by both, with the same message', async () => {
    const exchange = createExchangeService(db.connection.db, testClock());
    const imported = await failure(exchange.importFile(file({ homes: [{ id: 'F1', kind: 'jourhem', name: 'Familjen Ek', operator: 'kommunal' }] })));
    const saved = await failure(db.services.homes.save(familjehem({ kind: 'jourhem', operator: 'kommunal' })));
    expect(imported.issues).toEqual([{ path: '/homes/0/operator', message: saved.issues[0]!.message }]);
    expect(saved.issues.map((i) => i.path)).toEqual(['/operator']);
  });

  it('a kommun that is not a municipality is refused by both; one in another case is stored by its official name (issue 10)', async () => {
    const exchange = createExchangeService(db.connection.db, testClock());
    const imported = await failure(
      exchange.importFile(file({ homes: [{ id: 'F1', kind: 'familjehem', name: 'Familjen Ek', municipality: 'Exempelstad' }] })),
    );
    const saved = await failure(db.services.homes.save(familjehem({ municipality: 'Exempelstad' })));
    expect(imported.issues).toEqual([{ path: '/homes/0/municipality', message: 'Ingen av Sveriges 290 kommuner heter "Exempelstad".' }]);
    expect(saved.issues).toEqual([{ path: '/municipality', message: `${imported.issues[0]!.message} Välj kommunen i listan.` }]);

    await exchange.importFile(file({ homes: [{ id: 'F1', kind: 'familjehem', name: 'Familjen Ek', municipality: 'ÖREBRO' }] }));
    expect((await db.services.homes.get('F1')).municipality).toBe('Örebro');
  });

  it('a person in a home without a household (HVB, stödboende, SiS) is refused by both', async () => {
    const exchange = createExchangeService(db.connection.db, testClock());
    await exchange.importFile(file({ homes: [{ id: 'S1', kind: 'stodboende', name: 'Björkens stödboende' }] }));
    const imported = await failure(
      exchange.importFile(file({ persons: [{ id: 'P1', homeId: 'S1', name: 'Anna Björk', role: 'uppdragstagare' }] })),
    );
    expect(imported.issues.map((i) => i.path)).toEqual(['/persons/0/homeId']);
    const saved = await failure(db.services.homes.save(hvb({ kind: 'stodboende', persons: [{ name: 'Anna Björk', role: 'uppdragstagare', birthYear: null }] })));
    expect(saved.issues.map((i) => i.path)).toEqual(['/persons']);
  });
});

describe('the same home twice (issue 10)', () => {
  it('a new home with the org.nr of another is refused once, naming it; saved when the user confirms', async () => {
    const first = await db.services.homes.save(hvb());
    const refused = await failure(db.services.homes.save(hvb({ name: 'Östergården AB', municipality: 'Sundsvall', orgNr: '556000-0019' })));
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message: 'Hemmet kan redan finnas i registret.',
      issues: [{ path: '/orgNr', message: 'Östergårdens HVB (Timrå) har samma org.nr.' }],
    });
    expect(await db.services.homes.findSimilar({ name: 'Östergården AB', municipality: 'Sundsvall', orgNr: '5560000019' })).toEqual([
      { id: first.id, kind: 'hvb', name: 'Östergårdens HVB', municipality: 'Timrå', orgNr: '556000-0019', reason: 'samma org.nr' },
    ]);
    await expect(db.services.homes.save(hvb({ name: 'Östergården AB', municipality: 'Sundsvall', duplicateConfirmed: true }))).resolves.toMatchObject({ name: 'Östergården AB' });
  });

  it('the same name in the same kommun (whatever the case) is the same question; another kommun is not', async () => {
    await db.services.homes.save(hvb({ orgNr: null }));
    expect((await failure(db.services.homes.save(hvb({ orgNr: null, name: 'östergårdens hvb' })))).issues).toEqual([
      { path: '/name', message: 'Östergårdens HVB (Timrå) har samma namn och kommun.' },
    ]);
    await expect(db.services.homes.save(hvb({ orgNr: null, municipality: 'Kramfors' }))).resolves.toMatchObject({ municipality: 'Kramfors' });
  });

  it('editing a home is not asked about itself, nor when its name, kommun and org.nr stay', async () => {
    const home = await db.services.homes.save(hvb());
    await expect(db.services.homes.save(hvb({ id: home.id, rowVersion: home.rowVersion, capacity: 10 }))).resolves.toMatchObject({ capacity: 10 });
    expect(await db.services.homes.findSimilar({ id: home.id, name: 'Östergårdens HVB', municipality: 'Timrå', orgNr: '556000-0019' })).toEqual([]);
  });
});
