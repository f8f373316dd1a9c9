/**
 * `placeringskollen checks` end to end: a fictional register (test/fixtures/exchange/checks.json)
 * imported through the command line, then the register and permit checks asked for as of fixed
 * dates. The expected lists are worked out by hand from /work/shared/domain/rules.md ("Checks
 * before and during a placement"; the reasoning is beside the rows), not from the engine.
 *
 * Most runs are in-process (`main` with captured output); a few start the real bin to see the
 * exit code and stdout of a process.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeDayCommandRefusals, engines, importedRegister, lines } from './cli-harness';

const fixture = fileURLToPath(new URL('../fixtures/exchange/checks.json', import.meta.url));
type CheckJson = Record<string, unknown>;

const B = 'belastningsregistret';
const M = 'misstankeregistret';

/** Exactly the contract's keys, in its order. */
const before = (placementId: string, homeId: string, personId: string, register: string, decisionOn: string, status: string) => ({
  check: 'registerkontroll',
  placementId,
  homeId,
  personId,
  register,
  decisionOn,
  status,
});
const permit = (placementId: string, homeId: string, decisionOn: string, status: string) => ({
  check: 'ivo-tillstand',
  placementId,
  homeId,
  personId: null,
  register: 'ivo-tillstand',
  decisionOn,
  status,
});
const recurring = (homeId: string, personId: string, register: string, dueOn: string, status: string) => ({
  check: 'registerkontroll-fortlopande',
  placementId: null,
  homeId,
  personId,
  register,
  dueOn,
  status,
});

/*
 * As of D = 2026-06-15. Checks dated after D (P2's misstankeregistret of 2026-07-01) have not
 * been made yet; PL9's stay begins 2026-07-01, after D: no rows.
 *
 * F1 familjehem: P1 and P2 uppdragstagare, P3 annan-vuxen (not a required role: never a row).
 *   P1 belastning 2024-03-01 ok, 2025-12-01 ok; P1 misstanke 2024-02-29 ok, 2025-12-01 med anmärkning.
 *   P2 belastning 2025-03-20 ok; P2 misstanke only 2026-07-01 (after D).
 * PL1 decided 2025-03-01 (first stay: the placement's decision); 12 months back is 2024-03-01.
 *   P1 belastning 2024-03-01 is exactly on the limit: ok. P1 misstanke 2024-02-29 is one day
 *   before it: too-old. P2 belastning only after (2025-03-20): after-decision. P2 misstanke: missing.
 * PL2 omplacering: H1 (enskild HVB) from 2025-09-15, decided with the placement 2025-09-10; then
 *   F1 from 2026-01-20 with its own decision 2026-01-12 (limit 2025-01-12). P1 belastning
 *   2025-12-01 ok; P1 misstanke 2025-12-01 med anmärkning: remark; P2 belastning 2025-03-20 ok;
 *   P2 misstanke missing.
 * PL3 ended 2024-12-01 (ended placements count), decided 2024-05-01, limit 2023-05-01: P1 2024-03-01
 *   ok, 2024-02-29 ok; P2 belastning after-decision; P2 misstanke missing.
 * J1 jourhem, P4 uppdragstagare: belastning 2025-07-10, misstanke 2025-06-05.
 * PL4 decided 2026-02-01 (limit 2025-02-01): both ok.
 * PL7 kommunal HVB H4 (no permit check, whatever its record says), then J1 from 2026-03-01
 *   without a decision of its own: decision date = the stay's from, 2026-03-01 (limit
 *   2025-03-01): both ok.
 * IVO permits, 90 days back:
 *   PL2 / H1 decided 2025-09-10, limit 2025-06-12; permit 2025-08-01 giltigt: ok.
 *   PL5 / H2 decided 2026-04-01, limit 2026-01-01; permit 2025-12-15: too-old.
 *   PL6 / H3 (enskilt stödboende) decided 2026-05-04, limit 2026-02-03; permit 2026-04-20 ogiltigt: invalid.
 *   PL8 / H1 (ended) decided 2025-05-01; the only permit is 2025-08-01: after-decision.
 * Fortlöpande (homes with an active stay on D: F1 since 2025-03-03, J1 since 2026-02-02),
 * newest check + 12 months; due-soon window [D, D + 30 days] = [2026-06-15, 2026-07-15]:
 *   F1 P2 misstanke: no check by D → the earliest active stay's from, 2025-03-03: overdue.
 *   F1 P2 belastning 2025-03-20 → 2026-03-20: overdue. F1 P1 both 2025-12-01 → 2026-12-01: upcoming.
 *   J1 P4 misstanke 2025-06-05 → 2026-06-05: overdue. J1 P4 belastning 2025-07-10 → 2026-07-10: due-soon.
 * Order: check, placement, home, decision/due date, person, register.
 */
