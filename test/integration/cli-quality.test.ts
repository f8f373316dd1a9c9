/**
 * `placeringskollen quality` end to end: a fictional register (test/fixtures/exchange/quality.json)
 * imported through the command line, then the index asked for as of 2026-12-01. The expected
 * numbers are worked out by hand from quality-index.md and docs/kvalitetsindex.md (the reasoning
 * is beside them), not taken from the engine.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { engines, importedRegister, lines } from './cli-harness';

const fixture = fileURLToPath(new URL('../fixtures/exchange/quality.json', import.meta.url));
/** The default half-life, 24 months, in days (a month is 365.25 / 12 days). */
const HALF_LIFE = 24 * (365.25 / 12);
/** What evidence `days` old weighs. */
const decay = (days: number) => 0.5 ** (days / HALF_LIFE);

// Solgläntans HVB on 2026-12-01:
// - ivo-tillsyn: utan anmärkning and kritik, both that day: 1 / (1 + 1) = 50.
// - utfall: PL1 ended as planned 2026-06-01 (183 days before: positive 1), PL2 broke down
//   2026-09-01 (91 days before: negative 2).
const planned = decay(183);
const breakdown = 2 * decay(91);
const utfall = (100 * planned) / (planned + breakdown);
// - uppfoljning: A1 rates 4 and 2, mean 3: as much for as against = 50; barnets röst: trivs = 100.
// - avvikelser: PL1's half year there and no deviation = 100 (PL2 broke down: no such time).
// - registerkontroll: the permit verified 2026-10-02, 60 days before, within 90 = 100.
// Weights 20, 25, 20, 15, 10, 10 of 100, all six dimensions with evidence.
const h1Score = Math.round((50 * 20 + utfall * 25 + 50 * 20 + 100 * 15 + 100 * 10 + 100 * 10) / 100);

const missingKinds = ['tillsyn från IVO med bedömning', 'avslutade placeringar', 'bedömningar efter uppföljningsbesök', 'tid med placerade barn', 'vad barnen har sagt'];
const tooLittle = (counted: number) => {
  const kinds = counted === 0 ? [...missingKinds, 'kontroller'] : missingKinds;
  const has = counted === 0 ? 'inget underlag räknas' : `bara ${counted} underlag räknas`;
  return `För lite underlag för ett värde: ${has}, minst 3 behövs. Det saknas ${kinds.slice(0, -1).join(', ')} och ${kinds.at(-1)}.`;
};
const dimensions = ['ivo-tillsyn', 'utfall', 'uppfoljning', 'avvikelser', 'barnets-rost', 'registerkontroll'];
const weights = [0.2, 0.25, 0.2, 0.15, 0.1, 0.1];
const components = (scores: (number | null)[], evidence: number[]) => dimensions.map((dimension, i) => ({ dimension, score: scores[i], weight: weights[i], evidence: evidence[i] }));

/** In Swedish name order: Björkhagens HVB, Familjen Ek, Solgläntans HVB. */
const expected = [
  {
    // A private HVB without any verified permit, and nothing else known.
    homeId: 'H2',
    score: null,
    grade: null,
    confidence: 'low',
    eligible: false,
    components: components([null, null, null, null, null, null], [0, 0, 0, 0, 0, 0]),
    reasons: ['Hemmet ska ha IVO-tillstånd, men inget giltigt tillstånd är verifierat.', tooLittle(0)],
    settingsVersion: 0,
  },
  {
    // Anna Ek: belastningsregistret clean 2026-03-01 (within 12 months), misstankeregistret never
    // checked: 1 / (1 + 1) = 50 from two pieces, fewer than the three a number needs.
    homeId: 'F1',
    score: null,
    grade: null,
    confidence: 'low',
    eligible: true,
    components: components([null, null, null, null, null, 50], [0, 0, 0, 0, 0, 2]),
    reasons: [tooLittle(2)],
    settingsVersion: 0,
  },
  {
    homeId: 'H1',
    score: h1Score,
    // 63 ≥ 55: C.
    grade: 'C',
    // Decayed evidence: E1, E2, A1 twice and the permit (5), PL1's ending and time there
    // (2 × decay(183)), PL2's breakdown (decay(91)): ≈ 7.6, short of the 8 of hög: medel.
    confidence: 'medium',
    eligible: true,
    components: components([50, Math.round(utfall), 50, 100, 100, 100], [2, 2, 1, 1, 1, 1]),
    reasons: [],
    settingsVersion: 0,
  },
];

