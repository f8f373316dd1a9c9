/**
 * `placeringskollen migrate --from <file> --to postgres://…` (issue 18): a local register moved to an
 * empty shared one, with its counts; a second time, a bad address and a missing file are each
 * said in Swedish with the exit code of the contract.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importedRegister, lines } from '../cli-harness';
import { adminUrl, urlOf, useTestDatabase } from './harness';

const fixture = fileURLToPath(new URL('../../fixtures/exchange/full.json', import.meta.url));

describe.runIf(adminUrl)('placeringskollen migrate', () => {
  const { cli } = importedRegister(fixture, 'pk-cli-migrate-');
  const database = useTestDatabase('pk_cli_migrate');

  it('moves the local register and says how much of what', async () => {
    const run = await cli(['migrate', '--from', 'register.sqlite', '--to', database.url]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [summary] = lines(run.stdout);
    expect(summary).toMatch(/^Flyttade \d+ hem, \d+ personer, .*\d+ poster i åtkomstloggen.* till det gemensamma registret\.$/);
    const json = await cli(['migrate', '--from', 'register.sqlite', '--to', urlOf('pk_finns_inte'), '--json']);
    expect(json.code).toBe(1);
    expect(json.stderr).toMatch(/Databasen pk_finns_inte finns inte/);
  });

  it('a second time, to a shared register that now holds it, is refused with nothing written (exit 1)', async () => {
    const run = await cli(['migrate', '--from', 'register.sqlite', '--to', database.url]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('Det gemensamma registret har redan uppgifter. Ett lokalt register flyttas bara till ett tomt gemensamt register.\n');
  });

  it('an address without TLS to another computer, and a file that is not there, are mistakes in the arguments (exit 2)', async () => {
    const insecure = await cli(['migrate', '--from', 'register.sqlite', '--to', 'postgres://anna@db.kommun.se/reg?sslmode=disable']);
    expect(insecure.code).toBe(2);
    expect(insecure.stderr).toMatch(/^--to: Anslutningen till en databasserver på nätverket måste vara krypterad/);
    const missing = await cli(['migrate', '--from', 'saknas.sqlite', '--to', database.url]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Databasen finns inte/);
  });
});
