/**
 * Swedish in the shared register (issue 18): a list sorted by PostgreSQL is in the order the window
 * sorts in (Intl.Collator('sv')): Å, Ä, Ö after Z, case and accents as Swedish readers expect. The
 * test databases are made as the docs tell IT to make the register, with ICU's Swedish as the
 * default collation; the app's own collation `svenska` sorts the same either way.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CREATE_DATABASE_OPTIONS } from '../../pg-database';
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

  /** Names a C collation, a German one or an older Swedish one (v = w) would put elsewhere. */
  const tricky = ['Wallin', 'Vallin', 'Vestin', 'Wester', 'Aebi', 'Äbelö', 'Afzelius', 'Zander', 'Adolfsson', 'Övik', 'Åby', 'Ärna', 'vik', 'Wik'];
  const swedishOrder = ['Adolfsson', 'Aebi', 'Afzelius', 'Vallin', 'Vestin', 'vik', 'Wallin', 'Wester', 'Wik', 'Zander', 'Åby', 'Äbelö', 'Ärna', 'Övik'];

  it('keeps "ae" apart from Ä and v apart from w, in the app\'s collation and in the database\'s default', async () => {
    expect([...tricky].sort(compareSwedish)).toEqual(swedishOrder);
    const sorted = async (collate: string) =>
      (await register.pool.query<{ name: string }>(`SELECT name FROM unnest($1::text[]) AS n(name) ORDER BY name${collate}`, [tricky])).rows.map((r) => r.name);
    expect(await sorted(` COLLATE ${SWEDISH_COLLATION}`)).toEqual(swedishOrder);
    expect(await sorted('')).toEqual(swedishOrder);
  });

  it('the test database is made as the docs tell IT to make the register: UTF-8, ICU sv-SE by default', async () => {
    const { rows } = await register.pool.query<{ encoding: string; provider: string; locale: string }>(
      'SELECT pg_encoding_to_char(encoding) AS encoding, datlocprovider AS provider, daticulocale AS locale FROM pg_database WHERE datname = current_database()',
    );
    expect(rows).toEqual([{ encoding: 'UTF8', provider: 'i', locale: 'sv-SE' }]);
    const docs = fs.readFileSync(fileURLToPath(new URL('../../../docs/gemensamt-register.md', import.meta.url)), 'utf8');
    const line = /CREATE DATABASE placeringskollen OWNER placeringskollen_agare\s+(.*);/.exec(docs)?.[1];
    expect(line).toBe(CREATE_DATABASE_OPTIONS);
  });
});
