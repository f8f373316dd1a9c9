/**
 * The command line on the shared register (issue 18): `--db postgres://…` opens it (migrated under
 * the lock, the password from PGPASSWORD when the address has none); a wrong address is a mistake
 * in the arguments (exit 2), a server that says no is not (exit 1); and copies of it are the
 * database's, not the program's.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importedRegister } from '../cli-harness';
import { adminUrl, urlOf, useTestDatabase } from './harness';

const fixture = fileURLToPath(new URL('../../fixtures/exchange/full.json', import.meta.url));

describe.runIf(adminUrl)('the command line on a shared register', () => {
  const { cli } = importedRegister(fixture, 'pk-cli-shared-');
  const database = useTestDatabase('pk_cli_shared');

  it('exports a register moved there as the local one exports it', async () => {
    const local = await cli(['export', '--db', 'register.sqlite']);
    expect((await cli(['migrate', '--from', 'register.sqlite', '--to', database.url])).code).toBe(0);
    const url = new URL(database.url);
    const password = decodeURIComponent(url.password);
    url.password = '';
    const shared = await cli(['export', '--db', url.toString()], { PGPASSWORD: password });
    expect(shared.stderr).toBe('');
    expect(shared.code).toBe(0);
    expect(JSON.parse(shared.stdout)).toEqual(JSON.parse(local.stdout));
    expect((JSON.parse(shared.stdout) as { homes: unknown[] }).homes.length).toBeGreaterThan(0);
  });

  it('the help says that --db takes a shared register’s address, and where its password comes from', async () => {
    for (const [lang, address, password] of [
      ['sv', /^--db tar en databasfil eller ett gemensamt registers adress: postgres:\/\//m, /^ {2}PGPASSWORD +lösenordet till ett gemensamt register/m],
      ['en', /^--db takes a database file or a shared register's address: postgres:\/\//m, /^ {2}PGPASSWORD +the shared register's password/m],
    ] as const) {
      const help = await cli(['--help', '--lang', lang]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(address);
      expect(help.stdout).toMatch(password);
    }
  });

  it('says what is wrong with an address (exit 2) or a server (exit 1), and leaves copies to the database', async () => {
    const insecure = await cli(['export', '--db', 'postgres://anna@db.kommun.se/reg?sslmode=disable']);
    expect(insecure.code).toBe(2);
    expect(insecure.stderr).toMatch(/^--db: Anslutningen till en databasserver på nätverket måste vara krypterad/);
    const missing = await cli(['export', '--db', urlOf('pk_finns_inte')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Databasen pk_finns_inte finns inte/);
    const backup = await cli(['backup', '--db', database.url]);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toMatch(/säkerhetskopieras och återställs av databasen/);
    // Said before any copy is looked for: a shared register has none of the program's.
    const restore = await cli(['restore', '--db', database.url, '--from', 'saknas.sqlite']);
    expect(restore.code).toBe(2);
    expect(restore.stderr).toMatch(/säkerhetskopieras och återställs av databasen/);
  });
});