const expectedOn20260615 = [
  before('PL1', 'F1', 'P1', B, '2025-03-01', 'ok'),
  before('PL1', 'F1', 'P1', M, '2025-03-01', 'too-old'),
  before('PL1', 'F1', 'P2', B, '2025-03-01', 'after-decision'),
  before('PL1', 'F1', 'P2', M, '2025-03-01', 'missing'),
  before('PL2', 'F1', 'P1', B, '2026-01-12', 'ok'),
  before('PL2', 'F1', 'P1', M, '2026-01-12', 'remark'),
  before('PL2', 'F1', 'P2', B, '2026-01-12', 'ok'),
  before('PL2', 'F1', 'P2', M, '2026-01-12', 'missing'),
  before('PL3', 'F1', 'P1', B, '2024-05-01', 'ok'),
  before('PL3', 'F1', 'P1', M, '2024-05-01', 'ok'),
  before('PL3', 'F1', 'P2', B, '2024-05-01', 'after-decision'),
  before('PL3', 'F1', 'P2', M, '2024-05-01', 'missing'),
  before('PL4', 'J1', 'P4', B, '2026-02-01', 'ok'),
  before('PL4', 'J1', 'P4', M, '2026-02-01', 'ok'),
  before('PL7', 'J1', 'P4', B, '2026-03-01', 'ok'),
  before('PL7', 'J1', 'P4', M, '2026-03-01', 'ok'),
  permit('PL2', 'H1', '2025-09-10', 'ok'),
  permit('PL5', 'H2', '2026-04-01', 'too-old'),
  permit('PL6', 'H3', '2026-05-04', 'invalid'),
  permit('PL8', 'H1', '2025-05-01', 'after-decision'),
  recurring('F1', 'P2', M, '2025-03-03', 'overdue'),
  recurring('F1', 'P2', B, '2026-03-20', 'overdue'),
  recurring('F1', 'P1', B, '2026-12-01', 'upcoming'),
  recurring('F1', 'P1', M, '2026-12-01', 'upcoming'),
  recurring('J1', 'P4', M, '2026-06-05', 'overdue'),
  recurring('J1', 'P4', B, '2026-07-10', 'due-soon'),
];

const checkWords: Record<string, string> = {
  registerkontroll: 'Registerkontroll före beslut',
  'ivo-tillstand': 'IVO-tillstånd före beslut',
  'registerkontroll-fortlopande': 'Fortlöpande registerkontroll',
};
const statusWords: Record<string, string> = {
  ok: 'OK',
  missing: 'Saknas',
  'after-decision': 'Efter beslut',
  'too-old': 'För gammal',
  remark: 'Anmärkning – bedöm',
  invalid: 'Ogiltigt',
  overdue: 'Försenad',
  'due-soon': 'Snart',
  upcoming: 'Kommande',
};
const homeNames: Record<string, string> = {
  F1: 'Familjen Vinterek',
  J1: 'Jourhemmet Sjövik',
  H1: 'Tallåsens HVB',
  H2: 'Myrbackens HVB',
  H3: 'Ljungbo stödboende',
};
const personNames: Record<string, string> = { P1: 'Lena Vinterek', P2: 'Jonas Vinterek', P4: 'Maria Sjövik' };
const registerWords: Record<string, string> = {
  belastningsregistret: 'Belastningsregistret',
  misstankeregistret: 'Misstankeregistret',
  'ivo-tillstand': 'IVO-tillstånd',
};

