/**
 * Migration 4 (the new socialtjänstlag, issue 10) on a database written by version 3: a register
 * that saved its table of legal references gets rules.md's numbering from 2025-07-01, without
 * losing a municipality's own rows.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../../main/db/connection';
import { currentVersion, migrate } from '../../../main/db/migrate';
import { latestVersion, migrations } from '../../../main/db/migrations';
import { defaultLegalReferences, legalReferenceOn, type LegalReference } from '../../../main/domain/rule-settings';
import { createSettingsService } from '../../../main/services/settings';
import { useTempDir } from '../services/harness';
import { testClock } from '../../clock';

const tmp = useTempDir('pk-migration-4-');

/** The table as versions 1–3 shipped it: one open-ended row per rule, the old numbering. */
const shipped: LegalReference[] = (
  [
    ['sol-overvagande', 'SoL 6 kap. 8 §'],
    ['lvu-overvagande', 'LVU 13 § första st.'],
    ['lvu-omprovning', 'LVU 13 § andra st.'],
    ['vardnadsoverflyttning', 'SoL 6 kap. 8 b §; LVU 13 §'],
    ['jourhem-tidsgrans', 'SoL 6 kap. 6 §'],
    ['barnsamtal', 'Socialstyrelsens allmänna råd'],
    ['vardplan', 'SoL 11 kap. 3 §; SoF 5 kap. 1 a §'],
    ['genomforandeplan', 'SoL 11 kap. 3 §; SOSFS 2012:11'],
    ['halsoundersokning', 'SoL 11 kap. 3 a §; lag 2017:209'],
    ['uppfoljning-efter-lvu', 'lex lilla hjärtat, prop. 2021/22:178'],
    ['fler-an-tre-barn', 'SoF 3 kap. 19 a §'],
    ['registerkontroll', 'SoF 5 kap. 1 b §'],
    ['ivo-tillstand', 'SoL 7 kap. 1 §'],
    ['registerkontroll-fortlopande', 'Lokal rutin (fortlöpande registerkontroller)'],
  ] as const
).map(([rule, reference]) => ({ rule, reference, validFrom: null, validTo: null, note: null }));

/** A register at version 3 that saved `references` as settings version 2; then opened by this version. */
async function fromVersion3(references: LegalReference[] | null): Promise<Connection> {
  const file = path.join(tmp.dir, 'register.sqlite');
  const raw = new BetterSqlite3(file);
  migrate(raw, migrations.slice(0, 3), { databasePath: file });
  if (references !== null) {
    for (const [key, value] of [['legalReferences', references], ['ruleParameters', { leadDays: 20 }]] as const) {
      raw.prepare("INSERT INTO settings (key, value, version, changed_at) VALUES (?, ?, 2, '2026-05-01T08:00:00.000Z')").run(key, JSON.stringify(value));
      raw.prepare("INSERT INTO settings_history (key, version, value, changed_at) VALUES (?, 2, ?, '2026-05-01T08:00:00.000Z')").run(key, JSON.stringify(value));
    }
  }
  raw.close();
  const connection = tmp.closeAfter(await openDatabase(file, { backupDir: path.join(tmp.dir, 'kopior') }));
  expect(currentVersion(connection.raw)).toBe(latestVersion);
  return connection;
}

const effective = (connection: Connection) => createSettingsService(connection.db, testClock()).effective();
const stored = (connection: Connection) =>
  JSON.parse(connection.raw.prepare("SELECT value FROM settings WHERE key = 'legalReferences'").pluck().get() as string) as LegalReference[];

describe('migration 4: the legal references of the new socialtjänstlag', () => {
  it('replaces a table saved as shipped with rules.md’s table, as a new settings version kept in the history', async () => {
    const connection = await fromVersion3(shipped);
    const settings = await effective(connection);
    expect(settings.references).toEqual(defaultLegalReferences);
    // Version 3 is migration 4's; migration 12 adds lex Sarah's rows as version 4.
    expect(settings.version).toBe(4);
    expect(settings.parameters.leadDays).toBe(20);
    expect(connection.raw.prepare("SELECT version FROM settings_history WHERE key = 'legalReferences' ORDER BY version").pluck().all()).toEqual([2, 3, 4]);
    // A deadline due in 2026 now cites the law then in force.
    expect(legalReferenceOn(settings.references, 'sol-overvagande', '2026-02-28')).toBe('SoL 22 kap. 13 §');
    expect(legalReferenceOn(settings.references, 'sol-overvagande', '2025-06-30')).toBe('SoL 6 kap. 8 §');
  });

  it('keeps a municipality’s own row and adds the new numbering from 2025-07-01 beside it', async () => {
    const own = { rule: 'sol-overvagande' as const, reference: 'SoL 6 kap. 8 § (kommunens lydelse)', validFrom: null, validTo: null, note: 'Vår tolkning.' };
    const connection = await fromVersion3(shipped.map((row) => (row.rule === 'sol-overvagande' ? own : row)));
    const rows = stored(connection).filter((row) => row.rule === 'sol-overvagande');
    expect(rows).toEqual([
      own,
      { rule: 'sol-overvagande', reference: 'SoL 22 kap. 13 §', validFrom: '2025-07-01', validTo: null, note: 'Ny numrering från 2025-07-01, tillagd vid uppdatering av Placeringskollen.' },
    ]);
    const { references } = await effective(connection);
    expect(legalReferenceOn(references, 'sol-overvagande', '2025-06-30')).toBe(own.reference);
    expect(legalReferenceOn(references, 'sol-overvagande', '2025-07-01')).toBe('SoL 22 kap. 13 §');
    // The other rules got rules.md's rows.
    expect(references.filter((row) => row.rule === 'vardplan')).toEqual(defaultLegalReferences.filter((row) => row.rule === 'vardplan'));
  });

  it('adds nothing to a rule for which the municipality already has a row from 2025-07-01, and keeps a removed rule removed', async () => {
    const ownNew = { rule: 'vardplan' as const, reference: 'SoL 9 kap. 12 § (egen rad)', validFrom: '2025-07-01', validTo: null, note: null };
    const ownOld = { rule: 'vardplan' as const, reference: 'SoL 11 kap. 3 § (egen)', validFrom: null, validTo: '2025-06-30', note: null };
    const table = [...shipped.filter((row) => row.rule !== 'vardplan' && row.rule !== 'barnsamtal'), ownOld, ownNew];
    const connection = await fromVersion3(table);
    const rows = stored(connection);
    expect(rows.filter((row) => row.rule === 'vardplan')).toEqual([ownOld, ownNew]);
    expect(rows.filter((row) => row.rule === 'barnsamtal')).toEqual([]);
  });

  it('writes nothing for a register that never saved its table: the defaults of the code apply', async () => {
    const connection = await fromVersion3(null);
    expect(connection.raw.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
    expect((await effective(connection)).references).toEqual(defaultLegalReferences);
  });

  it('writes nothing when the table already has the new numbering', async () => {
    const connection = await fromVersion3(defaultLegalReferences);
    expect(connection.raw.prepare("SELECT version FROM settings WHERE key = 'legalReferences'").pluck().get()).toBe(2);
    expect(stored(connection)).toEqual(defaultLegalReferences);
  });
});
