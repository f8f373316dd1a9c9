/**
 * `placeringskollen deadlines` end to end: a fictional register imported through the command
 * line, then the deadlines asked for as of fixed dates. The expected lists are worked out by hand
 * from /work/shared/domain/rules.md (the reasoning beside each row), not from the engine, so
 * this is a check of the engine as much as of the command.
 *
 * Most runs are in-process (`main` with captured output); a few start the real bin to see the
 * exit code and stdout of a process.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeDayCommandRefusals, engines, importedRegister, lines } from './cli-harness';

const fixture = fileURLToPath(new URL('../fixtures/exchange/deadlines.json', import.meta.url));
/** rules.md's default table: [to 2025-06-30, from 2025-07-01]; a deadline cites the law in force on its due date. */
const ref = {
  sol: ['SoL 6 kap. 8 §', 'SoL 22 kap. 13 §'],
  lvuOvervagande: ['LVU 13 § första st.', 'LVU 13 § första st.'],
  lvuOmprovning: ['LVU 13 § andra st.', 'LVU 13 § andra st.'],
  vardnad: ['SoL 6 kap. 8 b §; LVU 13 §', 'SoL 22 kap. 14 §; LVU 13 §'],
  jourhem: ['SoL 6 kap. 6 §', 'SoL 22 kap. 4 §'],
  barnsamtal: ['Socialstyrelsens allmänna råd', 'SoL 22 kap. 11–12 §§; Socialstyrelsens allmänna råd'],
  genomforandeplan: ['SoL 11 kap. 3 §; SOSFS 2012:11', 'SoL 9 kap. 12 §; SoF 10 kap. 3 §'],
  halsa: ['SoL 11 kap. 3 a §; lag 2017:209', 'SoL 22 kap. 7 §; lag 2017:209'],
  uppfoljning: ['LVU 21 b §', 'LVU 21 b §'],
  flerAnTre: ['SoF 3 kap. 19 a §', 'SoF 16 kap. 2 §'],
} as const;
const cite = ([old, current]: readonly [string, string], dueOn: string) => (dueOn < '2025-07-01' ? old : current);

const row = (placementId: string, rule: string, dueOn: string, basisOn: string, status: string, legalRef: readonly [string, string]) => ({
  placementId,
  rule,
  dueOn,
  basisOn,
  status,
  legalRef: cite(legalRef, dueOn),
});

/*
 * As of D = 2026-03-10 (due-soon window: dueOn in [2026-03-10, 2026-04-09]).
 *
 * F1 (familjehem) takes PL2 2025-06-01, PL1 2025-08-31, PL3 2025-10-01 and PL4 2026-01-15: four
 * at once from 2026-01-15. Its IVO report is dated 2026-01-10, before that day: not satisfied.
 * PL1 SoL, C1 12 y: no övervägande; 2025-08-31 + 6 months clamps to 2026-02-28. Barnsamtal
 *   2025-12-15 → 2026-03-15. In F1 since 2025-08-31 → 2027-08-31. Plans done.
 * PL2 LVU2, C2 16 y: övervägande 2025-11-20 (the one of 2026-03-20 is after D) → 2026-05-20.
 *   Barnsamtal 2026-01-10 → 2026-04-10, one day outside the window. No hälsoundersökning:
 *   2025-06-01 + 30 days = 2025-07-01. In F1 since 2025-06-01 → 2027-06-01.
 * PL3 SoL, C3 turned 18 on 2026-03-01: no övervägande, barnsamtal or vårdnadsöverflyttning; the
 *   hälsoundersökning (under 21) was asked for; no genomförandeplan: 2025-10-01 + 30 = 2025-10-31.
 * PL4 SoL, C4 9 y, from 2026-01-15: övervägande 2026-07-15, barnsamtal 2026-04-15, F1 → 2028-01-15.
 * PL5 SoL, jourhem J1 from 2025-11-03, investigation completed 2026-01-31 → + 2 months 2026-03-31.
 *   Övervägande 2026-05-03, barnsamtal 2026-02-01 → 2026-05-01.
 * PL6 LVU3, HVB: omprövning 2026-02-20 → 2026-08-20; barnsamtal 2025-11-30 → 2026-02-28 (clamped).
 * PL7A SoL in F2 2023-04-01 – 2024-06-01, then PL7B LVU2 in F2 from 2024-06-01: one home without a
 *   break since 2023-04-01. Latest vårdnadsöverflyttning-övervägande of the child (made in PL7A)
 *   2024-05-20 → + 12 months 2025-05-20. PL7B: övervägande 2025-12-01 → 2026-06-01, barnsamtal
 *   2026-02-10 → 2026-05-10. PL7A ended under SoL: nothing.
 * PL8 LVU3 ended 2025-10-15 at 14: follow-up due 2026-04-15; the one dated 2025-10-01 was before
 *   the end and does not count.
 * PL9 LVU2 ended 2025-12-31, followed up 2026-02-15: nothing. PL10 starts 2026-04-01: nothing yet.
 */
