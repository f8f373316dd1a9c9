/**
 * Migration 3 (register checks, issue 4) on a database written by version 2: a municipality's own
 * register-check numbers move from the rule parameters into the register catalogue, and the
 * register's checks and events gain their new columns empty.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../../main/db/connection';
import { currentVersion, migrate } from '../../../main/db/migrate';
import { latestVersion, migrations } from '../../../main/db/migrations';
import { defaultRegisterCatalogue, defaultRuleParameters } from '../../../main/domain/rule-settings';
import { createServices } from '../../../main/services';
import { createSettingsService } from '../../../main/services/settings';
import { useTempDir } from '../services/harness';
import { testClock } from '../../clock';

const tmp = useTempDir('pk-migration-3-');

/** A database as version 2 left it, with `setup` run on it; then opened (and so migrated) by this version. */
async function fromVersion2(setup: (raw: BetterSqlite3.Database) => void): Promise<Connection> {
  const file = path.join(tmp.dir, 'register.sqlite');
  const raw = new BetterSqlite3(file);
  migrate(raw, migrations.slice(0, 2), { databasePath: file });
  expect(currentVersion(raw)).toBe(2);
  setup(raw);
  raw.close();
  const connection = await openDatabase(file, { backupDir: path.join(tmp.dir, 'kopior') });
  tmp.closeAfter(connection);
  expect(currentVersion(connection.raw)).toBe(latestVersion);
  return connection;
}

const saveParameters = (raw: BetterSqlite3.Database, value: Record<string, number>, version = 3) => {
  raw
    .prepare("INSERT INTO settings (key, value, version, changed_at) VALUES ('ruleParameters', ?, ?, '2026-05-01T08:00:00.000Z')")
    .run(JSON.stringify(value), version);
};

