/**
 * The same command line on both engines (issue 18): each register the command-line tests check by
 * hand (test/fixtures/exchange), imported into a local file and into a shared register, answers
 * the reading commands alike, in text and in JSON.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importedRegister } from '../cli-harness';
import { adminUrl, useTestDatabase } from './harness';

const at = (name: string) => fileURLToPath(new URL(`../../fixtures/exchange/${name}`, import.meta.url));

/** Each fixture with the reading commands, and the days, its own tests ask. */
const cases: { fixture: string; commands: string[][] }[] = [
  {
    fixture: 'full.json',
    commands: [
      ['export'],
      ['deadlines', '--date', '2026-11-22'],
      ['deadlines', '--date', '2026-11-22', '--json'],
      ['checks', '--date', '2026-11-22'],
      ['checks', '--date', '2026-11-22', '--json'],
      ['quality', '--date', '2026-11-22'],
      ['quality', '--date', '2026-11-22', '--json'],
      ['sample', '--from', '2025-01-01', '--to', '2026-11-22', '--size', '3', '--seed', 'prov', '--json'],
    ],
  },
  { fixture: 'deadlines.json', commands: [['deadlines', '--date', '2026-03-10', '--json'], ['deadlines', '--date', '2026-06-15', '--json'], ['deadlines', '--date', '2026-06-15']] },
  { fixture: 'checks.json', commands: [['checks', '--date', '2026-03-10', '--json'], ['checks', '--date', '2026-06-15', '--json'], ['checks', '--date', '2026-06-15']] },
  { fixture: 'quality.json', commands: [['quality', '--date', '2026-12-01', '--json'], ['quality', '--date', '2026-12-01']] },
  { fixture: 'sample.json', commands: [['sample', '--from', '2026-01-01', '--to', '2026-06-30', '--size', '2', '--seed', 'lotto-2026-48', '--json']] },
];

for (const { fixture, commands } of cases) {
  describe.runIf(adminUrl)(`the command line on both engines: ${fixture}`, () => {
    const { cli } = importedRegister(at(fixture), 'pk-cli-both-');
    const database = useTestDatabase('pk_cli_both');

    it('answers the reading commands alike', async () => {
      const imported = await cli(['import', at(fixture), '--db', database.url]);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      for (const args of commands) {
        const local = await cli([...args, '--db', 'register.sqlite']);
        const shared = await cli([...args, '--db', database.url]);
        expect(local.code, args.join(' ')).toBe(0);
        expect(local.stdout, args.join(' ')).not.toBe('');
        expect(shared, `${fixture}: ${args.join(' ')}`).toEqual(local);
      }
    });
  });
}
