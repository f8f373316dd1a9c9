/**
 * The setup the command-line tests share: a fresh folder with a fixture imported through the
 * command line, the command line run in this process (output captured), and the real bin run as
 * a process for exit codes and stdout.
 *
 * The register is on either engine (issue 18): a file in the folder, or a database of its own on
 * the test server (PLACERINGSKOLLEN_TEST_PG). A test file runs its tests on each of `engines`:
 * `for (const engine of engines) describe(`… (${engine})`, …)`, with `--db register.database`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli/index';
import { testClock } from '../clock';
import { adminUrl, createTestDatabase, dropTestDatabase, oneAtATime, urlOf } from './pg/harness';

const bin = fileURLToPath(new URL('../../bin/placeringskollen.mjs', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export const lines = (text: string) => text.split('\n').filter((line) => line !== '');

export type Engine = 'sqlite' | 'postgres';

/** The engines the command-line tests run on: SQLite always, PostgreSQL where the suite has a server. */
export const engines: readonly Engine[] = adminUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/**
 * Imports `fixture` before the file's tests into a fresh register on `engine`: `register.sqlite` in
 * a fresh folder, or a fresh database on the test server (the import through the command line
 * migrates it). The folder, and the database, are removed after.
 */
export function importedRegister(fixture: string, prefix: string, engine: Engine = 'sqlite') {
  let dir = '';
  let pgName = '';
  const inDir = (name: string) => path.join(dir, name);

  /** The command line in this process, from the folder, in Swedish, without a database key. */
  async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await main(args, {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      env: { LANG: 'sv_SE.UTF-8', ...env },
      cwd: dir,
      clock: testClock(),
    });
    return { code, stdout, stderr };
  }

  /** The real bin as a process, from the folder. */
  function spawn(args: string[]): Promise<Run> {
    const { PLACERINGSKOLLEN_DB_KEY: _key, ...inherited } = process.env;
    return new Promise((resolve) => {
      execFile(process.execPath, [bin, ...args], { cwd: dir, env: { ...inherited, LANG: 'sv_SE.UTF-8' } }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      });
    });
  }

  const database = () => (engine === 'postgres' ? urlOf(pgName) : inDir('register.sqlite'));

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    // The app's group roles are the cluster's: one file migrates at a time (pg/harness.ts).
    if (engine === 'postgres') pgName = await createTestDatabase(prefix.replace(/[^a-z0-9]+/g, '_').replace(/_+$/, ''));
    const imported = await (engine === 'postgres' ? oneAtATime(() => cli(['import', fixture, '--db', database()])) : cli(['import', fixture, '--db', database()]));
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (pgName) await dropTestDatabase(pgName);
  });

  return {
    cli,
    spawn,
    inDir,
    engine,
    /** The imported register's address for `--db`: the file's absolute path, or the database's URL. */
    get database() {
      return database();
    },
  };
}

/**
 * What a command that reads the register on a day (`checks`, `deadlines`) refuses, and that it
 * writes nothing: bad arguments (exit 2, one Swedish line each), a database that does not exist
 * (not created), and the file it reads left as it was. The command line's and the file's: SQLite.
 */
export function describeDayCommandRefusals(command: 'checks' | 'deadlines', day: string, register: ReturnType<typeof importedRegister>): void {
  const { cli, spawn, inDir } = register;
  describe(`${command}: invalid arguments (exit 2, one Swedish line each, no database created)`, () => {
    it.each([
      [['--db', 'register.sqlite'], ['--date: saknas']],
      [['--db', 'register.sqlite', '--date', '2025-02-30'], ['--date: datumet 2025-02-30 finns inte']],
      [['--db', 'register.sqlite', '--date', '2025-2-3'], ['--date: inte ett datum i formen ÅÅÅÅ-MM-DD: 2025-2-3']],
      [['--db', 'register.sqlite', '--date'], ['--date: behöver ett värde']],
      [['--date', day], ['--db: saknas']],
      [['--json'], ['--date: saknas', '--db: saknas']],
      [['extra', '--db', 'register.sqlite', '--date', day], ['för många argument']],
      [['--db', 'register.sqlite', '--date', day, '--out', 'x.json'], ['okänd flagga för det här kommandot: --out']],
    ])(`${command} %j`, async (args, expected) => {
      const run = await cli([command, ...args]);
      expect(run.code).toBe(2);
      expect(lines(run.stderr).sort()).toEqual([...expected].sort());
      expect(run.stdout).toBe('');
    });

    it('refuses a database that does not exist, and does not create it', async () => {
      const run = await cli([command, '--db', 'saknas.sqlite', '--date', day, '--json']);
      expect(run.code).toBe(2);
      expect(lines(run.stderr)).toEqual([`Databasen finns inte: ${inDir('saknas.sqlite')}`]);
      expect(run.stdout).toBe('');
      expect(fs.existsSync(inDir('saknas.sqlite'))).toBe(false);
    });

    it('as a process: exit 2 for a missing database, nothing created', async () => {
      const run = await spawn([command, '--db', 'ingen.sqlite', '--date', day]);
      expect(run.code).toBe(2);
      expect(lines(run.stderr)).toEqual([`Databasen finns inte: ${inDir('ingen.sqlite')}`]);
      expect(fs.existsSync(inDir('ingen.sqlite'))).toBe(false);
    }, 60_000);

    it('leaves the database file it reads unchanged', async () => {
      const unchanged = fs.readFileSync(register.database);
      await cli([command, '--db', 'register.sqlite', '--date', day]);
      await cli([command, '--db', 'register.sqlite', '--date', day, '--json']);
      // WAL: committed changes would show in the -wal file, if anything were written.
      expect(fs.readFileSync(register.database).equals(unchanged)).toBe(true);
      const wal = `${register.database}-wal`;
      expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
    });
  });
}
