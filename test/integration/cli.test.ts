/**
 * The command line as a black box (spec/exchange-and-cli.md): the real bin, spawned with the
 * Node that runs the tests (the project's Node 24), from a working directory outside the project.
 * Import and export on the shared register (issue 18) are at the end, on one database of their own.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { engines, importedRegister } from './cli-harness';

const bin = fileURLToPath(new URL('../../bin/placeringskollen.mjs', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/exchange/full.json', import.meta.url));

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh working directory per test, so the tests (each a few process starts) can run concurrently. */
function sandbox() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-cli-'));
  dirs.push(dir);
  const inDir = (name: string) => path.join(dir, name);
  const cli = (args: string[], env: Record<string, string | undefined> = {}): Promise<Run> => {
    const { PLACERINGSKOLLEN_DB_KEY: _key, ...inherited } = process.env;
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [bin, ...args],
        { cwd: dir, env: { ...inherited, LANG: 'sv_SE.UTF-8', ...env }, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  };
  const writeJson = (name: string, value: unknown): string => {
    fs.writeFileSync(inDir(name), JSON.stringify(value));
    return inDir(name);
  };
  return { cli, inDir, writeJson };
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '');
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const mode = (file: string) => fs.statSync(file).mode & 0o777;
const emptyFile = { format: 'placeringskollen-exchange', version: 1 };
// Every test starts the real bin a few times, all at once: on a busy machine they wait for each other.
const spawning = { timeout: 60_000 };
const readFixture = () => JSON.parse(fs.readFileSync(fixture, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.concurrent('help', spawning, () => {
  it('--help prints usage in Swedish and exits 0', async () => {
    const { cli } = sandbox();
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Användning: placeringskollen <kommando>');
    expect(run.stdout).toContain('import <fil> --db <sökväg>');
    expect(run.stderr).toBe('');
  });

  it('speaks English with --lang en or a LANG starting with en', async () => {
    const { cli } = sandbox();
    expect((await cli(['--help', '--lang', 'en'])).stdout).toContain('Usage: placeringskollen <command>');
    expect((await cli(['export', '--help'], { LANG: 'en_GB.UTF-8' })).stdout).toContain('Usage: placeringskollen export --db <path>');
  });

  it('<command> --help describes the command', async () => {
    const { cli } = sandbox();
    const run = await cli(['import', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Användning: placeringskollen import <fil> --db <sökväg>');
  });

  it('without a command prints the usage on stderr and exits 2', async () => {
    const { cli } = sandbox();
    const run = await cli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Användning');
  });
});

describe.concurrent('import and export', spawning, () => {
  it('imports into a new database (exit 0) and exports exactly the JSON on stdout', async () => {
    const { cli, inDir } = sandbox();
    const imported = await cli(['import', fixture, '--db', 'register.sqlite']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('7 nya, 0 uppdaterade');
    expect(fs.existsSync(inDir('register.sqlite'))).toBe(true);

    const exported = await cli(['export', '--db', 'register.sqlite']);
    expect(exported.code).toBe(0);
    const file = JSON.parse(exported.stdout) as { homes: unknown[]; placements: unknown[] };
    expect(exported.stdout).toBe(`${JSON.stringify(file, null, 2)}\n`);
    expect(file.homes).toHaveLength(7);
    expect(file.placements).toHaveLength(6);
  });

  it('export --out writes the file and keeps stdout empty; re-importing it gives the same export', async () => {
    const { cli, inDir } = sandbox();
    await cli(['import', fixture, '--db', 'a.sqlite']);
    const exported = await cli(['export', '--db', 'a.sqlite', '--out', 'a.json']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe('');
    expect(exported.stderr).toContain('a.json');

    expect((await cli(['import', 'a.json', '--db', 'b.sqlite'])).code).toBe(0);
    const again = await cli(['export', '--db', 'b.sqlite']);
    expect(again.stdout).toBe(fs.readFileSync(inDir('a.json'), 'utf8'));
  });

  it('import --json prints the summary as one JSON value', async () => {
    const { cli } = sandbox();
    const run = await cli(['import', fixture, '--db', 'register.sqlite', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ homes: { created: 7, updated: 0 }, events: { created: 12, updated: 0 } });
  });

  it('uses PLACERINGSKOLLEN_DB_KEY for an encrypted database', async () => {
    const { cli, inDir } = sandbox();
    const key = { PLACERINGSKOLLEN_DB_KEY: '0123456789abcdef'.repeat(4) };
    expect((await cli(['import', fixture, '--db', 'secret.sqlite'], key)).code).toBe(0);
    expect((await cli(['export', '--db', 'secret.sqlite'], key)).code).toBe(0);

    const withoutKey = await cli(['export', '--db', 'secret.sqlite']);
    expect(withoutKey.code).toBe(1);
    expect(lines(withoutKey.stderr)).toEqual([
      `Databasen kunde inte öppnas: fel nyckel eller inte en Placeringskollen-databas. Databas: ${inDir('secret.sqlite')}`,
    ]);
  });

  it('an empty or weak PLACERINGSKOLLEN_DB_KEY is refused with exit 2, and no database is made (issue 17, defect 6)', async () => {
    const { cli, inDir } = sandbox();
    for (const value of ['', 'test-nyckel']) {
      const run = await cli(['import', fixture, '--db', 'nyckel.sqlite'], { PLACERINGSKOLLEN_DB_KEY: value });
      expect(run.code).toBe(2);
      expect(lines(run.stderr)).toEqual(['Nyckeln (PLACERINGSKOLLEN_DB_KEY) ska vara 64 hexadecimala tecken, 256 slumpade bitar, till exempel från "openssl rand -hex 32".']);
      expect(fs.existsSync(inDir('nyckel.sqlite'))).toBe(false);
    }
  });

  it('export --out writes a file readable by its owner only, and replaces an existing file with one', async () => {
    const { cli, inDir } = sandbox();
    await cli(['import', fixture, '--db', 'register.sqlite']);
    expect((await cli(['export', '--db', 'register.sqlite', '--out', 'ny.json'])).code).toBe(0);
    expect(mode(inDir('ny.json'))).toBe(0o600);

    // An old export that anyone could read must not pass its mode on to the new one.
    fs.writeFileSync(inDir('gammal.json'), 'gammalt innehåll');
    fs.chmodSync(inDir('gammal.json'), 0o644);
    const run = await cli(['export', '--db', 'register.sqlite', '--out', 'gammal.json']);
    expect(run.code).toBe(0);
    expect(mode(inDir('gammal.json'))).toBe(0o600);
    expect(fs.readFileSync(inDir('gammal.json'), 'utf8')).toBe(fs.readFileSync(inDir('ny.json'), 'utf8'));
    // Written beside the target and renamed over it: no temporary file is left behind.
    expect(fs.readdirSync(inDir('.')).filter((f) => f.endsWith('.json')).sort()).toEqual(['gammal.json', 'ny.json']);
    expect(fs.readdirSync(inDir('.')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('checks a file against the existing database: references to its records are good there, not for a new database', async () => {
    const { cli, inDir, writeJson } = sandbox();
    await cli(['import', fixture, '--db', 'register.sqlite']);
    const file = writeJson('tillagg.json', { ...emptyFile, persons: [{ id: 'P9', homeId: 'F1', name: 'Gun Ek', role: 'annan-vuxen' }] });

    expect((await cli(['import', file, '--db', 'register.sqlite'])).code).toBe(0);
    const fresh = await cli(['import', file, '--db', 'ny.sqlite']);
    expect(fresh.code).toBe(2);
    expect(lines(fresh.stderr)).toEqual(['Filen innehåller fel och har inte lästs in.', '/persons/0/homeId: hänvisar till hem "F1" som inte finns']);
    expect(fs.existsSync(inDir('ny.sqlite'))).toBe(false);
  });

  it('imports the same home twice (same org.nr) with a warning naming both, in the text and in --json', async () => {
    const { cli, writeJson } = sandbox();
    const file = writeJson('dubbel.json', {
      ...emptyFile,
      homes: [
        { id: 'H1', kind: 'hvb', name: 'Solgläntans HVB', orgNr: '556677-8899', operator: 'enskild' },
        { id: 'H2', kind: 'hvb', name: 'Solgläntan', orgNr: '5566778899', operator: 'enskild' },
        { id: 'F1', kind: 'familjehem', name: 'Familjen Ek', municipality: 'Timrå' },
      ],
    });
    const run = await cli(['import', file, '--db', 'register.sqlite']);
    expect(run.code).toBe(0);
    expect(lines(run.stdout).at(-1)).toBe(
      'Varning: Hemmen H1 (Solgläntans HVB) och H2 (Solgläntan) har samma org.nr 556677-8899: kan det vara samma hem två gånger?',
    );
    const again = writeJson('ek.json', { ...emptyFile, homes: [{ id: 'F2', kind: 'familjehem', name: 'familjen ek', municipality: 'Timrå' }] });
    const json = await cli(['import', again, '--db', 'register.sqlite', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      homes: { created: 1, updated: 0 },
      warnings: ['Hemmen F1 (Familjen Ek) och F2 (familjen ek) har samma namn och kommun: kan det vara samma hem två gånger?'],
    });
  });

  it('importing a file without records says whether it created the database or left it unchanged', async () => {
    const { cli, inDir, writeJson } = sandbox();
    const file = writeJson('tom.json', emptyFile);
    const created = await cli(['import', file, '--db', 'register.sqlite']);
    expect(created.code).toBe(0);
    expect(created.stdout).toBe(`Databasen skapades; ${file} innehöll inga poster.\n`);
    expect(fs.existsSync(inDir('register.sqlite'))).toBe(true);

    const unchanged = await cli(['import', file, '--db', 'register.sqlite']);
    expect(unchanged.stdout).toBe(`${file} innehöll inga poster; databasen är oförändrad.\n`);
  });
});

describe.concurrent('exit code 2: invalid input or arguments, nothing written', spawning, () => {
  it('reports each problem of a bad file on its own line with its JSON path, and creates no database', async () => {
    const { cli, inDir, writeJson } = sandbox();
    const file = readFixture();
    file.placements[3].stays[0].from = '2025-02-30';
    file.homes[0].kind = 'foo';
    const run = await cli(['import', writeJson('bad.json', file), '--db', 'register.sqlite']);

    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      'Filen innehåller fel och har inte lästs in.',
      '/homes/0/kind: okänt värde "foo"; tillåtna: hvb, stodboende, familjehem, jourhem, natverkshem, sis',
      '/placements/3/stays/0/from: inte ett giltigt datum: 2025-02-30',
    ]);
    expect(run.stdout).toBe('');
    expect(fs.existsSync(inDir('register.sqlite'))).toBe(false);
  });

  it('writes nothing to an existing database when the file has an error', async () => {
    const { cli, writeJson } = sandbox();
    await cli(['import', fixture, '--db', 'register.sqlite']);
    const before = (await cli(['export', '--db', 'register.sqlite'])).stdout;
    const file = readFixture();
    file.homes[0].name = 'Nytt namn';
    file.persons[0].homeId = 'H404';

    const run = await cli(['import', writeJson('bad.json', file), '--db', 'register.sqlite']);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toContain('/persons/0/homeId: hänvisar till hem "H404" som inte finns');
    expect((await cli(['export', '--db', 'register.sqlite'])).stdout).toBe(before);
  });

  it('rejects a file that is not JSON at all', async () => {
    const { cli, inDir } = sandbox();
    fs.writeFileSync(inDir('broken.json'), '{ "format": ');
    const run = await cli(['import', 'broken.json', '--db', 'register.sqlite']);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/^Filen är inte giltig JSON: /);
    expect(fs.existsSync(inDir('register.sqlite'))).toBe(false);
  });

  it('rejects a missing file', async () => {
    const { cli } = sandbox();
    const run = await cli(['import', 'nowhere.json', '--db', 'register.sqlite']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Filen finns inte:');
  });

  it('export of a database that does not exist is an error, and does not create it', async () => {
    const { cli, inDir } = sandbox();
    const run = await cli(['export', '--db', 'missing.sqlite']);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([`Databasen finns inte: ${inDir('missing.sqlite')}`]);
    expect(fs.existsSync(inDir('missing.sqlite'))).toBe(false);
  });

  it('reports every argument problem on its own line', async () => {
    const { cli } = sandbox();
    const run = await cli(['import', 'a.json', 'b.json', '--bogus', '--db']);
    expect(run.code).toBe(2);
    expect(lines(run.stderr).sort()).toEqual(['--db: behöver ett värde', 'för många argument', 'okänd flagga för det här kommandot: --bogus']);
  });

  it('rejects an unknown command', async () => {
    const { cli } = sandbox();
    const run = await cli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Okänt kommando: frobnicate');
  });

  it('report egenkontroll needs the round, and traffsakerhet the kommun', async () => {
    const { cli } = sandbox();
    const run = await cli(['report', 'egenkontroll', '--db', 'register.sqlite', '--out', 'r.pdf', '--kommun', 'Timrå']);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual(['ange granskningsomgången med --round <id> (rapporten egenkontroll gäller en omgång)']);
    const noKommun = await cli(['report', 'traffsakerhet', '--db', 'register.sqlite', '--out', 'r.pdf']);
    expect(noKommun.code).toBe(2);
    expect(lines(noKommun.stderr)).toEqual(['ange kommunen med --kommun <namn> (en av Sveriges 290)']);
  });
});

describe.concurrent('exit code 1: anything else', spawning, () => {
  it('prints one Swedish line and no stack trace; --debug shows the details', async () => {
    const { cli } = sandbox();
    await cli(['import', fixture, '--db', 'register.sqlite']);
    // Writing to a folder that does not exist fails below the command: an unexpected error.
    const run = await cli(['export', '--db', 'register.sqlite', '--out', 'no-such-folder/export.json']);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual(['Ett oväntat fel inträffade. Kör igen med --debug för att se detaljerna.']);

    const debug = await cli(['export', '--db', 'register.sqlite', '--out', 'no-such-folder/export.json', '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toContain('ENOENT');
  });

  it('a database made by a newer version: the clear Swedish line, exit 1, the file unchanged', async () => {
    const { cli, inDir } = sandbox();
    const database = inDir('framtid.sqlite');
    const raw = new BetterSqlite3(database);
    raw.exec('CREATE TABLE framtid (id INTEGER); PRAGMA user_version = 99;');
    raw.close();
    const before = sha256(database);
    const message =
      'Databasen är skapad av en nyare version av Placeringskollen (schemaversion 99). ' +
      `Uppdatera programmet; databasen har inte ändrats. Databas: ${database}`;

    for (const args of [['export', '--db', 'framtid.sqlite'], ['import', fixture, '--db', 'framtid.sqlite']]) {
      const run = await cli(args);
      expect(run.code, args[0]).toBe(1);
      expect(lines(run.stderr), args[0]).toEqual([message]);
      expect(run.stdout).toBe('');
    }
    expect(sha256(database)).toBe(before);
    expect(fs.readdirSync(inDir('.'))).toEqual(['framtid.sqlite']);
  });

  it('a file that is not a database fails with exit 1 and one line', async () => {
    const { cli, inDir } = sandbox();
    fs.writeFileSync(inDir('not-a-db.sqlite'), 'Det här är ingen databas, bara text som är längre än ett SQLite-huvud. '.repeat(20));
    const run = await cli(['export', '--db', 'not-a-db.sqlite']);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).not.toContain('    at ');
  });
});

/**
 * Import and export on the shared register: the real bin with `--db postgres://…`, one after the
 * other on one database that already holds the fixture (a new database per test would be slow).
 * A register there exists before the first import, so "Databasen skapades" is the file's alone.
 */
describe.runIf(engines.includes('postgres'))('import and export on the shared register (postgres)', () => {
  const register = importedRegister(fixture, 'pk-cli-', 'postgres');
  const { spawn: cli, inDir } = register;
  const writeJson = (name: string, value: unknown): string => {
    fs.writeFileSync(inDir(name), JSON.stringify(value));
    return inDir(name);
  };
  const exported = async () => {
    const run = await cli(['export', '--db', register.database]);
    expect(run.code).toBe(0);
    return run.stdout;
  };

  it('exports exactly the JSON on stdout; importing that export again changes nothing', async () => {
    const text = await exported();
    const file = JSON.parse(text) as { homes: unknown[]; placements: unknown[] };
    expect(text).toBe(`${JSON.stringify(file, null, 2)}\n`);
    expect(file.homes).toHaveLength(7);
    expect(file.placements).toHaveLength(6);

    const out = await cli(['export', '--db', register.database, '--out', 'a.json']);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('');
    expect(mode(inDir('a.json'))).toBe(0o600);
    const again = await cli(['import', 'a.json', '--db', register.database, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ homes: { created: 0, updated: 7 }, events: { created: 0, updated: 12 } });
    expect(await exported()).toBe(text);
  }, 60_000);

  it('checks a file against the register: a reference to one of its homes is good there', async () => {
    const file = writeJson('tillagg.json', { ...emptyFile, persons: [{ id: 'P9', homeId: 'F1', name: 'Gun Ek', role: 'annan-vuxen' }] });
    const run = await cli(['import', file, '--db', register.database, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ persons: { created: 1, updated: 0 } });
    const persons = (JSON.parse(await exported()) as { persons: { id: string; homeId: string }[] }).persons;
    expect(persons.find((p) => p.id === 'P9')).toMatchObject({ homeId: 'F1', name: 'Gun Ek' });
  }, 60_000);

  it('writes nothing when the file has an error, and says each problem at its path', async () => {
    const before = await exported();
    const file = readFixture();
    file.homes[0].name = 'Nytt namn';
    file.persons[0].homeId = 'H404';
    const run = await cli(['import', writeJson('bad.json', file), '--db', register.database]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toContain('/persons/0/homeId: hänvisar till hem "H404" som inte finns');
    expect(await exported()).toBe(before);
  }, 60_000);

  it('a file without records leaves the register unchanged, and says so', async () => {
    const before = await exported();
    const file = writeJson('tom.json', emptyFile);
    const run = await cli(['import', file, '--db', register.database]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${file} innehöll inga poster; databasen är oförändrad.\n`);
    expect(await exported()).toBe(before);
  }, 60_000);

  it('the same home twice (same org.nr) gets the warning naming both', async () => {
    const file = writeJson('dubbel.json', {
      ...emptyFile,
      homes: [
        { id: 'HD1', kind: 'hvb', name: 'Dubbletten HVB', orgNr: '559900-0014', operator: 'enskild' },
        { id: 'HD2', kind: 'hvb', name: 'Dubbletten', orgNr: '5599000014', operator: 'enskild' },
      ],
    });
    const run = await cli(['import', file, '--db', register.database]);
    expect(run.code).toBe(0);
    expect(lines(run.stdout).at(-1)).toBe('Varning: Hemmen HD1 (Dubbletten HVB) och HD2 (Dubbletten) har samma org.nr 559900-0014: kan det vara samma hem två gånger?');
  }, 60_000);
});
