/**
 * Issue 11: the register's quick search reads folded columns that triggers keep (migration 9)
 * instead of folding five columns of every home per keystroke, and answers ranked and capped.
 * The folding is the domain's own: what the search found before, it finds now. Fictional homes.
 */
import { describe, expect, it } from 'vitest';
import { createDemoService } from '../../../main/services/demo';
import { containsSwedish, searchWords } from '../../../main/domain/swedish';
import type { HomeInput } from '../../../preload/api/homes';
import { expectSearchColumnsInStep } from '../search-columns';
import { useServiceDatabase } from './harness';

const db = useServiceDatabase('pk-home-search-');
const inStep = (when: string) => expectSearchColumnsInStep(db.connection.raw, when);
const found = async (query: string) => (await db.services.homes.search({ query })).rows.map((row) => row.name);
const exchange = (fields: object) => ({ format: 'placeringskollen-exchange', version: 1, ...fields });

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

describe('the folded search columns stay in step on every write', () => {
  it('a home saved, edited, its household changed and deactivated', async () => {
    const hvb = await db.services.homes.save({
      kind: 'hvb', name: 'Östergårdens HVB', orgNr: '5560000019', operator: 'enskild', municipality: 'Timrå',
      capacity: 8, targetGroup: null, agency: null, persons: [],
    });
    const created = await db.services.homes.save(familjehem());
    inStep('created');
    expect(await found('björk')).toEqual(['Familjen Ek']);
    expect(await found('5560000019')).toEqual(['Östergårdens HVB']);

    const renamed = await db.services.homes.save({
      ...familjehem({ name: 'Familjen Åkerman', municipality: 'Ånge', agency: null }), id: created.id, rowVersion: created.rowVersion, persons: created.persons,
    });
    await db.services.homes.save({
      kind: 'hvb', name: 'Västergårdens HVB', orgNr: '556000-0019', operator: 'enskild', municipality: 'Timrå',
      capacity: 8, targetGroup: null, agency: null, persons: [], id: hvb.id, rowVersion: hvb.rowVersion, duplicateConfirmed: true,
    });
    inStep('home fields edited');
    expect(await found('ek')).toEqual([]);
    expect(await found('konsulentstöd')).toEqual([]);
    expect(await found('åkerman ånge')).toEqual(['Familjen Åkerman']);
    expect(await found('öster')).toEqual([]);

    // An adult renamed, one added, the child becoming an adult of the household, then an adult removed.
    const [anna, lisa] = created.persons;
    const edited = await db.services.homes.save({
      ...familjehem({ name: 'Familjen Åkerman', municipality: 'Ånge', agency: null }),
      id: created.id,
      rowVersion: renamed.rowVersion,
      persons: [
        { id: anna!.id, name: 'Anna Ström', role: 'uppdragstagare', birthYear: 1980 },
        { id: lisa!.id, name: 'Lisa Lönn', role: 'annan-vuxen', birthYear: 2000 },
        { name: 'Örjan Ek', role: 'annan-vuxen', birthYear: null },
      ],
    });
    inStep('household edited');
    expect(await found('björk')).toEqual([]);
    expect(await found('ström')).toEqual(['Familjen Åkerman']);
    expect(await found('lönn')).toEqual(['Familjen Åkerman']);
    expect(await found('örjan')).toEqual(['Familjen Åkerman']);

    const adultsRemoved = await db.services.homes.save({
      ...familjehem({ name: 'Familjen Åkerman', municipality: 'Ånge', agency: null }),
      id: created.id,
      rowVersion: edited.rowVersion,
      persons: edited.persons.filter((p) => p.name !== 'Örjan Ek').map(({ id, name, birthYear }) => ({ id, name, role: 'barn-i-hemmet' as const, birthYear })),
    });
    inStep('adults removed and made children');
    expect(await found('örjan')).toEqual([]);
    expect(await found('ström')).toEqual([]);

    await db.services.homes.setActive(created.id, false, adultsRemoved.rowVersion);
    inStep('deactivated');
    expect((await db.services.homes.search({ query: 'åkerman', status: 'inactive' })).rows.map((r) => r.name)).toEqual(['Familjen Åkerman']);
  });

  it('an import creates, and a second import merges: renamed homes, a person moved to another home, a role changed', async () => {
    await db.services.exchange.importFile(
      exchange({
        homes: [
          { id: 'F1', kind: 'familjehem', name: 'Familjen Ek', municipality: 'Sundsvall', agency: 'Konsulentstöd Exempel AB' },
          { id: 'F2', kind: 'familjehem', name: 'Familjen Ask', municipality: 'Timrå' },
        ],
        persons: [
          { id: 'P1', homeId: 'F1', name: 'Anna Exempelsson', role: 'uppdragstagare' },
          { id: 'P2', homeId: 'F1', name: 'Tova Lönn', role: 'barn-i-hemmet' },
          { id: 'P3', homeId: 'F2', name: 'Per Provström', role: 'uppdragstagare' },
        ],
      }),
    );
    inStep('imported');
    expect(await found('exempelsson')).toEqual(['Familjen Ek']);

    await db.services.exchange.importFile(
      exchange({
        homes: [{ id: 'F1', kind: 'familjehem', name: 'Familjen Ekström', municipality: 'Örebro' }],
        persons: [
          { id: 'P1', homeId: 'F2', name: 'Anna Exempelsson', role: 'uppdragstagare' },
          { id: 'P2', homeId: 'F1', name: 'Tova Lönn', role: 'uppdragstagare' },
        ],
      }),
    );
    inStep('merged');
    expect(await found('exempelsson')).toEqual(['Familjen Ask']);
    expect(await found('lönn örebro')).toEqual(['Familjen Ekström']);
    // The agency the file leaves out is emptied, as the import replaces the whole record.
    expect(await found('konsulentstöd')).toEqual([]);
  });

  it('the demo data, loaded and removed, and a row written by plain SQL', async () => {
    const demo = createDemoService(db.connection.db, db.clock);
    await demo.load('2026-11-22');
    inStep('demo loaded');
    expect(await found('exempelsson anna')).toEqual(['Familjen Exempelsson']);
    await demo.remove();
    inStep('demo removed');

    db.connection.raw.prepare("INSERT INTO homes (id, kind, name, municipality) VALUES ('H-sql', 'familjehem', 'Familjen O\u0308berg', 'Timrå')").run();
    db.connection.raw.prepare("INSERT INTO persons (id, home_id, name, role) VALUES ('P-sql', 'H-sql', 'Émile Zoë', 'uppdragstagare')").run();
    inStep('written by SQL');
    expect(await found('öberg zoe emile')).toEqual(['Familjen O\u0308berg']);
    db.connection.raw.prepare("UPDATE persons SET home_id = home_id, name = 'Åsa Berg' WHERE id = 'P-sql'").run();
    db.connection.raw.prepare("DELETE FROM persons WHERE id = 'P-sql'").run();
    inStep('person deleted by SQL');
    expect(await found('zoe')).toEqual([]);
  });
});

