/**
 * The same command line on both engines (issue 18): a register imported into a local file and into
 * a shared register answers every reading command alike, in text and in JSON.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importedRegister } from '../cli-harness';
import { adminUrl, useTestDatabase } from './harness';

const fixture = fileURLToPath(new URL('../../fixtures/exchange/full.json', import.meta.url));

/** Reading commands and their flags; each run with --db on both engines. */
const commands: string[][] = [
  ['export'],
  ['deadlines', '--date', '2026-11-22'],
  ['deadlines', '--date', '2026-11-22', '--json'],
  ['checks', '--date', '2026-11-22'],
  ['checks', '--date', '2026-11-22', '--json'],
  ['quality', '--date', '2026-11-22'],
  ['quality', '--date', '2026-11-22', '--json'],
  ['sample', '--from', '2025-01-01', '--to', '2026-11-22', '--size', '3', '--seed', 'prov', '--json'],
];

describe.runIf(adminUrl)('the command line on both engines', () => {
  const { cli } = importedRegister(fixture, 'pk-cli-both-');
  const database = useTestDatabase('pk_cli_both');

  it('a register imported into each answers the reading commands alike', async () => {
    const imported = await cli(['import', fixture, '--db', database.url]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    for (const args of commands) {
      const local = await cli([...args, '--db', 'register.sqlite']);
      const shared = await cli([...args, '--db', database.url]);
      expect(local.code, args.join(' ')).toBe(0);
      expect(shared, args.join(' ')).toEqual(local);
    }
  });
});