const expectedOn20260310 = [
  row('PL7B', 'vardnadsoverflyttning', '2025-05-20', '2024-05-20', 'overdue', ref.vardnad),
  row('PL2', 'halsoundersokning', '2025-07-01', '2025-06-01', 'overdue', ref.halsa),
  row('PL3', 'genomforandeplan', '2025-10-31', '2025-10-01', 'overdue', ref.genomforandeplan),
  {
    homeId: 'F1',
    placementId: null,
    rule: 'fler-an-tre-barn',
    dueOn: '2026-01-15',
    basisOn: '2026-01-15',
    status: 'overdue',
    legalRef: cite(ref.flerAnTre, '2026-01-15'),
  },
  row('PL1', 'sol-overvagande', '2026-02-28', '2025-08-31', 'overdue', ref.sol),
  row('PL6', 'barnsamtal', '2026-02-28', '2025-11-30', 'overdue', ref.barnsamtal),
  row('PL1', 'barnsamtal', '2026-03-15', '2025-12-15', 'due-soon', ref.barnsamtal),
  row('PL5', 'jourhem-tidsgrans', '2026-03-31', '2026-01-31', 'due-soon', ref.jourhem),
  row('PL2', 'barnsamtal', '2026-04-10', '2026-01-10', 'upcoming', ref.barnsamtal),
  row('PL4', 'barnsamtal', '2026-04-15', '2026-01-15', 'upcoming', ref.barnsamtal),
  row('PL8', 'uppfoljning-efter-lvu', '2026-04-15', '2025-10-15', 'upcoming', ref.uppfoljning),
  row('PL5', 'barnsamtal', '2026-05-01', '2026-02-01', 'upcoming', ref.barnsamtal),
  row('PL5', 'sol-overvagande', '2026-05-03', '2025-11-03', 'upcoming', ref.sol),
  row('PL7B', 'barnsamtal', '2026-05-10', '2026-02-10', 'upcoming', ref.barnsamtal),
  row('PL2', 'lvu-overvagande', '2026-05-20', '2025-11-20', 'upcoming', ref.lvuOvervagande),
  row('PL7B', 'lvu-overvagande', '2026-06-01', '2025-12-01', 'upcoming', ref.lvuOvervagande),
  row('PL4', 'sol-overvagande', '2026-07-15', '2026-01-15', 'upcoming', ref.sol),
  row('PL6', 'lvu-omprovning', '2026-08-20', '2026-02-20', 'upcoming', ref.lvuOmprovning),
  row('PL2', 'vardnadsoverflyttning', '2027-06-01', '2025-06-01', 'upcoming', ref.vardnad),
  row('PL1', 'vardnadsoverflyttning', '2027-08-31', '2025-08-31', 'upcoming', ref.vardnad),
  row('PL4', 'vardnadsoverflyttning', '2028-01-15', '2026-01-15', 'upcoming', ref.vardnad),
];

