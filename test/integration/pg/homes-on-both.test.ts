/**
 * The homes' repository on both engines (issue 18): the same writes give the same reads, searches
 * and matches on the local register and the shared one, Swedish folding included; and the shared
 * register's `sv_lower` folds as the domain's `foldSwedish` does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as homes from '../../../main/db/homes-repository';
import { foldSwedish } from '../../../main/domain/swedish';
import { adminUrl, onBothEngines, useMigratedRegister } from './harness';

const household = (id: string, ...names: string[]) =>
  names.map((name, i) => ({ id: `${id}-P${i}`, name, role: i === names.length - 1 && names.length > 1 ? 'barn-i-hemmet' : 'uppdragstagare', birthYear: 1970 + i }));

const register: [homes.HomeWrite, homes.PersonWrite[]][] = [
  [{ id: 'F1', kind: 'familjehem', name: 'Familjen Åberg', orgNr: null, operator: null, municipality: 'Örebro', capacity: 2, targetGroup: null, agency: 'Konsulentstöd Exempel AB' }, household('F1', 'Émile Åberg', 'Ørjan Åberg', 'Lisa Åberg')],
  [{ id: 'F2', kind: 'familjehem', name: 'Familjen Ek', orgNr: null, operator: null, municipality: 'Sundsvall', capacity: 1, targetGroup: null, agency: null }, household('F2', 'Anna Exempelsson')],
  [{ id: 'H1', kind: 'hvb', name: 'Östergårdens HVB', orgNr: '556000-0019', operator: 'enskild', municipality: 'Timrå', capacity: 8, targetGroup: '{"minAge":13,"maxAge":17,"gender":"alla","needs":["missbruk"]}', agency: null }, []],
  [{ id: 'H2', kind: 'hvb', name: 'Ostergården', orgNr: '556000-0027', operator: 'kommunal', municipality: 'Ånge', capacity: 4, targetGroup: null, agency: null }, []],
];

const queries = ['', 'åberg', 'ABERG', 'emile', 'orjan', 'örjan', 'öster', 'oster', '5560000019', '556000-0027', 'exempelsson anna', 'konsulentstöd', 'ånge hvb', 'lisa'];

describe.runIf(adminUrl)('the homes on both engines', () => {
  const shared = useMigratedRegister('pk_homes_both');

  it('the same writes give the same homes, searches and matches on the local and the shared register', async () => {
    await onBothEngines(shared, async (local, pg) => {
      const engines = [local.db, pg];
      for (const db of engines) {
        for (const [home, persons] of register) await homes.saveHome(db, home, persons, null);
        // An edit that moves an adult and renames the home: the folded columns follow.
        await homes.saveHome(db, { ...register[1]![0], name: 'Familjen Ek-Öst' }, household('F2', 'Anna Exempelsson', 'Bo Ek'), 1);
        await homes.setHomeActive(db, 'H2', false, 1);
      }
      const ask = async (db: (typeof engines)[number]) => ({
        list: await homes.listHomes(db),
        got: await homes.getHome(db, 'F1'),
        searches: await Promise.all(queries.map((query) => homes.searchHomes(db, { query, limit: 10 }))),
        filtered: await homes.searchHomes(db, { query: 'hvb', kind: 'hvb', status: 'active', limit: 10 }),
        similar: await homes.similarHomes(db, { name: 'familjen åberg', municipality: 'örebro', orgNr: '556000-0019', exceptId: null }),
        count: await homes.countHomes(db),
      });
      const [onSqlite, onPg] = [await ask(local.db), await ask(pg)];
      expect(onPg).toEqual(onSqlite);
      // And they found what they should: not the same by accident.
      expect(onSqlite.searches[queries.indexOf('orjan')]!.rows).toEqual([]);
      expect(onSqlite.searches[queries.indexOf('örjan')]!.rows.map((h) => h.id)).toEqual(['F1']);
      expect(onSqlite.searches[queries.indexOf('emile')]!.rows.map((h) => h.id)).toEqual(['F1']);
      expect(onSqlite.searches[queries.indexOf('5560000019')]!.rows.map((h) => h.id)).toEqual(['H1']);
      expect(onSqlite.similar.map((h) => h.id).sort()).toEqual(['F1', 'H1']);
      expect(onSqlite.list.find((h) => h.id === 'F2')!.adults).toEqual(['Anna Exempelsson']);
    });
  });

  it('folds text as foldSwedish does: case, diacritics except on å, ä and ö, æ and ø as ä and ö', async () => {
    const alphabet = fc.constantFrom(
      ...'aAzZåÅäÄöÖéÉèüÜçÇñÑæÆøØßłŁčČšŠžŽđĐıİŋŊáÁ -0123456789.\'"\\%_'.split(''),
      'o\u0308', 'a\u030a', 'e\u0301', '\u0301', 'ǅ', 'Ω', 'Ж', 'ﬁ', 'Ⅻ', 'ｗ', 'ǰ',
    );
    const text = fc.array(alphabet, { maxLength: 24 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, async (value) => {
        const { rows } = await shared.pool.query<{ folded: string }>('SELECT sv_lower($1) AS folded', [value]);
        expect(rows[0]!.folded).toBe(foldSwedish(value));
      }),
      { numRuns: 400, seed: 18 },
    );
  });
});