for (const engine of engines) {
  describe(`checks (${engine})`, () => {
    const register = importedRegister(fixture, 'pk-cli-checks-', engine);
    const { cli, spawn, inDir } = register;

    async function checksJson(date: string): Promise<CheckJson[]> {
      const run = await cli(['checks', '--db', register.database, '--date', date, '--json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout) as CheckJson[];
    }

    describe('checks --json', () => {
      it('gives exactly the checks of rules.md, worked out by hand, in the contract order and shape', async () => {
        const run = await cli(['checks', '--db', register.database, '--date', '2026-06-15', '--json']);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        // One JSON value and nothing else.
        const list = JSON.parse(run.stdout) as CheckJson[];
        expect(list).toEqual(expectedOn20260615);
        // No extra keys (no checkedOn), and the contract's key order (external tools may compare text).
        expect(list.map((item) => Object.keys(item))).toEqual(expectedOn20260615.map((item) => Object.keys(item)));
      });

      it('has no row for an annan-vuxen, a kommunal HVB, or a stay that begins after the date', async () => {
        const list = await checksJson('2026-06-15');
        expect(list.filter((r) => r.personId === 'P3')).toEqual([]);
        expect(list.filter((r) => r.homeId === 'H4')).toEqual([]);
        expect(list.filter((r) => r.placementId === 'PL9')).toEqual([]);
      });

      it('counts a check from its own date on: P2 misstankeregistret of 2026-07-01', async () => {
        const p2Misstanke = (list: CheckJson[]) => list.filter((r) => r.personId === 'P2' && r.register === M);
        // The day before: not made yet.
        expect(p2Misstanke(await checksJson('2026-06-30'))).toEqual([
          before('PL1', 'F1', 'P2', M, '2025-03-01', 'missing'),
          before('PL2', 'F1', 'P2', M, '2026-01-12', 'missing'),
          before('PL3', 'F1', 'P2', M, '2024-05-01', 'missing'),
          recurring('F1', 'P2', M, '2025-03-03', 'overdue'),
        ]);
        // That day: made, but after every decision. PL9's stay begins too (decided 2026-06-10), and
        // the recurring check is renewed: 2026-07-01 + 12 months.
        expect(p2Misstanke(await checksJson('2026-07-01'))).toEqual([
          before('PL1', 'F1', 'P2', M, '2025-03-01', 'after-decision'),
          before('PL2', 'F1', 'P2', M, '2026-01-12', 'after-decision'),
          before('PL3', 'F1', 'P2', M, '2024-05-01', 'after-decision'),
          before('PL9', 'F1', 'P2', M, '2026-06-10', 'after-decision'),
          recurring('F1', 'P2', M, '2027-07-01', 'upcoming'),
        ]);
      });

      it('judges a stay that begins on the date, with the placement decision (limit 2025-06-10)', async () => {
        const pl9 = (await checksJson('2026-07-01')).filter((r) => r.placementId === 'PL9');
        expect(pl9).toEqual([
          before('PL9', 'F1', 'P1', B, '2026-06-10', 'ok'),
          before('PL9', 'F1', 'P1', M, '2026-06-10', 'remark'),
          // 2025-03-20 is before 2026-06-10 − 12 months.
          before('PL9', 'F1', 'P2', B, '2026-06-10', 'too-old'),
          before('PL9', 'F1', 'P2', M, '2026-06-10', 'after-decision'),
        ]);
      });

      it('the recurring check is due-soon from exactly 30 days before, still due-soon on the day, then overdue', async () => {
        const p4Belastning = async (date: string) =>
          (await checksJson(date)).find((r) => r.check === 'registerkontroll-fortlopande' && r.personId === 'P4' && r.register === B)?.status;
        // Due 2026-07-10; 30 days before is 2026-06-10.
        expect(await p4Belastning('2026-06-09')).toBe('upcoming');
        expect(await p4Belastning('2026-06-10')).toBe('due-soon');
        expect(await p4Belastning('2026-07-10')).toBe('due-soon');
        expect(await p4Belastning('2026-07-11')).toBe('overdue');
      });

      it('has no recurring checks for a home once nobody lives there', async () => {
        // Before PL1 begins only PL3 (ended 2024-12-01) has been in F1: its checks, but no recurring ones.
        const list = await checksJson('2025-01-15');
        expect(list.filter((r) => r.check === 'registerkontroll-fortlopande')).toEqual([]);
        expect(list.filter((r) => r.placementId === 'PL3')).toHaveLength(4);
      });

      it('prints an empty array when nothing has begun', async () => {
        const run = await cli(['checks', '--db', register.database, '--date', '2020-01-01', '--json']);
        expect(run.code).toBe(0);
        expect(run.stdout).toBe('[]\n');
      });

      it('as a process: exit 0 and stdout holding one JSON value', async () => {
        const run = await spawn(['checks', '--db', register.database, '--date', '2026-06-15', '--json']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual(expectedOn20260615);
      }, 60_000);
    });

    describe('checks as a table', () => {
      it('is Swedish: headings, the rows of the JSON list in its order with names, and a summary', async () => {
        const run = await cli(['checks', '--db', register.database, '--date', '2026-06-15']);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        const output = lines(run.stdout);
        expect(output[0]).toMatch(/^Kontroll\s+Status\s+Hem\s+Person\s+Register\s+Beslut\/förfaller\s+Placering$/);
        expect(output[1]).toMatch(/^-+( +-+){6}$/);
        const body = output.slice(2, -1);
        expect(body.map((line) => line.split(/\s{2,}/))).toEqual(
          expectedOn20260615.map((r) => [
            checkWords[r.check],
            statusWords[r.status],
            homeNames[r.homeId],
            r.personId === null ? '–' : personNames[r.personId],
            registerWords[r.register],
            'decisionOn' in r ? r.decisionOn : r.dueOn,
            r.placementId ?? '–',
          ]),
        );
        expect(output.at(-1)).toBe(
          '26 kontroller per 2026-06-15: 10 OK, 3 saknas, 3 efter beslut, 2 för gamla, 1 med anmärkning, 1 ogiltigt, 3 försenade, 1 snart, 2 kommande.',
        );
      });

      it('never names a child (nor shows an adult or home that has no check)', async () => {
        const run = await cli(['checks', '--db', register.database, '--date', '2026-07-01']);
        expect(run.code).toBe(0);
        const file = JSON.parse(fs.readFileSync(fixture, 'utf8')) as { children: { name: string }[] };
        for (const { name } of file.children) {
          for (const part of name.split(' ')) expect(run.stdout).not.toContain(part);
        }
        expect(run.stdout).not.toContain('Ebba');
        expect(run.stdout).not.toContain('Forsens HVB');
      });

      it('says so in Swedish when there is nothing to check', async () => {
        const run = await cli(['checks', '--db', register.database, '--date', '2020-01-01']);
        expect(run.code).toBe(0);
        expect(run.stdout).toBe('Inga register- eller tillståndskontroller per 2020-01-01.\n');
      });
    });

    // The arguments, the help, the file read left unchanged and a second file are the command line's and SQLite's: once.
    if (engine === 'sqlite') {
      describeDayCommandRefusals('checks', '2026-06-15', register);

      describe('checks --help', () => {
        it('in Swedish: usage, the flags, the statuses, and no "not yet" remark', async () => {
          const run = await cli(['checks', '--help']);
          expect(run.code).toBe(0);
          expect(run.stdout).toContain('Användning: placeringskollen checks --db <sökväg> --date <ÅÅÅÅ-MM-DD> [--json]');
          expect(run.stdout).toContain('--json  skriver en JSON-lista');
          expect(run.stdout).toContain('Anmärkning – bedöm');
          expect(run.stdout).toContain('Databasen måste finnas');
          expect(run.stdout).not.toContain('finns inte ännu');
        });

        it('in English', async () => {
          const run = await cli(['checks', '--help', '--lang', 'en']);
          expect(run.code).toBe(0);
          expect(run.stdout).toContain('Usage: placeringskollen checks --db <path> --date <YYYY-MM-DD> [--json]');
          expect(run.stdout).toContain('--json  prints one JSON array');
          expect(run.stdout).toContain('The database must exist');
          expect(run.stdout).not.toContain('not yet available');
          expect((await cli(['checks', '--help'], { LANG: 'en_GB.UTF-8' })).stdout).toContain('Usage: placeringskollen checks');
        });

        it('the overview lists checks as available', async () => {
          const help = lines((await cli(['--help'])).stdout);
          const at = help.findIndex((line) => line.includes('checks --db <sökväg>'));
          expect(at).toBeGreaterThan(0);
          expect(help[at + 1]).toContain('register- och tillståndskontroller per den dagen');
          expect(help[at + 1]).not.toContain('finns inte ännu');
        });
      });

      describe('checks: an HVB whose huvudman is not given (rules.md: only kommunal, region and statlig homes need no permit)', () => {
        it('gets an ivo-tillstand row like an enskild one, as in the window', async () => {
          fs.writeFileSync(
            inDir('okand-huvudman.json'),
            JSON.stringify({
              format: 'placeringskollen-exchange',
              version: 1,
              homes: [{ id: 'HX', kind: 'hvb', name: 'Okända HVB', orgNr: '556000-0027' }],
              children: [{ id: 'CX', name: 'Testa T.', birthDate: '2011-05-05' }],
              placements: [{ id: 'PX', childId: 'CX', legalBasis: 'SoL', decidedOn: '2026-03-01', startedOn: '2026-03-02', stays: [{ homeId: 'HX', form: 'hvb', from: '2026-03-02' }] }],
            }),
          );
          expect((await cli(['import', 'okand-huvudman.json', '--db', 'okand.sqlite'])).code).toBe(0);
          const run = await cli(['checks', '--db', 'okand.sqlite', '--date', '2026-11-22', '--json']);
          expect(run.code).toBe(0);
          expect(JSON.parse(run.stdout)).toEqual([permit('PX', 'HX', '2026-03-01', 'missing')]);
        });
      });
    }
  });
}
