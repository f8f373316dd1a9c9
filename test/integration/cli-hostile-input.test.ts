/**
 * Issue 17, the input defects, through the command line: a hostile or broken file gets Swedish
 * lines with where the problem is, exit code 2, and nothing written; what the command line prints
 * never carries a control character to the terminal. Each test failed on the code before the fix.
 *
 * In-process runs (`main` with captured output) from a fresh folder per test. On the shared
 * register (issue 18) the same files are refused against an existing register, which they leave
 * as it was, and what the register holds is printed escaped there too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase } from '../../main/db/connection';
import { openSharedRegister } from '../../main/db/pg/register';
import { afterAll, describe, expect, it } from 'vitest';
/* eslint-disable no-control-regex -- the tests look for control characters */
import { main } from '../../main/cli/index';
import { testClock } from '../clock';
import { engines, importedRegister, lines, type Run } from './cli-harness';

const fixture = fileURLToPath(new URL('../fixtures/exchange/spec-example.json', import.meta.url));
const checksFixture = fileURLToPath(new URL('../fixtures/exchange/checks.json', import.meta.url));

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Anything a terminal would act on: C0 but LF, DEL, C1, the bidi controls, a lone surrogate. */
const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function sandbox() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-cli-hostile-'));
  dirs.push(dir);
  const inDir = (name: string) => path.join(dir, name);
  const cli = async (args: string[]): Promise<Run> => {
    let stdout = '';
    let stderr = '';
    const code = await main(args, {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      env: { LANG: 'sv_SE.UTF-8' },
      cwd: dir,
      clock: testClock(),
    });
    return { code, stdout, stderr };
  };
  /** Writes the text as it is (JSON escapes such as \ud800 stay escapes in the file). */
  const write = (name: string, content: string | Buffer) => {
    fs.writeFileSync(inDir(name), content);
    return name;
  };
  const specText = () => fs.readFileSync(fixture, 'utf8');
  return { dir, inDir, cli, write, specText };
}

/** Exit 2, the Swedish lines, nothing on stdout, no database created. */
function expectRefused(run: Run, database: string) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(run.stderr).not.toMatch(TERMINAL_CONTROL);
  expect(fs.existsSync(database)).toBe(false);
}

describe('defect 1: lone surrogates', () => {
  it('homes "S\\ud800" and "S\\udc00" are refused at their ids, exit 2, no database', async () => {
    const { cli, write, inDir, specText } = sandbox();
    const text = specText()
      .replace('"id": "H1"', '"id": "S\\ud800"')
      .replace('"homeId": "H1"', '"homeId": "S\\ud800"')
      .replace(/"homeId": "H1"/g, '"homeId": "S\\ud800"');
    const file = JSON.parse(text) as { homes: Record<string, unknown>[] };
    expect(file.homes[0]!.id).toBe('S\ud800');
    const run = await cli(['import', write('surrogates.json', text.replace('"id": "F1"', '"id": "S\\udc00"')), '--db', 'register.sqlite']);
    expectRefused(run, inDir('register.sqlite'));
    const out = lines(run.stderr);
    expect(out[0]).toBe('Filen innehåller fel och har inte lästs in.');
    expect(out.some((line) => line.startsWith('/homes/0/id: ') && line.includes('U+D800'))).toBe(true);
    expect(out.some((line) => line.startsWith('/homes/1/id: ') && line.includes('U+DC00'))).toBe(true);
  });
});

