/**
 * The audit draw over a real register (test/fixtures/exchange/sample.json): the population of the
 * period, narrowed by a round's filters, and the same draw every time.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { failure, useServiceDatabase } from './harness';

const db = useServiceDatabase();
const fixture = JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../fixtures/exchange/sample.json', import.meta.url)), 'utf8')) as unknown;
const period = { from: '2026-01-01', to: '2026-06-30', seed: 'lotto-2026-48' };

beforeEach(async () => {
  await db.services.exchange.importFile(fixture);
});

describe('the audit draw', () => {
  it('draws from the placements active in the period, the same every time', async () => {
    const first = await db.services.audits.draw({ ...period, size: 3 });
    expect(first.sample).toEqual(['PL1', 'PL5', 'PL3']);
    expect(await db.services.audits.draw({ ...period, size: 3 })).toEqual(first);
  });

  it('a round filtered on form draws only from placements with a stay of that form in the period', async () => {
    const draw = await db.services.audits.draw({ ...period, size: 1, form: 'hvb' });
    expect(draw).toMatchObject({ populationSize: 1, sample: ['PL3'] });
  });

  it('refuses a sample larger than the filtered population, in Swedish at the size', async () => {
    const error = await failure(db.services.audits.draw({ ...period, size: 2, form: 'hvb' }));
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: '/size', message: 'urvalet (2) är större än populationen: 1 placering var aktiv under perioden' }] });
  });
});
