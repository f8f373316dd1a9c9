/**
 * The exchange format's extension for issue 4 (docs/data-format.md): a check's permit scope and
 * who recorded it, an IVO inspection's verdict. Export writes them only when set, so export →
 * import → export stays the same; the history of corrections is local and never exported.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Connection } from '../../main/db/connection';
import type { Services } from '../../main/services';
import { createExchangeService } from '../../main/services/exchange';
import { failure, useRegisters } from './services/harness';
import { testClock } from '../clock';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test files are edited freely

const emptyFile = { format: 'placeringskollen-exchange', version: 1 };
const homes = [
  { id: 'F1', kind: 'familjehem', name: 'Familjen Ek' },
  { id: 'H1', kind: 'hvb', name: 'Solgläntans HVB', operator: 'enskild' },
  { id: 'S1', kind: 'stodboende', name: 'Björkens stödboende', operator: 'enskild' },
  { id: 'J1', kind: 'jourhem', name: 'Jourhemmet Lind' },
];
const persons = [{ id: 'P1', homeId: 'F1', name: 'Anna Ek', role: 'uppdragstagare' }];

/** Every new field, and records without them. */
const extended: Json = {
  ...emptyFile,
  homes,
  persons,
  registerChecks: [
    {
      id: 'RC1', personId: 'P1', register: 'belastningsregistret', checkedOn: '2026-01-10', outcome: 'utan-anmarkning',
      reference: 'Dnr 2026/12', recordedBy: 'Handläggare A', recordedAt: '2026-01-11T09:30:00.000Z',
    },
    { id: 'RC2', personId: 'P1', register: 'misstankeregistret', checkedOn: '2026-01-10', outcome: 'utan-anmarkning' },
    {
      id: 'RC3', homeId: 'H1', register: 'ivo-tillstand', checkedOn: '2026-03-01', outcome: 'giltigt', reference: 'IVO 3.5.1-1234/2019',
      permit: { forms: ['hvb'], minAge: 13, maxAge: 17, places: 8, targetGroup: 'Ungdomar med missbruk', holderOrgNr: '5566778899' },
      recordedBy: 'Handläggare B', recordedAt: '2026-03-01T14:05:00+01:00',
    },
    // Only part of the scope known.
    { id: 'RC4', homeId: 'S1', register: 'ivo-tillstand', checkedOn: '2026-04-01', outcome: 'ogiltigt', permit: { maxAge: 20 } },
    // Nothing known: the same as no scope at all.
    { id: 'RC5', homeId: 'S1', register: 'ivo-tillstand', checkedOn: '2025-04-01', outcome: 'giltigt', permit: {} },
  ],
  events: [
    { id: 'E1', homeId: 'H1', type: 'ivo-tillsyn', date: '2026-02-10', verdict: 'kritik', comment: 'Brister i bemanningen.' },
    { id: 'E2', homeId: 'H1', type: 'ivo-tillsyn', date: '2025-02-10' },
    { id: 'E3', homeId: 'S1', type: 'ivo-tillsyn', date: '2025-06-10', verdict: 'aterkallelse' },
  ],
};

const register = useRegisters();

async function problems(services: Services, file: Json): Promise<{ path: string; message: string }[]> {
  return (await failure(services.exchange.importFile(file))).issues;
}

