/**
 * `placeringskollen sample` end to end on test/fixtures/exchange/sample.json: six placements, of
 * which PL1, PL3 and PL5 were active on some day of 2026-01-01–2026-06-30 (PL2 ended on the first
 * day, PL4 began the day after, PL6 ended before). With the seed lotto-2026-48 their ranks,
 * computed with coreutils (`printf 'lotto-2026-48:PL1' | sha256sum`), are PL1 1678…, PL5 7340…,
 * PL3 dc4d…; the population's hash is `printf 'PL1\nPL3\nPL5' | sha256sum`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { engines, importedRegister, lines } from './cli-harness';

const fixture = fileURLToPath(new URL('../fixtures/exchange/sample.json', import.meta.url));
const HASH = 'd917f5affdaab2397c024f941610fd9815b98f05b5c0e2753016e05747bc8672';

for (const engine of engines) {
  describe(`sample (${engine})`, () => {
    const register = importedRegister(fixture, 'pk-cli-sample-', engine);
    const { cli, spawn } = register;
    const args = (...more: string[]) => ['sample', '--db', register.database, '--from', '2026-01-01', '--to', '2026-06-30', ...more];

    describe('sample --json', () => {
      it('gives the seed, the population, its hash and the sample in rank order, exactly as the spec says', async () => {
        const run = await cli(args('--size', '2', '--seed', 'lotto-2026-48', '--json'));
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual({ seed: 'lotto-2026-48', populationSize: 3, populationHash: HASH, sample: ['PL1', 'PL5'] });
      });

      it('as a process: the same draw again, stdout holding one JSON value', async () => {
        const run = await spawn(args('--size', '3', '--seed', 'lotto-2026-48', '--json'));
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toMatchObject({ sample: ['PL1', 'PL5', 'PL3'] });
      }, 60_000);
    });

    describe('sample (table)', () => {
      it('lists the files with their ranks, and says how to check the draw', async () => {
        const run = await cli(args('--size', '2', '--seed', 'lotto-2026-48'));
        expect(run.code).toBe(0);
        const table = lines(run.stdout);
        expect(table[0]).toMatch(/^Nr\s+Placering\s+Rang \(SHA-256 av frö:id\)$/);
        expect(table[2]).toBe('1   PL1        167847282a6e3a614ed8322eb5e03a9f013d44870653a774c25fd0f02f69fbb5');
        expect(table[3]).toMatch(/^2\s+PL5\s+734005fc/);
        expect(table.slice(-2)).toEqual(['2 akter av 3 placeringar aktiva 2026-01-01–2026-06-30, frö lotto-2026-48.', `Populationens SHA-256: ${HASH}`]);
      });
    });

    describe('sample: bad input, exit 2, one Swedish line each, nothing written', () => {
      it.each([
        [['--size', '4', '--seed', 's'], ['--size: urvalet (4) är större än populationen: 3 placeringar var aktiva under perioden']],
        [['--size', '0', '--seed', 's'], ['--size: urvalet måste vara minst 1 akt']],
        [['--size', 'tre', '--seed', 's'], ['--size: ange ett heltal, minst 1']],
        [['--size', '2', '--seed', ''], ['--seed: ange ett frö (seed), t.ex. 16 hexadecimala tecken eller ett publicerat lottonummer']],
        [['--size', '2'], ['--seed: saknas']],
      ])('%j', async (more, expected) => {
        const run = await cli(args(...more));
        expect(run.code).toBe(2);
        expect(lines(run.stderr)).toEqual(expected);
      });

      it('a period that ends before it starts', async () => {
        const run = await cli(['sample', '--db', register.database, '--from', '2026-06-30', '--to', '2026-01-01', '--size', '1', '--seed', 's']);
        expect(run.code).toBe(2);
        expect(lines(run.stderr)).toEqual(['--to: perioden slutar (2026-01-01) innan den börjar (2026-06-30)']);
      });
    });

    describe('the draw can be checked without the program', () => {
      it('the script in docs/aktgranskning.md, run with coreutils, gives the same hash and sample', async () => {
        const docs = fs.readFileSync(fileURLToPath(new URL('../../docs/aktgranskning.md', import.meta.url)), 'utf8');
        const script = /```sh\n([\s\S]*?)```/.exec(docs)![1]!;
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-revisor-'));
        try {
          fs.writeFileSync(path.join(dir, 'population.txt'), 'PL5\nPL1\nPL3\n');
          const out = execFileSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });
          const run = await cli(args('--size', '2', '--seed', 'lotto-2026-48', '--json'));
          const draw = JSON.parse(run.stdout) as { populationHash: string; sample: string[] };
          expect(lines(out)).toEqual([draw.populationHash, ...draw.sample]);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    });
  });
}