/** The search as it was before migration 9, in JavaScript: each word in a field, folded by the domain. */
function matchedBefore(home: { name: string; orgNr: string | null; municipality: string | null; agency: string | null }, adults: string[], query: string) {
  return searchWords(query).every((word) => {
    const digits = word.replaceAll('-', '');
    return (
      [home.name, home.orgNr, home.municipality, home.agency, ...adults].some((field) => containsSwedish(field, word)) ||
      (/^\d+$/.test(digits) && containsSwedish(home.orgNr?.replaceAll('-', '') ?? null, digits))
    );
  });
}

describe('the search finds exactly what the JavaScript folding found', () => {
  const names = ['Östergården', 'Ostergarden', 'O\u0308stergården', 'Café Müller', 'Ærø', 'ÅKERN', 'Ängen', 'Zoë', 'Lindek', 'Ek', 'İzmir', 'Straße'];
  const municipalities = ['Timrå', 'Örebro', 'Sundsvall', null];
  const orgNrs = ['556000-0019', '5560000019', '802480-1230', null];
  const agencies = ['Konsulentstöd Exempel AB', 'Cafeteria', null];
  const queries = [
    'ö', 'o', 'ost', 'öst', 'ÖSTER', 'o\u0308', 'cafe', 'café', 'CAFÉ', 'muller', 'ø', 'ä', 'æ', 'ärö', 'ek', 'ek lindek', '5560000019',
    '556000-0019', '000-00', '0000', '80248012', '8024801230', '2480-', 'timrå örebro', '', '  ', 'zoe', 'zoë', 'ängen ö', 'e\u0301',
    '\u0301', 'straße', 'strasse', 'izmir', 'i̇zmir', 'konsulentstöd', 'exempel ab', 'anna', 'anna exempelsson', 'ab-',
  ];

  it('for homes with accents, decomposed letters, æ/ø, org.nr with and without hyphen and adults, over 40 searches', async () => {
    const homes = Array.from({ length: 120 }, (_, i) => ({
      id: `H${String(i).padStart(3, '0')}`,
      name: `${names[i % names.length]} ${names[(i * 7 + 3) % names.length]}`,
      orgNr: orgNrs[i % orgNrs.length]!,
      municipality: municipalities[(i * 3) % municipalities.length]!,
      agency: agencies[(i * 5) % agencies.length]!,
    }));
    const adults = new Map(homes.map((home, i) => [home.id, i % 3 === 0 ? [] : [`Anna ${names[(i * 5) % names.length]}`, `Exempelsson ${i}`]]));
    const insertHome = db.connection.raw.prepare('INSERT INTO homes (id, kind, name, org_nr, municipality, agency) VALUES (?, ?, ?, ?, ?, ?)');
    const insertPerson = db.connection.raw.prepare("INSERT INTO persons (id, home_id, name, role) VALUES (?, ?, ?, 'uppdragstagare')");
    for (const home of homes) {
      insertHome.run(home.id, 'familjehem', home.name, home.orgNr, home.municipality, home.agency);
      adults.get(home.id)!.forEach((name, j) => insertPerson.run(`${home.id}-${j}`, home.id, name));
    }
    inStep('written');
    for (const query of queries) {
      const before = homes.filter((home) => matchedBefore(home, adults.get(home.id)!, query)).map((home) => home.id).sort();
      expect((await db.services.homes.list({ query })).map((row) => row.id).sort(), query).toEqual(before);
      const result = await db.services.homes.search({ query });
      expect(result.total, query).toBe(before.length);
      expect(result.rows.map((row) => row.id).sort(), query).toEqual(before);
    }
  });
});