const tables = ['homes', 'persons', 'register_checks', 'register_check_history', 'events'];
const dump = (connection: Connection) =>
  Object.fromEntries(tables.map((t) => [t, connection.raw.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));

describe('the permit, who recorded a check, and the verdict, through export and import', () => {
  it('are written as imported, compact, and the org.nr in its normal form', async () => {
    const { services } = await register();
    await services.exchange.importFile(extended);
    const exported = await services.exchange.exportAll();

    expect(exported.registerChecks).toEqual([
      extended.registerChecks[0],
      extended.registerChecks[1],
      { ...extended.registerChecks[2], permit: { ...extended.registerChecks[2].permit, holderOrgNr: '556677-8899' } },
      extended.registerChecks[3],
      { id: 'RC5', homeId: 'S1', register: 'ivo-tillstand', checkedOn: '2025-04-01', outcome: 'giltigt' },
    ]);
    expect(exported.events).toEqual(extended.events);
    expect(JSON.stringify(exported)).not.toContain('null');
  });

  it('export → import into an empty database → export gives the same JSON and the same rows', async () => {
    const a = await register();
    await a.services.exchange.importFile(extended);
    const first = await a.services.exchange.exportAll();
    const b = await register();
    await b.services.exchange.importFile(JSON.parse(JSON.stringify(first)));
    expect(JSON.stringify(await b.services.exchange.exportAll(), null, 2)).toBe(JSON.stringify(first, null, 2));
    expect(dump(b.connection)).toEqual(dump(a.connection));
  });

  it('reach the app: the home panel shows the scope, who recorded the check, and the verdict', async () => {
    const { services } = await register();
    await services.exchange.importFile(extended);
    const panel = await services.registerChecks.homeChecks('H1', '2026-11-22');
    expect(panel.permits[0]).toMatchObject({
      id: 'RC3',
      permit: { forms: ['hvb'], minAge: 13, maxAge: 17, places: 8, targetGroup: 'Ungdomar med missbruk', holderOrgNr: '556677-8899' },
      recordedBy: 'Handläggare B',
      recordedAt: '2026-03-01T14:05:00+01:00',
    });
    expect(panel.inspections.map((e) => [e.id, e.verdict])).toEqual([['E1', 'kritik'], ['E2', null]]);
    const s1 = await services.registerChecks.homeChecks('S1', '2026-11-22');
    expect(s1.permits.map((p) => [p.id, p.permit])).toEqual([
      ['RC4', { forms: [], minAge: null, maxAge: 20, places: null, targetGroup: null, holderOrgNr: null }],
      ['RC5', null],
    ]);
  });

  it('a record imported again without them empties them (a record replaces the stored one whole)', async () => {
    const { services } = await register();
    await services.exchange.importFile(extended);
    await services.exchange.importFile({
      ...emptyFile,
      registerChecks: [{ id: 'RC3', homeId: 'H1', register: 'ivo-tillstand', checkedOn: '2026-03-01', outcome: 'giltigt' }],
      events: [{ id: 'E1', homeId: 'H1', type: 'ivo-tillsyn', date: '2026-02-10' }],
    });
    const exported = await services.exchange.exportAll();
    expect(exported.registerChecks.find((c) => c.id === 'RC3')).toEqual({ id: 'RC3', homeId: 'H1', register: 'ivo-tillstand', checkedOn: '2026-03-01', outcome: 'giltigt' });
    expect(exported.events.find((e) => e.id === 'E1')).toEqual({ id: 'E1', homeId: 'H1', type: 'ivo-tillsyn', date: '2026-02-10' });
  });
});

describe('the history of corrections stays in its database', () => {
  it('is not exported: the file has the check as it is now, with who corrected it and when', async () => {
    const a = await register();
    await a.services.exchange.importFile(extended);
    a.clock.set('2026-11-22T10:00:00.000Z');
    const versionOf = (id: string) => a.connection.raw.prepare('SELECT row_version FROM register_checks WHERE id = ?').pluck().get(id) as number;
    await a.services.registerChecks.correct(
      {
        id: 'RC2', personId: 'P1', register: 'misstankeregistret', checkedOn: '2026-01-10', outcome: 'med-anmarkning', reference: 'Dnr 2026/13',
        permit: null, recordedBy: 'Handläggare C', reason: 'Fel utfall.', rowVersion: versionOf('RC2'),
      },
    );
    await a.services.registerChecks.remove({ id: 'RC1', reason: 'Registrerad två gånger.', removedBy: 'Handläggare C', rowVersion: versionOf('RC1') });
    expect(a.connection.raw.prepare('SELECT count(*) FROM register_check_history').pluck().get()).toBe(2);

    const exported = await a.services.exchange.exportAll();
    expect(Object.keys(exported)).not.toContain('registerCheckHistory');
    expect(exported.registerChecks.map((c) => c.id)).toEqual(['RC2', 'RC3', 'RC4', 'RC5']);
    expect(exported.registerChecks[0]).toEqual({
      id: 'RC2', personId: 'P1', register: 'misstankeregistret', checkedOn: '2026-01-10', outcome: 'med-anmarkning', reference: 'Dnr 2026/13',
      recordedBy: 'Handläggare C', recordedAt: '2026-11-22T10:00:00.000Z',
    });

    const b = await register();
    await b.services.exchange.importFile(exported);
    expect(b.connection.raw.prepare('SELECT count(*) FROM register_check_history').pluck().get()).toBe(0);
    // And an import over a corrected check leaves the history that is there alone.
    await a.services.exchange.importFile(exported);
    expect(a.connection.raw.prepare('SELECT count(*) FROM register_check_history').pluck().get()).toBe(2);
  });
});

describe('an import that replaces a stored check keeps the stored version in the history', () => {
  const IMPORTED_AT = '2026-11-22T12:00:00.000Z';
  const history = (connection: Connection) => connection.raw.prepare('SELECT * FROM register_check_history ORDER BY check_id, revision').all() as Json[];

  it('as a correction: who (the import), when (the import’s time), why; the person’s home with it; in the panel', async () => {
    const { connection, services } = await register();
    await services.exchange.importFile(extended);
    const importer = createExchangeService(connection.db, testClock(IMPORTED_AT));
    await importer.importFile({
      ...emptyFile,
      registerChecks: [
        // RC1 with another outcome and without who recorded it; RC2 and RC3 unchanged.
        { id: 'RC1', personId: 'P1', register: 'belastningsregistret', checkedOn: '2026-01-10', outcome: 'med-anmarkning', reference: 'Dnr 2026/12' },
        extended.registerChecks[1],
        extended.registerChecks[2],
      ],
    });
    expect(history(connection)).toEqual([
      {
        check_id: 'RC1', revision: 1, person_id: 'P1', home_id: 'F1', register: 'belastningsregistret', checked_on: '2026-01-10',
        outcome: 'utan-anmarkning', reference: 'Dnr 2026/12', permit: null, recorded_by: 'Handläggare A', recorded_at: '2026-01-11T09:30:00.000Z',
        action: 'rattad', changed_by: 'Inläsning från fil', changed_at: IMPORTED_AT, reason: 'Ersatt vid inläsning av utbytesfil',
      },
    ]);
    const panel = await services.registerChecks.homeChecks('F1', '2026-11-22');
    expect(panel.persons[0]!.checks[0]).toMatchObject({ id: 'RC1', outcome: 'med-anmarkning', recordedBy: null, revisions: 1 });
    expect(panel.history).toEqual([
      expect.objectContaining({ checkId: 'RC1', revision: 1, personId: 'P1', homeId: null, outcome: 'utan-anmarkning', changedBy: 'Inläsning från fil' }),
    ]);

    // A second change counts up from the history there is.
    await importer.importFile({ ...emptyFile, registerChecks: [{ ...extended.registerChecks[0], checkedOn: '2026-01-09' }] });
    expect(history(connection).map((row) => [row.check_id, row.revision, row.outcome, row.checked_on])).toEqual([
      ['RC1', 1, 'utan-anmarkning', '2026-01-10'],
      ['RC1', 2, 'med-anmarkning', '2026-01-10'],
    ]);
  });

  it('a changed permit scope or subject counts; the person’s home is the one before the file moves her', async () => {
    const { connection } = await register();
    const importer = createExchangeService(connection.db, testClock(IMPORTED_AT));
    await importer.importFile({ ...extended, persons: [...persons, { id: 'P2', homeId: 'J1', name: 'Bo Lind', role: 'uppdragstagare' }] });
    await importer.importFile({
      ...emptyFile,
      // Anna moves to the jourhem in the same file; RC2 is moved to Bo; RC3's scope changes.
      persons: [{ id: 'P1', homeId: 'J1', name: 'Anna Ek', role: 'uppdragstagare' }],
      registerChecks: [
        { ...extended.registerChecks[1], personId: 'P2' },
        { ...extended.registerChecks[2], permit: { ...extended.registerChecks[2].permit, places: 9 } },
      ],
    });
    expect(history(connection).map((row) => [row.check_id, row.person_id, row.home_id, JSON.parse(row.permit ?? 'null')?.places ?? null])).toEqual([
      ['RC2', 'P1', 'F1', null],
      ['RC3', null, 'H1', 8],
    ]);
  });

  it('the same file twice writes nothing the second time: export → import → export stays the same', async () => {
    const { connection, services } = await register();
    await services.exchange.importFile(extended);
    const first = await services.exchange.exportAll();
    const before = dump(connection);
    // The stored text of a scope is normalised on import, so an export read back in is unchanged too.
    await services.exchange.importFile(extended);
    await services.exchange.importFile(JSON.parse(JSON.stringify(first)));
    expect(history(connection)).toEqual([]);
    expect(dump(connection)).toEqual(before);
    expect(JSON.stringify(await services.exchange.exportAll())).toBe(JSON.stringify(first));
  });

  it('is one transaction with the import: a file that fails writes no history', async () => {
    const { connection, services } = await register();
    await services.exchange.importFile(extended);
    connection.raw.exec("CREATE TRIGGER refuse BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'nej'); END;");
    await expect(
      services.exchange.importFile({ ...emptyFile, registerChecks: [{ ...extended.registerChecks[1], outcome: 'med-anmarkning' }], events: extended.events }),
    ).rejects.toThrow(/nej/);
    expect(history(connection)).toEqual([]);
    expect(connection.raw.prepare("SELECT outcome FROM register_checks WHERE id = 'RC2'").pluck().get()).toBe('utan-anmarkning');
  });
});

describe('what the import refuses, at its JSON path', () => {
  const withCheck = (check: Json): Json => ({ ...emptyFile, homes, persons, registerChecks: [check] });
  const permitOn = (homeId: string, permit?: Json): Json => ({
    id: 'RC1', homeId, register: 'ivo-tillstand', checkedOn: '2026-03-01', outcome: 'giltigt', ...(permit ? { permit } : {}),
  });

  it.each<[string, Json, { path: string; message: string }[]]>([
    [
      'an IVO permit of a familjehem',
      withCheck(permitOn('F1')),
      [{ path: '/registerChecks/0/homeId', message: 'hemmet "F1" är familjehem; ett IVO-tillstånd kontrolleras bara för hvb och stodboende' }],
    ],
    [
      'a permit scope on a person register',
      withCheck({ id: 'RC1', personId: 'P1', register: 'belastningsregistret', checkedOn: '2026-01-10', outcome: 'utan-anmarkning', permit: { minAge: 13 } }),
      [{ path: '/registerChecks/0/permit', message: 'gäller bara ivo-tillstand, inte belastningsregistret' }],
    ],
    [
      'a scope whose lowest age is above its highest',
      withCheck(permitOn('H1', { minAge: 16, maxAge: 13 })),
      [{ path: '/registerChecks/0/permit/maxAge', message: 'lägre än minAge (16)' }],
    ],
    ['the same form twice', withCheck(permitOn('H1', { forms: ['hvb', 'hvb'] })), [{ path: '/registerChecks/0/permit/forms', message: 'samma form står två gånger' }]],
    [
      'a form a permit cannot cover',
      withCheck(permitOn('H1', { forms: ['familjehem'] })),
      [{ path: '/registerChecks/0/permit/forms/0', message: 'okänt värde "familjehem"; tillåtna: hvb, stodboende' }],
    ],
    ['an empty list of forms', withCheck(permitOn('H1', { forms: [] })), [{ path: '/registerChecks/0/permit/forms', message: 'listan får inte vara tom' }]],
    [
      'a holder org.nr with a wrong check digit',
      withCheck(permitOn('H1', { holderOrgNr: '556677-8898' })),
      [{ path: '/registerChecks/0/permit/holderOrgNr', message: 'Organisationsnumrets kontrollsiffra stämmer inte.' }],
    ],
    ['an unknown field in the scope', withCheck(permitOn('H1', { beds: 4 })), [{ path: '/registerChecks/0/permit/beds', message: 'okänt fält' }]],
    ['a scope that is not an object', withCheck(permitOn('H1', 'hvb' as unknown as Json)), [{ path: '/registerChecks/0/permit', message: 'fel typ: ska vara ett objekt, inte texten "hvb"' }]],
    [
      'a time without its zone',
      withCheck({ ...permitOn('H1'), recordedAt: '2026-03-01 09:30' }),
      [{ path: '/registerChecks/0/recordedAt', message: 'inte en tidpunkt på formen ÅÅÅÅ-MM-DDTtt:mm:ssZ: "2026-03-01 09:30"' }],
    ],
    [
      'a time on a day that does not exist',
      withCheck({ ...permitOn('H1'), recordedAt: '2026-02-30T09:30:00Z' }),
      [{ path: '/registerChecks/0/recordedAt', message: 'inte en tidpunkt på formen ÅÅÅÅ-MM-DDTtt:mm:ssZ: "2026-02-30T09:30:00Z"' }],
    ],
    ['who recorded it, not as text', withCheck({ ...permitOn('H1'), recordedBy: 7 }), [{ path: '/registerChecks/0/recordedBy', message: 'fel typ: ska vara text, inte talet 7' }]],
    [
      'a verdict on an event that is not an inspection',
      { ...emptyFile, homes, events: [{ id: 'E1', homeId: 'F1', type: 'ivo-anmalan-fler-an-tre', date: '2026-01-01', verdict: 'kritik' }] },
      [{ path: '/events/0/verdict', message: 'gäller bara ivo-tillsyn, inte ivo-anmalan-fler-an-tre' }],
    ],
    [
      'a verdict IVO does not give',
      { ...emptyFile, homes, events: [{ id: 'E1', homeId: 'H1', type: 'ivo-tillsyn', date: '2026-01-01', verdict: 'beröm' }] },
      [{ path: '/events/0/verdict', message: 'okänt värde "beröm"; tillåtna: utan-anmarkning, kritik, forelaggande, aterkallelse' }],
    ],
  ])('%s', async (_name, file, expected) => {
    const { connection, services } = await register();
    expect(await problems(services, file)).toEqual(expected);
    for (const rows of Object.values(dump(connection))) expect(rows).toEqual([]);
  });

  it('an IVO permit of a home in the database that is not an HVB or stödboende', async () => {
    const { services } = await register();
    await services.exchange.importFile({ ...emptyFile, homes });
    expect(await problems(services, { ...emptyFile, registerChecks: [permitOn('J1')] })).toEqual([
      { path: '/registerChecks/0/homeId', message: 'hemmet "J1" är jourhem; ett IVO-tillstånd kontrolleras bara för hvb och stodboende' },
    ]);
    // A stödboende is fine.
    await services.exchange.importFile({ ...emptyFile, registerChecks: [permitOn('S1')] });
  });

  it('a home with IVO permits in the database cannot become a foster home, unless the file replaces those checks', async () => {
    const { connection, services } = await register();
    await services.exchange.importFile({ ...emptyFile, homes, registerChecks: [permitOn('H1')] });
    const before = dump(connection);
    const asFosterHome = { id: 'H1', kind: 'familjehem', name: 'Familjen Sol' };

    expect(await problems(services, { ...emptyFile, homes: [asFosterHome] })).toEqual([
      { path: '/homes/0/kind', message: 'hemmet har 1 kontroll av IVO-tillstånd i databasen; ett IVO-tillstånd kontrolleras bara för hvb och stodboende' },
    ]);
    expect(dump(connection)).toEqual(before);
    // The file carries the check, now of another home: judged from the file, and accepted.
    await services.exchange.importFile({ ...emptyFile, homes: [asFosterHome], registerChecks: [permitOn('S1')] });
    expect((await services.exchange.exportAll()).homes.find((h) => h.id === 'H1')?.kind).toBe('familjehem');
  });
});

describe('the project’s exchange fixtures', () => {
  it.each(['checks.json', 'deadlines.json', 'full.json', 'spec-example.json'])('%s still imports', async (name) => {
    const file = JSON.parse(fs.readFileSync(new URL(`../fixtures/exchange/${name}`, import.meta.url), 'utf8')) as Json;
    const { services } = await register();
    await expect(services.exchange.importFile(file)).resolves.toBeDefined();
  });
});