for (const engine of engines) {
  describe(`quality (${engine})`, () => {
    const register = importedRegister(fixture, 'pk-cli-quality-', engine);
    const { cli, spawn, inDir } = register;

    describe('quality --json', () => {
      it('gives one object per home, exactly as the spec says, the numbers worked out by hand', async () => {
        expect(h1Score).toBe(63);
        const run = await cli(['quality', '--db', register.database, '--date', '2026-12-01', '--json']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual(expected);
      });

      it('counts nothing dated after the day: a year earlier only the stays had begun', async () => {
        const run = await cli(['quality', '--db', register.database, '--date', '2025-12-31', '--json']);
        const h1 = (JSON.parse(run.stdout) as { homeId: string; components: { dimension: string; evidence: number }[] }[]).find((home) => home.homeId === 'H1')!;
        // Only PL1's first month there (avvikelser); PL2 began the next day, the rest came later.
        expect(h1.components.map((c) => c.evidence)).toEqual([0, 0, 0, 1, 0, 0]);
      });

      it('as a process: exit 0 and stdout holding one JSON value', async () => {
        const run = await spawn(['quality', '--db', register.database, '--date', '2026-12-01', '--json']);
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual(expected);
      }, 60_000);
    });

    describe('quality (table)', () => {
      it('is a readable Swedish table with a summary line naming the settings', async () => {
        const run = await cli(['quality', '--db', register.database, '--date', '2026-12-01']);
        expect(run.code).toBe(0);
        const table = lines(run.stdout);
        expect(table[0]).toMatch(/^Hem\s+Index\s+Betyg\s+Säkerhet\s+Kan ta emot\s+Underlag\s+Anmärkning$/);
        expect(table.find((line) => line.startsWith('Solgläntans HVB'))).toMatch(/^Solgläntans HVB\s+63\s+C\s+medel\s+ja\s+8\s+–$/);
        expect(table.find((line) => line.startsWith('Björkhagens HVB'))).toMatch(/nej\s+0\s+Hemmet ska ha IVO-tillstånd, men inget giltigt tillstånd är verifierat\. För lite underlag\.$/);
        expect(table.at(-1)).toBe('3 hem per 2026-12-01, standardinställningar: 1 med index, 2 med för lite underlag, 1 kan inte ta emot placeringar.');
      });

      it('refuses a bad date in Swedish, exit 2', async () => {
        const run = await cli(['quality', '--db', register.database, '--date', '2026-02-30']);
        expect(run.code).toBe(2);
        expect(lines(run.stderr)).toHaveLength(1);
        expect(run.stderr).toContain('2026-02-30');
      });
    });

    describe('report traffsakerhet', () => {
      it('writes the PDF, readable only by its owner, with the figures and no child in it', async () => {
        const run = await cli(['report', 'traffsakerhet', '--db', register.database, '--out', 'traffsakerhet.pdf', '--kommun', 'timrå', '--date', '2026-12-01']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const file = inDir('traffsakerhet.pdf');
        expect(lines(run.stdout)).toEqual([`Rapporten är skriven: ${file}`]);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        expect(text).toContain('Träffsäkerhet för kvalitetsindexet');
        expect(text).toContain('Timrå');
        // PL1 broke down; before it began nothing was known of its home: no number.
        expect(text).toMatch(/Alla\s+2\s+1\s+50 %/);
        expect(text).not.toContain('Testsson');
        expect(text).toContain('Sida 1 av 1');
      });

      it('refuses a kommun that is none of the 290, at its flag, and writes nothing', async () => {
        const run = await cli(['report', 'traffsakerhet', '--db', register.database, '--out', 'x.pdf', '--kommun', 'Atlantis']);
        expect(run.code).toBe(2);
        expect(lines(run.stderr)).toHaveLength(1);
        expect(run.stderr).toMatch(/^--kommun: .*Atlantis/);
        expect(fs.existsSync(inDir('x.pdf'))).toBe(false);
      });
    });
  });
}