describe('the quick search is ranked, filtered and capped in main', () => {
  const home = (id: string, name: string, fields: object = {}) => ({ id, kind: 'familjehem', name, municipality: 'Sundsvall', ...fields });

  it('name prefix, then a word of the name, then the name holding every word, then other fields; Swedish name order within each', async () => {
    await db.services.exchange.importFile(
      exchange({
        homes: [
          home('H1', 'Solbacken', { municipality: 'Ekerö' }),
          home('H2', 'Lindeken'),
          home('H3', 'Familjen Ek'),
          home('H4', 'Ekängen'),
          home('H5', 'Ekåsen'),
          home('H6', 'Ekzon'),
          home('H7', 'Ekbacken'),
          home('H8', 'Familjen Lind'),
          home('H9', 'Björkhagen'),
        ],
        persons: [{ id: 'P1', homeId: 'H8', name: 'Anna Ekström', role: 'uppdragstagare' }],
      }),
    );
    expect(await found('ek')).toEqual(['Ekbacken', 'Ekzon', 'Ekåsen', 'Ekängen', 'Familjen Ek', 'Lindeken', 'Familjen Lind', 'Solbacken']);
    expect(await found('EK')).toEqual(await found('ek'));
    expect(await found('lind ek')).toEqual(['Lindeken', 'Familjen Lind']);
    // Familjen Lind: "familjen" in the name, "ek" only in an adult's.
    expect(await found('familjen ek')).toEqual(['Familjen Ek', 'Familjen Lind']);
    // No search: the whole register in Swedish name order.
    expect(await found('')).toEqual(['Björkhagen', 'Ekbacken', 'Ekzon', 'Ekåsen', 'Ekängen', 'Familjen Ek', 'Familjen Lind', 'Lindeken', 'Solbacken']);
  });

  it('cuts the answer at 200 (or the limit asked for) and counts every home found', async () => {
    const homes = Array.from({ length: 230 }, (_, i) => home(`H${i}`, `Hem ${String(i).padStart(3, '0')}`));
    await db.services.exchange.importFile(exchange({ homes: [...homes, home('X1', 'Björkhagen')] }));
    const all = await db.services.homes.search({ query: 'hem' });
    expect(all.total).toBe(230);
    expect(all.rows).toHaveLength(200);
    expect(all.rows.map((row) => row.name)).toEqual(homes.slice(0, 200).map((h) => h.name));
    expect(all.rows[0]).toMatchObject({ id: 'H0', kind: 'familjehem', municipality: 'Sundsvall', active: true, adults: [] });

    // "Hem 1…" begins with the search: those come first, before "Hem 001" and "Hem 210".
    const few = await db.services.homes.search({ query: 'hem 1', limit: 5 });
    expect(few).toMatchObject({ total: homes.filter((h) => h.name.includes('1')).length, hidden: 0 });
    expect(few.rows.map((row) => row.name)).toEqual(['Hem 100', 'Hem 101', 'Hem 102', 'Hem 103', 'Hem 104']);

    expect((await db.services.homes.search({})).total).toBe(231);
    // `list` is not cut: the pickers of homes get them all.
    expect(await db.services.homes.list({ query: 'hem' })).toHaveLength(230);
  });

  it('filters by kind, kommun and status before the cut; counts what they leave out and names the kommuner found', async () => {
    await db.services.exchange.importFile(
      exchange({
        homes: [
          home('F1', 'Familjen Ek', { municipality: 'Timrå' }),
          home('F2', 'Familjen Ask', { municipality: 'Ånge' }),
          home('F3', 'Familjen Lind', { municipality: 'Örebro', status: 'inaktiv' }),
          { id: 'H1', kind: 'hvb', name: 'Familjehemmets HVB', orgNr: '556000-0019', operator: 'enskild', municipality: 'Timrå' },
          home('F4', 'Ekbacken', { municipality: 'Arvika' }),
        ],
      }),
    );
    const familjen = await db.services.homes.search({ query: 'familjen', status: 'active' });
    expect(familjen.rows.map((row) => row.name)).toEqual(['Familjen Ask', 'Familjen Ek']);
    expect(familjen).toMatchObject({ total: 2, hidden: 1, municipalities: ['Timrå', 'Ånge', 'Örebro'] });

    const inTimra = await db.services.homes.search({ query: 'familj', municipality: 'Timrå' });
    expect(inTimra.rows.map((row) => row.name)).toEqual(['Familjehemmets HVB', 'Familjen Ek']);
    expect(inTimra).toMatchObject({ total: 2, hidden: 2 });

    const hvb = await db.services.homes.search({ kind: 'hvb' });
    expect(hvb.rows.map((row) => row.name)).toEqual(['Familjehemmets HVB']);
    expect(hvb).toMatchObject({ total: 1, hidden: 4, municipalities: ['Arvika', 'Timrå', 'Ånge', 'Örebro'] });

    expect(await db.services.homes.search({ query: 'zzz' })).toEqual({ rows: [], total: 0, hidden: 0, municipalities: [] });
  });
});
