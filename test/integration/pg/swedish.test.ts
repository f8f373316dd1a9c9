/**
 * Swedish in the shared register (issue 18): a list sorted by PostgreSQL is in the order the window
 * sorts in (Intl.Collator('sv')): Å, Ä, Ö after Z, case and accents as Swedish readers expect.
 */
import { describe, expect, it } from 'vitest';
import { compareSwedish } from '../../../main/domain/swedish';
import { SWEDISH_COLLATION } from '../../../main/db/pg/migrations';
import { adminUrl, useMigratedRegister } from './harness';

const names = [
  'Östergårdens HVB', 'Ängsgården', 'Åsbacka', 'Zetterbergs familjehem', 'Aspudden', 'aspudden', 'Ödmårdens jourhem',
  'Éclair-hemmet', 'Eklunda', 'Ekdal', 'Ålsta', 'Älvkullen', 'Oxhagen', 'Ovanåker', 'Familjen Exempelsson', 'Familjen Exempelhed',
  'Ängen 2', 'Ängen 10', 'Ängen 1', 'Yxbo', 'Übersee', 'Ustorp', 'Wästgöta', 'Vallen', 'Åkerlund', 'Ärlan',
];

describe.runIf(adminUrl)('Swedish order on the shared register', () => {
  const register = useMigratedRegister('pk_swedish');

  it('sorts names as the window does: Å, Ä, Ö after Z', async () => {
    const { rows } = await register.pool.query<{ name: string }>(`SELECT name FROM unnest($1::text[]) AS n(name) ORDER BY name COLLATE ${SWEDISH_COLLATION}`, [names]);
    const inSql = rows.map((r) => r.name);
    expect(inSql).toEqual([...names].sort(compareSwedish));
    expect(inSql.indexOf('Zetterbergs familjehem')).toBeLessThan(inSql.indexOf('Åkerlund'));
    expect(inSql.indexOf('Åsbacka')).toBeLessThan(inSql.indexOf('Ängsgården'));
    expect(inSql.indexOf('Ärlan')).toBeLessThan(inSql.indexOf('Ödmårdens jourhem'));
  });
});
