/**
 * `placeringskollen backup` and `restore` (issue 17): a checked copy made from the command line, and
 * a copy put back after a copy of the register as it is, refused while someone has the register open.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importedRegister, lines } from './cli-harness';

const fixture = fileURLToPath(new URL('../fixtures/exchange/full.json', import.meta.url));
const more = fileURLToPath(new URL('../fixtures/exchange/sample.json', import.meta.url));
const { cli, inDir } = importedRegister(fixture, 'pk-cli-backup-');
const KEY = '7e'.repeat(32);

describe('backup', () => {
  it('makes a checked copy in sakerhetskopior beside the register, readable by its owner only', async () => {
    const run = await cli(['backup', '--db', 'register.sqlite']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [line] = lines(run.stdout);
    expect(line).toMatch(/^Säkerhetskopian är gjord och kontrollerad: .+\/sakerhetskopior\/register\.2026-11-22T09-00-00-\d{3}Z\.manuell\.sqlite \(\d+(,\d)? MB\)\.$/);
    const file = line!.replace(/^Säkerhetskopian är gjord och kontrollerad: /, '').replace(/ \(.*$/, '');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('says what it made as JSON', async () => {
    const run = await cli(['backup', '--db', 'register.sqlite', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'manuell', createdAt: expect.stringMatching(/^2026-11-22T09:00:00\.\d{3}Z$/), bytes: expect.any(Number) });
  });

  it('refuses a register that does not exist (exit 2), and makes none', async () => {
    const run = await cli(['backup', '--db', 'saknas.sqlite']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Databasen finns inte/);
    expect(fs.existsSync(inDir('saknas.sqlite'))).toBe(false);
  });

  it('copies an encrypted register encrypted, and says that the key is needed without it', async () => {
    expect((await cli(['import', fixture, '--db', 'krypterad.sqlite'], { PLACERINGSKOLLEN_DB_KEY: KEY })).code).toBe(0);
    const run = await cli(['backup', '--db', 'krypterad.sqlite', '--json'], { PLACERINGSKOLLEN_DB_KEY: KEY });
    expect(run.code).toBe(0);
    const { file } = JSON.parse(run.stdout) as { file: string };
    expect(() => new BetterSqlite3(file).prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    const withoutKey = await cli(['backup', '--db', 'krypterad.sqlite']);
    expect(withoutKey.code).toBe(1);
    expect(withoutKey.stderr).toMatch(/fel nyckel/);
  });
});

describe('restore', () => {
  const exported = async () => JSON.parse((await cli(['export', '--db', 'register.sqlite'])).stdout) as Record<string, unknown[]>;

  it('puts the copy back, after a copy of the register as it was', async () => {
    const before = await exported();
    const made = JSON.parse((await cli(['backup', '--db', 'register.sqlite', '--json'])).stdout) as { file: string };
    expect((await cli(['import', more, '--db', 'register.sqlite'])).code).toBe(0);
    expect(await exported()).not.toEqual(before);

    const run = await cli(['restore', '--db', 'register.sqlite', '--from', path.basename(made.file)]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [restored, kept] = lines(run.stdout);
    expect(restored).toBe(`Registret är återställt från ${made.file}.`);
    expect(kept).toMatch(/^Registret som det var finns kvar som .+\.fore-aterstallning\.sqlite\.$/);
    expect(await exported()).toEqual(before);
  });

  it('is refused while another program has the register open, and nothing changes', async () => {
    const made = JSON.parse((await cli(['backup', '--db', 'register.sqlite', '--json'])).stdout) as { file: string };
    const other = new BetterSqlite3(inDir('register.sqlite'));
    other.prepare('SELECT count(*) FROM homes').get();
    try {
      const bytes = fs.readFileSync(inDir('register.sqlite'));
      const run = await cli(['restore', '--db', 'register.sqlite', '--from', made.file]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/används av ett annat program/);
      expect(fs.readFileSync(inDir('register.sqlite')).equals(bytes)).toBe(true);
    } finally {
      other.close();
    }
  });

  it('says which copy is missing (exit 2)', async () => {
    const run = await cli(['restore', '--db', 'register.sqlite', '--from', 'finns-inte.sqlite']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('--from: kopian finns inte: finns-inte.sqlite\n');
  });

  it('refuses a file that is not a good copy, and touches nothing', async () => {
    fs.writeFileSync(inDir('trasig.sqlite'), Buffer.alloc(8192, 3));
    const bytes = fs.readFileSync(inDir('register.sqlite'));
    const copies = fs.readdirSync(inDir('sakerhetskopior')).length;
    const run = await cli(['restore', '--db', 'register.sqlite', '--from', 'trasig.sqlite']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Säkerhetskopian trasig\.sqlite/);
    expect(fs.readFileSync(inDir('register.sqlite')).equals(bytes)).toBe(true);
    expect(fs.readdirSync(inDir('sakerhetskopior'))).toHaveLength(copies);
  });
});
