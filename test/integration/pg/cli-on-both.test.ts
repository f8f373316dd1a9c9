/**
 * The same command line on both engines (issue 18), output for output. The command-line tests
 * themselves run on both engines with their hand-checked expectations (test/integration/cli-*.test.ts,
 * `engines`); this adds what they do not pin down: each register they check by hand, imported into a
 * local file and into a shared register, answers the other reading commands, days and formats alike,
 * the whole text and JSON. What those tests already compare exactly (deadlines.json on 2026-03-10,
 * checks.json on 2026-06-15, quality.json in JSON, sample.json) is not repeated here.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importedRegister } from '../cli-harness';
import { adminUrl } from './harness';

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
  { fixture: 'deadlines.json', commands: [['deadlines', '--date', '2026-06-15', '--json'], ['deadlines', '--date', '2026-06-15']] },
  { fixture: 'checks.json', commands: [['checks', '--date', '2026-03-10', '--json'], ['checks', '--date', '2026-03-10']] },
  { fixture: 'quality.json', commands: [['quality', '--date', '2026-12-01']] },
];

for (const { fixture, commands } of cases) {
  describe.runIf(adminUrl)(`the command line on both engines: ${fixture}`, () => {
    const onFile = importedRegister(at(fixture), 'pk-cli-both-', 'sqlite');
    const onServer = importedRegister(at(fixture), 'pk-cli-both-', 'postgres');

    it('answers the reading commands alike', async () => {
      for (const args of commands) {
        const local = await onFile.cli([...args, '--db', onFile.database]);
        const shared = await onServer.cli([...args, '--db', onServer.database]);
        expect(local.code, args.join(' ')).toBe(0);
        expect(local.stdout, args.join(' ')).not.toBe('');
        expect(shared, `${fixture}: ${args.join(' ')}`).toEqual(local);
      }
    });
  });
}