for (const engine of engines) {
  describe(`deadlines (${engine})`, () => {
    const register = importedRegister(fixture, 'pk-cli-deadlines-', engine);
    const { cli, spawn } = register;

    async function deadlinesJson(date: string): Promise<Record<string, unknown>[]> {
      const run = await cli(['deadlines', '--db', register.database, '--date', date, '--json']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout) as Record<string, unknown>[];
    }

    describe('deadlines --json', () => {
      it('gives exactly the deadlines of rules.md, worked out by hand, in the contract order and shape', async () => {
        const run = await cli(['deadlines', '--db', register.database, '--date', '2026-03-10', '--json']);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        // One JSON value and nothing else.
        const list = JSON.parse(run.stdout) as Record<string, unknown>[];
        expect(list).toEqual(expectedOn20260310);
        // No extra keys, and the contract's key order (external tools may compare text).
        expect(list.map((item) => Object.keys(item))).toEqual(expectedOn20260310.map((item) => Object.keys(item)));
      });

      it('is due-soon from exactly 30 days before the due date, and still due-soon on the day itself', async () => {
        const status = (list: Record<string, unknown>[], placementId: string, rule: string) =>
          list.find((d) => d.placementId === placementId && d.rule === rule)?.status;
        // PL2 barnsamtal is due 2026-04-10: upcoming on 2026-03-10, due-soon on 2026-03-11.
        expect(status(await deadlinesJson('2026-03-11'), 'PL2', 'barnsamtal')).toBe('due-soon');
        // PL1 barnsamtal is due 2026-03-15: due-soon that day, overdue the next.
        expect(status(await deadlinesJson('2026-03-15'), 'PL1', 'barnsamtal')).toBe('due-soon');
        expect(status(await deadlinesJson('2026-03-16'), 'PL1', 'barnsamtal')).toBe('overdue');
      });

      it('counts an event from its own date on: the övervägande of 2026-03-20 renews PL2 that day', async () => {
        const before = (await deadlinesJson('2026-03-19')).find((d) => d.placementId === 'PL2' && d.rule === 'lvu-overvagande');
        expect(before).toMatchObject({ dueOn: '2026-05-20', basisOn: '2025-11-20' });
        const on = (await deadlinesJson('2026-03-20')).find((d) => d.placementId === 'PL2' && d.rule === 'lvu-overvagande');
        expect(on).toMatchObject({ dueOn: '2026-09-20', basisOn: '2026-03-20', status: 'upcoming' });
      });

      it('drops the child rules on the 18th birthday but keeps the hälsoundersökning rule (under 21)', async () => {
        const pl3 = async (date: string) =>
          (await deadlinesJson(date)).filter((d) => d.placementId === 'PL3').map((d) => [d.rule, d.dueOn, d.basisOn]);
        // 2026-02-28: C3 is 17. Övervägande 2026-02-01 → 2026-08-01; no barnsamtal since the start
        // 2025-10-01 → 2026-01-01; in F1 since 2025-10-01 → 2027-10-01.
        expect(await pl3('2026-02-28')).toEqual([
          ['genomforandeplan', '2025-10-31', '2025-10-01'],
          ['barnsamtal', '2026-01-01', '2025-10-01'],
          ['sol-overvagande', '2026-08-01', '2026-02-01'],
          ['vardnadsoverflyttning', '2027-10-01', '2025-10-01'],
        ]);
        expect(await pl3('2026-03-01')).toEqual([['genomforandeplan', '2025-10-31', '2025-10-01']]);
      });

      it('has no fler-an-tre-barn deadline before the fourth child arrives; it is due that very day', async () => {
        const flerAnTre = async (date: string) => (await deadlinesJson(date)).filter((d) => d.rule === 'fler-an-tre-barn');
        expect(await flerAnTre('2026-01-14')).toEqual([]);
        // D = dueOn is still due-soon (D ≤ dueOn); overdue from the next day.
        const due = { homeId: 'F1', placementId: null, rule: 'fler-an-tre-barn', dueOn: '2026-01-15', basisOn: '2026-01-15', legalRef: cite(ref.flerAnTre, '2026-01-15') };
        expect(await flerAnTre('2026-01-15')).toEqual([{ ...due, status: 'due-soon' }]);
        expect(await flerAnTre('2026-01-16')).toEqual([{ ...due, status: 'overdue' }]);
      });

      it('prints an empty array when nothing is open', async () => {
        const run = await cli(['deadlines', '--db', register.database, '--date', '2020-01-01', '--json']);
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual([]);
      });

      it('as a process: exit 0 and stdout holding one JSON value', async () => {
        const run = await spawn(['deadlines', '--db', register.database, '--date', '2026-03-10', '--json']);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual(expectedOn20260310);
      }, 60_000);
    });

    describe('deadlines as a table', () => {
      it('is Swedish: headings, statuses, rule titles, homes, and a summary of the counts', async () => {
        const run = await cli(['deadlines', '--db', register.database, '--date', '2026-03-10']);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        const output = lines(run.stdout);
        expect(output[0]).toMatch(/^Status\s+Förfaller\s+Regel\s+Placering\s+Barn\s+Hem\s+Räknat från\s+Lagrum$/);
        expect(output[1]).toMatch(/^-+( +-+){7}$/);
        const body = output.slice(2, -1);
        expect(body).toHaveLength(21);
        // In the order of the JSON list; each line starts with the status and the due date.
        expect(body.map((line) => line.split(/\s{2,}/).slice(0, 2))).toEqual(
          expectedOn20260310.map((d) => [{ overdue: 'Försenad', 'due-soon': 'Snart', upcoming: 'Kommande' }[d.status], d.dueOn]),
        );
        expect(body[0]).toContain('Övervägande om vårdnadsöverflyttning');
        expect(body[0]).toContain('Familjen Åberg');
        expect(body[0]).toContain('Ines Fiktiv');
        expect(body[3]).toContain('Anmälan till IVO: fler än tre barn i hemmet');
        expect(body[3]).toContain('Familjen Lindkvist');
        expect(body[7]).toContain('Tidsgräns i jourhem');
        // PL5's child has a protected identity: where it lives is withheld like its name.
        expect(body[7]).toContain('Skyddat boende');
        expect(body[7]).not.toContain('Björkudden');
        expect(body[7]).toContain('2026-01-31');
        expect(output.at(-1)).toBe('21 bevakningar per 2026-03-10: 6 försenade, 2 snart, 13 kommande.');
      });

      it('never shows the name of a child with protected identity', async () => {
        const run = await cli(['deadlines', '--db', register.database, '--date', '2026-03-10']);
        const pl5 = lines(run.stdout).filter((line) => /\bPL5\b/.test(line));
        expect(pl5).toHaveLength(3);
        for (const line of pl5) {
          expect(line).toContain('Skyddad identitet');
          expect(line).not.toContain('Maja');
        }
      });

      it('says so in Swedish when nothing is open', async () => {
        const run = await cli(['deadlines', '--db', register.database, '--date', '2020-01-01']);
        expect(run.code).toBe(0);
        expect(run.stdout).toBe('Inga öppna bevakningar per 2020-01-01.\n');
      });
    });

    describe('deadlines and lex Sarah', () => {
      const lexSarah = importedRegister(fileURLToPath(new URL('../fixtures/exchange/lex-sarah.json', import.meta.url)), 'pk-cli-lex-sarah-', engine);

      it("lists the spec's rules only: a lex Sarah report's anmälan till IVO is the window's (Bevakning, Avvikelser)", async () => {
        const run = await lexSarah.cli(['deadlines', '--db', lexSarah.database, '--date', '2026-02-20', '--json']);
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual([]);
        const text = await lexSarah.cli(['deadlines', '--db', lexSarah.database, '--date', '2026-02-20']);
        expect(text.stdout).not.toContain('lex Sarah');
      });
    });

    // The arguments, the help and the file read left unchanged are the command line's and the file's: SQLite only.
    if (engine === 'sqlite') {
      describeDayCommandRefusals('deadlines', '2026-03-10', register);

      describe('deadlines --help', () => {
        it('in Swedish: usage, the flags, and no "not yet" remark', async () => {
          const run = await cli(['deadlines', '--help']);
          expect(run.code).toBe(0);
          expect(run.stdout).toContain('Användning: placeringskollen deadlines --db <sökväg> --date <ÅÅÅÅ-MM-DD> [--json]');
          expect(run.stdout).toContain('--json  skriver en JSON-lista');
          expect(run.stdout).toContain('Försenad');
          expect(run.stdout).not.toContain('finns inte ännu');
        });

        it('in English', async () => {
          const run = await cli(['deadlines', '--help', '--lang', 'en']);
          expect(run.code).toBe(0);
          expect(run.stdout).toContain('Usage: placeringskollen deadlines --db <path> --date <YYYY-MM-DD> [--json]');
          expect(run.stdout).toContain('--json  prints one JSON array');
          expect(run.stdout).not.toContain('not yet available');
          expect((await cli(['deadlines', '--help'], { LANG: 'en_GB.UTF-8' })).stdout).toContain('Usage: placeringskollen deadlines');
        });

        it('the overview lists deadlines with what it does', async () => {
          const help = lines((await cli(['--help'])).stdout);
          const at = help.findIndex((line) => line.includes('deadlines --db <sökväg>'));
          expect(at).toBeGreaterThan(0);
          expect(help[at + 1]).toContain('öppna bevakningar per den dagen');
          expect(help.some((line) => line.includes('finns inte ännu'))).toBe(false);
        });
      });
    }
  });
}