describe('defect 2: a file that is not UTF-8', () => {
  it('a Latin-1 file is refused: "filen är inte UTF-8" with the byte and its offset, exit 2, no database', async () => {
    const { cli, write, inDir, specText } = sandbox();
    const latin1 = Buffer.from(specText(), 'latin1');
    const offset = latin1.indexOf(0xe4); // the ä of "Solgläntans"
    expect(offset).toBeGreaterThan(0);
    const run = await cli(['import', write('latin1.json', latin1), '--db', 'register.sqlite']);
    expectRefused(run, inDir('register.sqlite'));
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(`^Filen är inte UTF-8: byte ${offset} \\(0xE4, rad 8, kolumn 21; byten räknas från 0\\) börjar inget giltigt UTF-8-tecken`));
  });

  it('a UTF-8 file with a byte order mark is still read', async () => {
    const { cli, write, specText } = sandbox();
    const run = await cli(['import', write('bom.json', `\uFEFF${specText()}`), '--db', 'register.sqlite']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('defect 3: control characters never reach the terminal', () => {
  it('a home name with an escape sequence is refused at its path, and the line carries no escape', async () => {
    const { cli, write, inDir, specText } = sandbox();
    const text = specText().replace('"Solgläntans HVB"', '"Sol\\u001b]0;pwned\\u0007\\u001b[2J"');
    const run = await cli(['import', write('escape.json', text), '--db', 'register.sqlite']);
    expectRefused(run, inDir('register.sqlite'));
    expect(lines(run.stderr).some((line) => line.startsWith('/homes/0/name: ') && line.includes('U+001B'))).toBe(true);
  });

  it('an unknown key with control characters is named escaped', async () => {
    const { cli, write, inDir, specText } = sandbox();
    const text = specText().replace('"kind": "hvb"', '"kind": "hvb", "x\\u001b[2J\\u202e": 1');
    const run = await cli(['import', write('key.json', text), '--db', 'register.sqlite']);
    expectRefused(run, inDir('register.sqlite'));
    expect(run.stderr).toContain('okänt fält');
  });

  it('a JSON syntax error next to raw control bytes says where (line, column) without echoing them', async () => {
    const { cli, write, inDir } = sandbox();
    const run = await cli(['import', write('broken.json', '{\n  "format": \u001b]0;pwned\u0007\u001b[2J }'), '--db', 'register.sqlite']);
    expectRefused(run, inDir('register.sqlite'));
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/^Filen är inte giltig JSON: /);
    expect(run.stderr).toContain('rad 2');
    expect(run.stderr).toContain('U+001B');
  });

  it('checks prints a name stored with an escape sequence (from before the rule) escaped, not raw', async () => {
    const { cli, inDir } = sandbox();
    expect((await cli(['import', checksFixture, '--db', 'register.sqlite'])).code).toBe(0);
    const connection = await openDatabase(inDir('register.sqlite'));
    connection.raw.prepare('UPDATE homes SET name = ?').run('Ek\u001b]0;pwned\u0007\u001b[2J\u202e\u0085');
    await connection.close();
    const run = await cli(['checks', '--db', 'register.sqlite', '--date', '2025-06-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(run.stdout).toContain('Ek\\u001b]0;pwned\\u0007\\u001b[2J\\u202e\\u0085');
  });

  it('log lists a user name stored with control characters (from before the rule) escaped', async () => {
    const { cli, inDir } = sandbox();
    expect((await cli(['import', fixture, '--db', 'register.sqlite'])).code).toBe(0);
    const connection = await openDatabase(inDir('register.sqlite'));
    connection.raw
      .prepare("INSERT INTO users (id, name, initials, role, created_at) VALUES ('u-x', ?, 'X', 'handlaggare', '2026-01-01T00:00:00.000Z')")
      .run('Ada\u001b[31m\u0007\u202e');
    await connection.close();
    expect((await cli(['import', fixture, '--db', 'register.sqlite', '--user', 'u-x'])).code).toBe(0);
    const run = await cli(['log', '--db', 'register.sqlite']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(run.stdout).toContain('Ada\\u001b[31m\\u0007\\u202e');
  });

  it('an unknown command with control characters is echoed escaped', async () => {
    const { cli } = sandbox();
    const run = await cli(['\u001b[2Jimport']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(TERMINAL_CONTROL);
    expect(run.stderr).toContain('Okänt kommando: \\u001b[2Jimport');
  });
});

describe('defect 4: a 10 MB bad value', () => {
  it('is quoted cut to 80 characters and "…", on one short line', async () => {
    const { cli, write, inDir, specText } = sandbox();
    const text = specText().replace('"birthDate": "2012-03-04"', `"birthDate": "${'9'.repeat(10 * 1024 * 1024)}"`);
    const run = await cli(['import', write('huge.json', text), '--db', 'register.sqlite']);
    expectRefused(run, inDir('register.sqlite'));
    expect(run.stderr.length).toBeLessThan(1000);
    expect(lines(run.stderr)).toContain(`/children/0/birthDate: inte ett datum på formen ÅÅÅÅ-MM-DD: "${'9'.repeat(80)}…"`);
  });
});

describe('defect 7: duplicate keys, NFC, dates out of range', () => {
  it('a key given twice in one object is refused at its path (not the last one silently winning)', async () => {
    const { cli, write, inDir, specText } = sandbox();
    const text = specText().replace('"name": "Solgläntans HVB"', '"name": "Solgläntans HVB", "name": "Annat namn"');
    const run = await cli(['import', write('dup.json', text), '--db', 'register.sqlite']);
    expectRefused(run, inDir('register.sqlite'));
    expect(lines(run.stderr).some((line) => line.startsWith('/homes/0/name: ') && line.includes('två gånger'))).toBe(true);
  });

  it('an id in NFD is refused; an import in NFC after an NFD attempt makes one home', async () => {
    const { cli, write, inDir, specText } = sandbox();
    const nfc = specText().replaceAll('"H1"', '"HÅ1"');
    const nfd = specText().replaceAll('"H1"', `"${'HÅ1'.normalize('NFD')}"`);
    const refused = await cli(['import', write('nfd.json', nfd), '--db', 'register.sqlite']);
    expectRefused(refused, inDir('register.sqlite'));
    expect(lines(refused.stderr).some((line) => line.startsWith('/homes/0/id: ') && line.includes('NFC'))).toBe(true);
    expect((await cli(['import', write('nfc.json', nfc), '--db', 'register.sqlite'])).code).toBe(0);
  });

  it.each(['0000-01-01', '9999-12-31'])('a birth date %s is refused with the range', async (date) => {
    const { cli, write, inDir, specText } = sandbox();
    const run = await cli(['import', write('date.json', specText().replace('"birthDate": "2012-03-04"', `"birthDate": "${date}"`)), '--db', 'register.sqlite']);
    expectRefused(run, inDir('register.sqlite'));
    expect(lines(run.stderr)).toContain(`/children/0/birthDate: ${date} ligger utanför 1900-01-01–2199-12-31`);
  });

  it('--date 9999-12-31 on the command line is refused with the range', async () => {
    const { cli } = sandbox();
    const run = await cli(['deadlines', '--db', 'register.sqlite', '--date', '9999-12-31']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('1900-01-01–2199-12-31');
  });
});

describe.runIf(engines.includes('postgres'))('the shared register (postgres): hostile files leave it as it was, and what it holds is printed escaped', () => {
  const register = importedRegister(checksFixture, 'pk-cli-hostile-', 'postgres');
  const { cli, inDir } = register;
  const specText = () => fs.readFileSync(fixture, 'utf8');
  const exported = async () => (await cli(['export', '--db', register.database])).stdout;
  const stderrHas = (test: (line: string) => boolean) => (run: Run) => expect(lines(run.stderr).some(test)).toBe(true);

  it.each([
    ['lone surrogates', () => specText().replaceAll('"H1"', '"S\\ud800"'), stderrHas((line) => line.startsWith('/homes/0/id: ') && line.includes('U+D800'))],
    ['Latin-1', () => Buffer.from(specText(), 'latin1'), stderrHas((line) => line.startsWith('Filen är inte UTF-8: byte '))],
    ['an escape sequence in a name', () => specText().replace('"Solgläntans HVB"', '"Sol\\u001b]0;pwned\\u0007\\u001b[2J"'), stderrHas((line) => line.startsWith('/homes/0/name: ') && line.includes('U+001B'))],
    ['a key given twice', () => specText().replace('"name": "Solgläntans HVB"', '"name": "Solgläntans HVB", "name": "Annat namn"'), stderrHas((line) => line.startsWith('/homes/0/name: ') && line.includes('två gånger'))],
    ['an id in NFD', () => specText().replaceAll('"H1"', `"${'HÅ1'.normalize('NFD')}"`), stderrHas((line) => line.startsWith('/homes/0/id: ') && line.includes('NFC'))],
    ['a birth date out of range', () => specText().replace('"birthDate": "2012-03-04"', '"birthDate": "9999-12-31"'), stderrHas((line) => line === '/children/0/birthDate: 9999-12-31 ligger utanför 1900-01-01–2199-12-31')],
  ] as const)('%s: exit 2, Swedish lines without control characters, nothing written', async (label, content, check) => {
    const before = await exported();
    fs.writeFileSync(inDir(`${label}.json`), content());
    const run = await cli(['import', `${label}.json`, '--db', register.database]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).not.toMatch(TERMINAL_CONTROL);
    check(run);
    expect(await exported()).toBe(before);
  });

  it('checks and log print a name stored with control characters (from before the rule) escaped', async () => {
    const shared = await openSharedRegister(register.database);
    try {
      await sql`UPDATE homes SET name = ${'Ek\u001b]0;pwned\u0007\u001b[2J\u202e\u0085'}`.execute(shared.db);
      // The log names the login's user (session_user): this one is the test login's.
      await sql`INSERT INTO users (id, name, initials, role, units, active, created_at, db_login)
        VALUES ('u-x', ${'Ada\u001b[31m\u0007\u202e'}, 'X', 'handlaggare', '[]', 1, '2026-01-01T00:00:00.000Z', session_user)`.execute(shared.db);
    } finally {
      await shared.close();
    }
    const checks = await cli(['checks', '--db', register.database, '--date', '2025-06-01']);
    expect(checks.code).toBe(0);
    expect(checks.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(checks.stdout).toContain('Ek\\u001b]0;pwned\\u0007\\u001b[2J\\u202e\\u0085');

    expect((await cli(['import', checksFixture, '--db', register.database, '--user', 'u-x'])).code).toBe(0);
    const log = await cli(['log', '--db', register.database]);
    expect(log.code).toBe(0);
    expect(log.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(log.stdout).toContain('Ada\\u001b[31m\\u0007\\u202e');
  });
});