describe('migration 3: the register catalogue', () => {
  it('carries a municipality’s own maximum age and re-check interval into the catalogue, and keeps the other parameters', async () => {
    const connection = await fromVersion2((raw) =>
      saveParameters(raw, { leadDays: 20, registerkontrollMaxAgeMonths: 18, registerkontrollFortlopandeMonths: 24, ivoTillstandMaxAgeDays: 60 }),
    );
    const effective = await createSettingsService(connection.db, testClock()).effective();

    expect(effective.catalogue).toEqual(
      defaultRegisterCatalogue.map((entry) =>
        entry.register === 'belastningsregistret' || entry.register === 'misstankeregistret' ? { ...entry, maxAgeMonths: 18, recheckMonths: 24 } : entry,
      ),
    );
    expect(effective.parameters).toEqual({ ...defaultRuleParameters, leadDays: 20, ivoTillstandMaxAgeDays: 60 });
    // The same settings version: nothing was saved by anyone.
    expect(effective.version).toBe(3);
    // The old keys are gone from the stored parameters (the parameters' schema is strict).
    const stored = JSON.parse(connection.raw.prepare("SELECT value FROM settings WHERE key = 'ruleParameters'").pluck().get() as string) as object;
    expect(Object.keys(stored).sort()).toEqual(['ivoTillstandMaxAgeDays', 'leadDays']);
  });

  it('a municipality that changed only one of the two numbers gets the default for the other', async () => {
    const connection = await fromVersion2((raw) => saveParameters(raw, { registerkontrollFortlopandeMonths: 6 }));
    const { catalogue } = await createSettingsService(connection.db, testClock()).effective();
    expect(catalogue.filter((e) => e.required).map((e) => [e.register, e.maxAgeMonths, e.recheckMonths])).toEqual([
      ['belastningsregistret', 12, 6],
      ['misstankeregistret', 12, 6],
    ]);
  });

  it('without settings of its own, a municipality gets rules.md’s catalogue and nothing is stored', async () => {
    const connection = await fromVersion2(() => {});
    const settings = createSettingsService(connection.db, testClock());
    expect((await settings.effective()).catalogue).toEqual(defaultRegisterCatalogue);
    expect(connection.raw.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
    // The settings page shows the catalogue, and a save stores it beside the parameters.
    const shown = await settings.get();
    expect(shown.catalogue).toEqual(defaultRegisterCatalogue);
    await settings.save({ parameters: {}, references: shown.references, catalogue: shown.catalogue, version: 0, changedBy: 'Enhetschef E', reason: 'Test av reglerna.' });
    expect(connection.raw.prepare("SELECT version FROM settings WHERE key = 'registerCatalogue'").pluck().get()).toBe(1);
  });

  it('the carried-over catalogue judges the register: a check 15 months old is not yet due for re-check', async () => {
    const connection = await fromVersion2((raw) => {
      saveParameters(raw, { registerkontrollFortlopandeMonths: 24 });
      raw.exec(`
        INSERT INTO homes (id, kind, name) VALUES ('F1', 'familjehem', 'Familjen Ek');
        INSERT INTO persons (id, home_id, name, role) VALUES ('P1', 'F1', 'Anna Ek', 'uppdragstagare');
        INSERT INTO children (id, birth_date) VALUES ('C1', '2014-03-04');
        INSERT INTO placements (id, child_id, legal_basis, decided_on, started_on) VALUES ('PL1', 'C1', 'SoL', '2025-08-01', '2025-08-01');
        INSERT INTO stays (placement_id, ordinal, home_id, form, from_date) VALUES ('PL1', 0, 'F1', 'familjehem', '2025-08-01');
        INSERT INTO register_checks (id, person_id, register, checked_on, outcome) VALUES
          ('RC1', 'P1', 'belastningsregistret', '2025-08-20', 'utan-anmarkning');
      `);
    });
    const { persons } = await createServices(connection.db, { clock: testClock() }).registerChecks.homeChecks('F1', '2026-11-22');
    expect(persons[0]!.registers[0]).toMatchObject({ register: 'belastningsregistret', dueOn: '2027-08-20', status: 'upcoming' });
  });
});

describe('migration 3: checks and events', () => {
  it('keeps every check and event, with who recorded it, the permit, the history and the verdict empty', async () => {
    const connection = await fromVersion2((raw) =>
      raw.exec(`
        INSERT INTO homes (id, kind, name, operator) VALUES ('H1', 'hvb', 'Solgläntans HVB', 'enskild');
        INSERT INTO register_checks (id, home_id, register, checked_on, outcome, reference) VALUES
          ('RC1', 'H1', 'ivo-tillstand', '2025-03-01', 'giltigt', 'IVO 3.5.1-1234/2019');
        INSERT INTO events (id, home_id, type, date, comment) VALUES ('E1', 'H1', 'ivo-tillsyn', '2025-03-10', 'Inga brister.');
      `),
    );
    expect(connection.raw.prepare('SELECT * FROM register_checks').all()).toEqual([
      {
        id: 'RC1', person_id: null, home_id: 'H1', register: 'ivo-tillstand', checked_on: '2025-03-01', outcome: 'giltigt',
        reference: 'IVO 3.5.1-1234/2019', permit: null, recorded_by: null, recorded_at: null, row_version: 1,
      },
    ]);
    expect(connection.raw.prepare('SELECT * FROM events').all()).toEqual([
      { id: 'E1', placement_id: null, home_id: 'H1', type: 'ivo-tillsyn', date: '2025-03-10', comment: 'Inga brister.', verdict: null },
    ]);
    expect(connection.raw.prepare('SELECT count(*) FROM register_check_history').pluck().get()).toBe(0);

    // A check from before the migration can be corrected: its first version is kept as revision 1.
    const services = createServices(connection.db, { clock: testClock() });
    const corrected = await services.registerChecks.correct(
      {
        id: 'RC1', homeId: 'H1', register: 'ivo-tillstand', checkedOn: '2025-03-01', outcome: 'giltigt', reference: 'IVO 3.5.1-1234/2019',
        permit: { forms: ['hvb'], minAge: 13, maxAge: 17, places: null, targetGroup: null, holderOrgNr: null },
        recordedBy: 'Handläggare A', reason: 'Omfattningen lades till.', rowVersion: 1,
      },
    );
    expect(corrected).toMatchObject({ revisions: 1, recordedBy: 'Handläggare A' });
    expect((await services.registerChecks.homeChecks('H1', '2026-11-22')).history).toEqual([
      expect.objectContaining({ checkId: 'RC1', revision: 1, permit: null, recordedBy: null, recordedAt: null, changedBy: 'Handläggare A' }),
    ]);
  });

  it('the verdict column accepts only IVO’s verdicts', async () => {
    const connection = await fromVersion2((raw) => raw.exec("INSERT INTO homes (id, kind, name) VALUES ('H1', 'hvb', 'Solgläntans HVB');"));
    const insert = (verdict: string) =>
      connection.raw.prepare("INSERT INTO events (id, home_id, type, date, verdict) VALUES (?, 'H1', 'ivo-tillsyn', '2025-03-10', ?)").run(verdict, verdict);
    expect(() => insert('kritik')).not.toThrow();
    expect(() => insert('beröm')).toThrow(/CHECK constraint/);
  });
});
