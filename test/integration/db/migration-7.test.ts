/**
 * Migration 7 (issue 10): the kommun was free text. A register written by version 6 holds "örebro"
 * beside "Örebro"; opened by this version, what names a municipality gets its official name and
 * anything else is left for the user to choose when the home is next saved.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection';
import { currentVersion, migrate } from '../../../main/db/migrate';
import { latestVersion, migrations } from '../../../main/db/migrations';
import { createHomesService } from '../../../main/services/homes';
import { issuesOf, useTempDir } from '../services/harness';
import { testClock } from '../../clock';

const tmp = useTempDir('pk-migration-7-');

/** Homes as version 6 let the user write them: id → kommun as typed. */
const typed: Record<string, string | null> = {
  H1: 'Örebro',
  H2: 'örebro',
  H3: 'ÖREBRO ',
  H4: 'upplands  väsby',
  H5: 'upplands bro',
  H6: 'malmö',
  H7: 'Orebro', // ö is a letter of its own: not Örebro
  H8: 'Exempelstad',
  H9: null,
};

async function fromVersion6() {
  const file = path.join(tmp.dir, 'register.sqlite');
  const raw = new BetterSqlite3(file);
  migrate(raw, migrations.slice(0, 6), { databasePath: file });
  const insert = raw.prepare("INSERT INTO homes (id, kind, name, municipality) VALUES (?, 'familjehem', ?, ?)");
  for (const [id, municipality] of Object.entries(typed)) insert.run(id, `Familjen ${id}`, municipality);
  raw.close();
  const connection = tmp.closeAfter(await openDatabase(file, { backupDir: path.join(tmp.dir, 'kopior') }));
  expect(currentVersion(connection.raw)).toBe(latestVersion);
  return connection;
}

describe('migration 7: a home’s kommun by its official name', () => {
  it('normalises what names a municipality, Swedish-aware, and leaves the rest as it was', async () => {
    const connection = await fromVersion6();
    const rows = connection.raw.prepare('SELECT id, municipality FROM homes ORDER BY id').all() as { id: string; municipality: string | null }[];
    expect(Object.fromEntries(rows.map((row) => [row.id, row.municipality]))).toEqual({
      H1: 'Örebro',
      H2: 'Örebro',
      H3: 'Örebro',
      H4: 'Upplands Väsby',
      H5: 'Upplands-Bro',
      H6: 'Malmö',
      H7: 'Orebro',
      H8: 'Exempelstad',
      H9: null,
    });
  });

  it('a kommun it left as it was must be chosen from the list when the home is next saved', async () => {
    const connection = await fromVersion6();
    const homes = createHomesService(connection.db, testClock());
    const home = await homes.get('H8');
    expect(home.municipality).toBe('Exempelstad');
    const { id, active: _active, persons: _persons, ...fields } = home;
    expect(await issuesOf(homes.save({ id, ...fields, persons: [] }))).toEqual({
      code: 'VALIDATION',
      message: 'Hemmet kunde inte sparas.',
      issues: [{ path: '/municipality', message: 'Ingen av Sveriges 290 kommuner heter "Exempelstad". Välj kommunen i listan.' }],
    });
    expect((await homes.save({ id, ...fields, municipality: 'lekeberg', persons: [] })).municipality).toBe('Lekeberg');
  });
});
