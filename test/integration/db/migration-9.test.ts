/**
 * Migration 9 (issue 11): a register written by version 8 gets the homes' folded search columns,
 * filled from what it holds, and the triggers that keep them; its homes are found as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection';
import { currentVersion, migrate } from '../../../main/db/migrate';
import { latestVersion, migrations } from '../../../main/db/migrations';
import { createHomesService } from '../../../main/services/homes';
import { useTempDir } from '../services/harness';
import { expectSearchColumnsInStep } from '../search-columns';
import { testClock } from '../../clock';

const tmp = useTempDir('pk-migration-9-');

async function fromVersion8() {
  const file = path.join(tmp.dir, 'register.sqlite');
  const raw = new BetterSqlite3(file);
  migrate(raw, migrations.slice(0, 8), { databasePath: file });
  raw.exec(`
    INSERT INTO homes (id, kind, name, org_nr, operator, municipality, agency, active) VALUES
      ('H1', 'hvb', 'Östergårdens HVB', '556000-0019', 'enskild', 'Timrå', NULL, 1),
      ('H2', 'familjehem', 'Familjen Ek', NULL, NULL, 'Sundsvall', 'Konsulentstöd Exempel AB', 1),
      ('H3', 'familjehem', 'Familjen O${'\u0308'}berg', NULL, NULL, 'Ånge', NULL, 0),
      ('H4', 'jourhem', 'Solbackens jourhem', NULL, NULL, NULL, NULL, 1);
    INSERT INTO persons (id, home_id, name, role, birth_year) VALUES
      ('P1', 'H2', 'Anna Björk', 'uppdragstagare', 1980),
      ('P2', 'H2', 'Lisa Lönn', 'barn-i-hemmet', 2012),
      ('P3', 'H3', 'Émile Zoë', 'uppdragstagare', NULL),
      ('P4', 'H3', 'Örjan Berg', 'annan-vuxen', NULL);
  `);
  raw.close();
  const backupDir = path.join(tmp.dir, 'kopior');
  const connection = tmp.closeAfter(await openDatabase(file, { backupDir }));
  expect(currentVersion(connection.raw)).toBe(latestVersion);
  expect(fs.readdirSync(backupDir)).toEqual([expect.stringMatching(/^register\.[0-9T-]+Z\.fore-migrering-v8\.sqlite$/)]);
  return connection;
}

describe('migration 9: the homes’ folded search columns', () => {
  it('fills them for the homes already in the register, with the adults’ names and not the children’s', async () => {
    const connection = await fromVersion8();
    expectSearchColumnsInStep(connection.raw, 'migrated');
    const stored = connection.raw.prepare("SELECT search_name, search_text, search_org_nr FROM homes WHERE id IN ('H1', 'H2') ORDER BY id").all();
    expect(stored).toEqual([
      { search_name: 'östergårdens hvb', search_text: 'östergårdens hvb\n556000-0019\ntimrå', search_org_nr: '5560000019' },
      { search_name: 'familjen ek', search_text: 'familjen ek\nsundsvall\nkonsulentstöd exempel ab\nanna björk', search_org_nr: null },
    ]);
  });

  it('the migrated homes are found as before, and the triggers keep the columns on the next writes', async () => {
    const connection = await fromVersion8();
    const homes = createHomesService(connection.db, testClock());
    const names = async (query: string) => (await homes.list({ query })).map((home) => home.name);
    // Anna Björk and Konsulentstöd are Familjen Ek's; the decomposed Ö of Öberg folds as the composed one.
    expect(await names('ö')).toEqual(['Familjen Ek', 'Familjen O\u0308berg', 'Östergårdens HVB']);
    expect(await names('öst')).toEqual(['Östergårdens HVB']);
    expect(await names('ost')).toEqual([]);
    expect(await names('5560000019')).toEqual(['Östergårdens HVB']);
    expect(await names('zoe')).toEqual(['Familjen O\u0308berg']);
    expect(await names('lönn')).toEqual([]);
    expect((await homes.search({ query: 'berg', status: 'active' })).hidden).toBe(1);

    const ek = await homes.get('H2');
    await homes.save({
      ...ek,
      name: 'Familjen Ekström',
      targetGroup: null,
      persons: ek.persons.map(({ id, name, role, birthYear }) => ({ id, name: name === 'Anna Björk' ? 'Anna Ström' : name, role, birthYear })),
    });
    expectSearchColumnsInStep(connection.raw, 'saved after the migration');
    expect(await names('ström')).toEqual(['Familjen Ekström']);
    expect(await names('björk')).toEqual([]);
  });

  it('a connection without the Swedish functions cannot write a home: the columns never fall behind', async () => {
    const connection = await fromVersion8();
    await connection.close();
    const raw = new BetterSqlite3(path.join(tmp.dir, 'register.sqlite'));
    try {
      expect(() => raw.prepare("UPDATE homes SET name = 'Familjen Ask' WHERE id = 'H2'").run()).toThrow(/no such function: (sv_lower|log_rows)/);
      expect(raw.prepare("SELECT name, search_name FROM homes WHERE id = 'H2'").get()).toEqual({ name: 'Familjen Ek', search_name: 'familjen ek' });
    } finally {
      raw.close();
    }
  });
});
