import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Connection } from '../../main/db/connection';
import type { ExchangeService } from '../../main/services/exchange';
import { failure, useRegisters } from './services/harness';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test files are edited freely

const full = JSON.parse(fs.readFileSync(new URL('../fixtures/exchange/full.json', import.meta.url), 'utf8')) as Json;
const emptyFile = { format: 'placeringskollen-exchange', version: 1 };
const tables = ['homes', 'persons', 'register_checks', 'children', 'placements', 'stays', 'events', 'notes', 'assessments', 'deviations'];

const openRegister = useRegisters();
async function register(): Promise<{ connection: Connection; exchange: ExchangeService }> {
  const { connection, services } = await openRegister();
  return { connection, exchange: services.exchange };
}

/** Every row of every table, in a fixed order: the register as the database holds it. */
function dump(connection: Connection): Record<string, unknown[]> {
  return Object.fromEntries(tables.map((t) => [t, connection.raw.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}

describe('export and import round trip', () => {
  it('export → import into an empty database → export gives the same JSON', async () => {
    const a = await register();
    await a.exchange.importFile(full);
    const first = await a.exchange.exportAll();

    const b = await register();
    await b.exchange.importFile(JSON.parse(JSON.stringify(first)));
    const second = await b.exchange.exportAll();

    expect(JSON.stringify(second, null, 2)).toBe(JSON.stringify(first, null, 2));
    expect(dump(b.connection)).toEqual(dump(a.connection));
  });

  it('exports every record of the file, sorted by id, with stays in order', async () => {
    const { exchange } = await register();
    await exchange.importFile(full);
    const exported = await exchange.exportAll();

    expect(exported.homes.map((h) => h.id)).toEqual(['F1', 'H1', 'H2', 'H3', 'H4', 'J1', 'NH1']);
    expect(exported.events.map((e) => e.id)).toEqual(full.events.map((e: Json) => e.id));
    expect(exported.placements.find((p) => p.id === 'PL3')?.stays.map((s) => s.homeId)).toEqual(['H1', 'H3', 'H2']);
    for (const array of ['persons', 'registerChecks', 'children', 'notes', 'assessments', 'deviations'] as const) {
      expect(exported[array]).toHaveLength(full[array].length);
    }
  });

  it('omits optional fields without a value and writes the defaults it applied', async () => {
    const { exchange } = await register();
    await exchange.importFile(full);
    const exported = await exchange.exportAll();

    const f1 = exported.homes.find((h) => h.id === 'F1');
    expect(f1).toEqual({ id: 'F1', kind: 'familjehem', name: 'Familjen Ek', municipality: 'Sundsvall', agency: 'Konsulentstöd Norr AB', status: 'aktiv' });
    expect(exported.homes.find((h) => h.id === 'H4')?.status).toBe('inaktiv');
    expect(exported.deviations.find((d) => d.id === 'D4')).toMatchObject({ status: 'oppen', reportedToIvo: false });
    expect(exported.children.find((c) => c.id === 'C2')?.personnummer).toBe('20150690-9819');
    expect(exported.assessments.find((a) => a.id === 'A3')?.scores).toEqual({ skola: 2 });
    expect(JSON.stringify(exported)).not.toContain('null');
  });

  it('carries a placement\'s daily cost there and back, and writes none where it is not known', async () => {
    const a = await register();
    await a.exchange.importFile(full);
    const exported = await a.exchange.exportAll();
    const cost = (id: string) => exported.placements.find((p) => p.id === id);
    expect(cost('PL1')?.dailyCost).toBe(1850);
    expect(cost('PL3')?.dailyCost).toBe(6200);
    // null in the file is absent, and absent is written as nothing, like the other optional fields.
    expect(cost('PL2')).not.toHaveProperty('dailyCost');
    expect(cost('PL4')).not.toHaveProperty('dailyCost');
    expect(a.connection.raw.prepare("SELECT id, daily_cost FROM placements WHERE id IN ('PL1', 'PL2', 'PL3', 'PL4') ORDER BY id").all()).toEqual([
      { id: 'PL1', daily_cost: 1850 },
      { id: 'PL2', daily_cost: null },
      { id: 'PL3', daily_cost: 6200 },
      { id: 'PL4', daily_cost: null },
    ]);

    const b = await register();
    await b.exchange.importFile(JSON.parse(JSON.stringify(exported)));
    expect((await b.exchange.exportAll()).placements).toEqual(exported.placements);
  });

  it('reads a file written before the daily cost: its placements have none', async () => {
    const { connection, exchange } = await register();
    const withoutCost = structuredClone(full);
    for (const placement of withoutCost.placements) delete placement.dailyCost;
    await exchange.importFile(withoutCost);
    expect(connection.raw.prepare('SELECT count(*) FROM placements WHERE daily_cost IS NOT NULL').pluck().get()).toBe(0);
    expect((await exchange.exportAll()).placements.some((p) => 'dailyCost' in p)).toBe(false);
  });

  it('exports an empty register as a valid file with empty arrays', async () => {
    const { exchange } = await register();
    const exported = await exchange.exportAll();
    expect(exported).toMatchObject({ format: 'placeringskollen-exchange', version: 1, homes: [], placements: [], deviations: [] });
    const again = await register();
    await again.exchange.importFile(exported);
  });
});

describe('import merges by id', () => {
  it('importing the same file twice leaves the database as after once', async () => {
    const { connection, exchange } = await register();
    const first = await exchange.importFile(full);
    const once = dump(connection);
    const second = await exchange.importFile(full);

    expect(dump(connection)).toEqual(once);
    expect(first.homes).toEqual({ created: 7, updated: 0 });
    expect(second.homes).toEqual({ created: 0, updated: 7 });
    expect(second.placements).toEqual({ created: 0, updated: 6 });
  });

  it('updates records with a known id, adds new ones, leaves the rest, and replaces a placement\'s stays', async () => {
    const { exchange } = await register();
    await exchange.importFile(full);

    const summary = await exchange.importFile({
      ...emptyFile,
      homes: [
        { id: 'H1', kind: 'hvb', name: 'Solgläntans HVB (nytt namn)' },
        { id: 'F9', kind: 'familjehem', name: 'Familjen Gran' },
      ],
      placements: [
        { ...full.placements[0], stays: [
          { homeId: 'F1', form: 'familjehem', from: '2025-02-03', to: '2025-06-01' },
          { homeId: 'F9', form: 'familjehem', from: '2025-06-01' },
        ] },
      ],
    });
    expect(summary.homes).toEqual({ created: 1, updated: 1 });
    expect(summary.placements).toEqual({ created: 0, updated: 1 });

    const exported = await exchange.exportAll();
    // A record is replaced whole: fields absent from the file are emptied.
    expect(exported.homes.find((h) => h.id === 'H1')).toEqual({ id: 'H1', kind: 'hvb', name: 'Solgläntans HVB (nytt namn)', status: 'aktiv' });
    expect(exported.homes).toHaveLength(8);
    expect(exported.placements.find((p) => p.id === 'PL1')?.stays).toEqual([
      { homeId: 'F1', form: 'familjehem', from: '2025-02-03', to: '2025-06-01' },
      { homeId: 'F9', form: 'familjehem', from: '2025-06-01' },
    ]);
    expect(exported.placements.find((p) => p.id === 'PL3')?.stays).toHaveLength(3);
  });

  it('accepts references to ids that are already in the database', async () => {
    const { exchange } = await register();
    await exchange.importFile(full);
    const summary = await exchange.importFile({
      ...emptyFile,
      persons: [{ id: 'P9', homeId: 'F1', name: 'Gun Ek', role: 'annan-vuxen' }],
      registerChecks: [{ id: 'RC9', personId: 'P1', register: 'belastningsregistret', checkedOn: '2026-01-10', outcome: 'utan-anmarkning' }],
      placements: [
        { id: 'PL9', childId: 'C1', legalBasis: 'LVU2', decidedOn: '2025-10-01', startedOn: '2025-10-01',
          stays: [{ homeId: 'J1', form: 'jourhem', from: '2025-10-01' }] },
      ],
      events: [{ id: 'E99', placementId: 'PL1', type: 'barnsamtal', date: '2025-10-15' }],
    });
    expect(summary.events).toEqual({ created: 1, updated: 0 });
  });
});

describe('checkFile: the import\'s checks without the import', () => {
  it('accepts a good file and writes nothing', async () => {
    const { connection, exchange } = await register();
    await exchange.checkFile(full);
    for (const rows of Object.values(dump(connection))) expect(rows).toEqual([]);
  });

  it('rejects a bad file with the same VALIDATION error and problems as importFile', async () => {
    const { exchange } = await register();
    const file = structuredClone(full);
    file.children[0].protectedIdentity = '';
    const checked = await failure(exchange.checkFile(file));
    const imported = await failure(exchange.importFile(file));
    expect(checked.code).toBe('VALIDATION');
    expect(checked.message).toBe(imported.message);
    expect(checked.issues).toEqual(imported.issues);
    expect(checked.issues.map((i) => i.path)).toEqual(['/children/0/protectedIdentity']);
  });

  it('judges references against the database', async () => {
    const { exchange } = await register();
    const addition = { ...emptyFile, persons: [{ id: 'P9', homeId: 'F1', name: 'Gun Ek', role: 'annan-vuxen' }] };
    expect((await failure(exchange.checkFile(addition))).issues.map((i) => i.path)).toEqual(['/persons/0/homeId']);
    await exchange.importFile(full);
    await exchange.checkFile(addition);
  });
});

describe('a bad daily cost', () => {
  it('is refused with its path and a Swedish message, and nothing is written', async () => {
    const { connection, exchange } = await register();
    const bad = structuredClone(full);
    bad.placements[0].dailyCost = 1850.5;
    bad.placements[2].dailyCost = -200;
    const error = await failure(exchange.importFile(bad));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([
      { path: '/placements/0/dailyCost', message: 'ska vara ett heltal, inte 1850.5' },
      { path: '/placements/2/dailyCost', message: 'ska vara minst 0' },
    ]);
    expect(connection.raw.prepare('SELECT count(*) FROM placements').pluck().get()).toBe(0);
  });

  it('a file that leaves it out empties it, as any optional field (the record is replaced whole)', async () => {
    const { connection, exchange } = await register();
    await exchange.importFile(full);
    const again = structuredClone(full);
    delete again.placements[0].dailyCost;
    await exchange.importFile(again);
    expect(connection.raw.prepare("SELECT daily_cost FROM placements WHERE id = 'PL1'").pluck().get()).toBeNull();
  });
});

describe('a bad file writes nothing', () => {
  it('rejects the whole file when one field of one record is wrong, and reports its path', async () => {
    const { connection, exchange } = await register();
    const file = structuredClone(full);
    file.deviations[3].reportedOn = '2024-02-30';

    const error = await failure(exchange.importFile(file));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Filen innehåller fel och har inte lästs in.');
    expect(error.issues).toEqual([{ path: '/deviations/3/reportedOn', message: 'inte ett giltigt datum: 2024-02-30' }]);
    for (const rows of Object.values(dump(connection))) expect(rows).toEqual([]);
  });

  it('leaves a filled register untouched', async () => {
    const { connection, exchange } = await register();
    await exchange.importFile(full);
    const before = dump(connection);
    const file = structuredClone(full);
    file.homes[0].name = 'Ändrat namn';
    file.persons.push({ id: 'P8', homeId: 'H404', name: 'Ingen', role: 'annan-vuxen' });

    const error = await failure(exchange.importFile(file));
    expect(error.issues).toEqual([{ path: '/persons/5/homeId', message: 'hänvisar till hem "H404" som inte finns' }]);
    expect(dump(connection)).toEqual(before);
  });

  it('rolls back everything when the database fails halfway through the writes (one transaction)', async () => {
    const { connection, exchange } = await register();
    // The last record written fails inside SQLite, after every other table has been written.
    connection.raw.exec(`CREATE TRIGGER fail_late BEFORE INSERT ON deviations WHEN NEW.id = 'D4'
      BEGIN SELECT RAISE(ABORT, 'simulerat fel'); END`);

    await expect(exchange.importFile(full)).rejects.toThrow('simulerat fel');
    for (const rows of Object.values(dump(connection))) expect(rows).toEqual([]);
  });

  it('refuses to change the kind of a home whose stays in the database have another form', async () => {
    const { exchange } = await register();
    await exchange.importFile(full);
    const error = await failure(exchange.importFile({ ...emptyFile, homes: [{ id: 'F1', kind: 'jourhem', name: 'Familjen Ek' }] }));
    expect(error.issues.map((i) => i.path)).toEqual(['/homes/0/kind']);
  });

  it('allows that change when the same file replaces all those stays', async () => {
    const { exchange } = await register();
    await exchange.importFile(full);
    const asJourhem = (p: Json) => ({ ...p, stays: p.stays.map((s: Json) => ({ ...s, form: 'jourhem' })) });
    await exchange.importFile({
      ...emptyFile,
      homes: [{ id: 'F1', kind: 'jourhem', name: 'Familjen Ek' }],
      placements: full.placements.filter((p: Json) => ['PL1', 'PL6'].includes(p.id)).map(asJourhem),
    });
    expect((await exchange.exportAll()).homes.find((h) => h.id === 'F1')?.kind).toBe('jourhem');
  });

  it('refuses to make a home whose household is in the database an HVB, unless the file moves the household', async () => {
    const { exchange } = await register();
    const household = {
      ...emptyFile,
      homes: [{ id: 'F9', kind: 'familjehem', name: 'Familjen Exempelsson' }],
      persons: [{ id: 'P9', homeId: 'F9', name: 'Anna Exempelsson', role: 'uppdragstagare' }],
    };
    await exchange.importFile(household);
    const asHvb = { id: 'F9', kind: 'hvb', name: 'Exempelgårdens HVB', operator: 'enskild' };

    const error = await failure(exchange.importFile({ ...emptyFile, homes: [asHvb] }));
    expect(error.issues.map((i) => i.path)).toEqual(['/homes/0/kind']);

    await exchange.importFile({
      ...emptyFile,
      homes: [asHvb, { id: 'F10', kind: 'familjehem', name: 'Familjen Exempelsson' }],
      persons: [{ ...household.persons[0], homeId: 'F10' }],
    });
    expect((await exchange.exportAll()).persons).toEqual([{ ...household.persons[0], homeId: 'F10' }]);
  });
});
