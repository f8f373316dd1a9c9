/**
 * All SQL for homes and their households. Rows come out as stored (enum values as text,
 * target group as JSON text, `active` as a boolean); the services give them their types.
 * Every function takes either the database or a transaction, so a service can compose them
 * into one transaction; `saveHome` opens its own when it is not given one.
 */
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool, type Transaction } from 'kysely';
import { compareSwedish, foldSwedish, searchWords } from '../domain/swedish';
import { firstInOrder } from '../domain/top';
import { dialectOf } from './dialect';
import { assertUpdated, nextVersion } from './row-versions';
import type { Database, HomesTable, PersonsTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

type HomeRowAsStored = Selectable<HomesTable>;
export type HomeRow = Omit<HomeRowAsStored, 'active'> & { active: boolean };
export type PersonRow = Selectable<PersonsTable>;
export type HomeWithPersons = HomeRow & { persons: PersonRow[] };
export type HomeListItem = HomeRow & { adults: string[] };

/** What a save writes: the home, and the whole household that replaces the stored one. */
export type HomeWrite = Omit<HomeRow, 'active' | 'rowVersion'> & { active?: boolean };
export type PersonWrite = Omit<PersonRow, 'homeId'>;

/** Removing these persons would orphan their register checks: the history must stay. */
export class PersonsWithChecksError extends Error {
  constructor(readonly personIds: string[]) {
    super(`Persons with register checks cannot be removed: ${personIds.join(', ')}`);
    this.name = 'PersonsWithChecksError';
  }
}

const adultRoles = ['uppdragstagare', 'annan-vuxen'];
const roleOrder = ['uppdragstagare', 'annan-vuxen', 'barn-i-hemmet'];

/**
 * Homes that may be the same as one being saved: the same org.nr, or the same name in the same
 * municipality (Swedish-aware, case-insensitive); `exceptId` is the home itself.
 */
export async function similarHomes(
  db: Db,
  home: { name: string; municipality: string | null; orgNr: string | null; exceptId: string | null },
): Promise<{ id: string; kind: string; name: string; municipality: string | null; orgNr: string | null }[]> {
  if (home.orgNr === null && home.municipality === null) return [];
  return db
    .selectFrom('homes')
    .select(['id', 'kind', 'name', 'municipality', 'orgNr'])
    .where((eb) =>
      eb.or([
        ...(home.orgNr !== null ? [eb('orgNr', '=', home.orgNr)] : []),
        ...(home.municipality !== null
          ? [
              eb.and([
                eb(eb.fn('sv_lower', [eb.ref('name')]), '=', eb.fn('sv_lower', [eb.val(home.name)])),
                eb(eb.fn('sv_lower', [eb.ref('municipality')]), '=', eb.fn('sv_lower', [eb.val(home.municipality)])),
              ]),
            ]
          : []),
      ]),
    )
    .$if(home.exceptId !== null, (qb) => qb.where('id', '!=', home.exceptId!))
    .orderBy('name')
    .execute();
}

/** Every home's name, municipality and org.nr: what tells two homes apart. */
export async function homeIdentities(db: Db): Promise<{ id: string; name: string; municipality: string | null; orgNr: string | null }[]> {
  return db.selectFrom('homes').select(['id', 'name', 'municipality', 'orgNr']).execute();
}

/** A home's own columns: not the folded search columns that the triggers keep (migration 9). */
const homeColumns = ['id', 'kind', 'name', 'orgNr', 'operator', 'municipality', 'capacity', 'targetGroup', 'agency', 'active', 'rowVersion'] as const;

/** The names of the home's adults (JSON array): the register list shows them. */
const adultNames = (db: Db) =>
  sql<string>`(SELECT ${dialectOf(db).jsonArrayOf(sql`p.name`)} FROM persons p
  WHERE p.home_id = homes.id AND p.role IN (${sql.join(adultRoles)}))`.as('adults');

/**
 * Each word of a search must match one of the home's name, org.nr (with or without the hyphen),
 * kommun, konsulentverksamhet or an adult's name, Swedish-aware (`foldSwedish`: case-insensitive,
 * å, ä and ö letters of their own); the words may come in any order ("exempelsson anna" finds Anna
 * Exempelsson's home). A substring search over the columns folded when they were written.
 */
function matchesEveryWord(db: Db, words: readonly string[]) {
  const { position } = dialectOf(db);
  if (words.length === 0) return sql<SqlBool>`1 = 1`;
  return sql.join(
    words.map((word) => {
      const inText = sql`${position(sql`homes.search_text`, foldSwedish(word))} > 0`;
      // "5560000019" finds 556000-0019.
      const digits = word.replaceAll('-', '');
      return /^\d+$/.test(digits) ? sql`(${inText} OR ${position(sql`homes.search_org_nr`, digits)} > 0)` : inText;
    }),
    sql` AND `,
  ) as RawBuilder<SqlBool>;
}

/**
 * How well a home's name answers a search, best first: 0 the name begins with it, 1 a word of the
 * name does, 2 the name holds every word, 3 only other fields do (kommun, org.nr, an adult…).
 */
function nameRank(db: Db, words: readonly string[]) {
  const { position } = dialectOf(db);
  const name = sql`homes.search_name`;
  const folded = words.map(foldSwedish);
  const phrase = folded.join(' ');
  const everyWord = folded.length === 0 ? sql`1 = 1` : sql.join(folded.map((word) => sql`${position(name, word)} > 0`), sql` AND `);
  return sql<number>`CASE
    WHEN ${position(name, phrase)} = 1 THEN 0
    WHEN ${position(name, ` ${phrase}`)} > 0 THEN 1
    WHEN ${everyWord} THEN 2
    ELSE 3 END`;
}

function toListItem({ adults, active, ...home }: HomeRowAsStored & { adults: string }): HomeListItem {
  return { ...home, active: active === 1, adults: (JSON.parse(adults) as string[]).sort(compareSwedish) };
}

/** The register list, every home the search finds (see `matchesEveryWord`), Swedish-sorted by name. */
export async function listHomes(db: Db, query = ''): Promise<HomeListItem[]> {
  const words = searchWords(query);
  const rows = await db
    .selectFrom('homes')
    .select(homeColumns)
    .select(adultNames(db))
    .where(matchesEveryWord(db, words))
    .execute();
  return rows.map(toListItem).sort((a, b) => compareSwedish(a.name, b.name) || compareSwedish(a.id, b.id));
}

export type HomeStatusFilter = 'active' | 'inactive' | 'all';

export interface HomeSearch {
  query?: string | undefined;
  /** Only homes of this kind, in this kommun (as stored), active or inactive; absent: all. */
  kind?: string | undefined;
  municipality?: string | null | undefined;
  status?: HomeStatusFilter | undefined;
  limit: number;
}

export interface HomeSearchPage {
  /** At most `limit`, best first: by `nameRank`, then Swedish name order. */
  rows: HomeListItem[];
  /** The homes the search and the filters find. */
  total: number;
  /** The homes the search finds that the filters leave out. */
  hidden: number;
  /** The kommuner of the homes the search finds, whatever the filters, in Swedish order. */
  municipalities: string[];
}

/**
 * The register's quick search: ranked, and cut at `limit` once the homes are counted. One scan of
 * the folded columns finds the matches (id, name, rank and what the filters need); only the page
 * is then read whole, with its adults.
 */
export async function searchHomes(db: Db, search: HomeSearch): Promise<HomeSearchPage> {
  const words = searchWords(search.query ?? '');
  // Up to every home: plain SQL without the camelCase plugin's copy of each row.
  const { rows: matches } = await sql<{ id: string; name: string; kind: string; municipality: string | null; active: number; rank: number }>`
    SELECT id, name, kind, municipality, active, ${nameRank(db, words)} AS rank FROM homes WHERE ${matchesEveryWord(db, words)}`.execute(
    db.withoutPlugins(),
  );
  const municipalities = [...new Set(matches.flatMap((home) => (home.municipality === null ? [] : [home.municipality])))];
  const status = search.status ?? 'all';
  const kept = matches.filter(
    (home) =>
      (search.kind === undefined || home.kind === search.kind) &&
      (search.municipality == null || home.municipality === search.municipality) &&
      (status === 'all' || home.active === (status === 'active' ? 1 : 0)),
  );
  const page = firstInOrder(kept, search.limit, (a, b) => a.rank - b.rank || compareSwedish(a.name, b.name) || compareSwedish(a.id, b.id)).map(
    (home) => home.id,
  );
  const rows = page.length === 0 ? [] : await db.selectFrom('homes').select(homeColumns).select(adultNames(db)).where('id', 'in', page).execute();
  const byId = new Map(rows.map((row) => [row.id, toListItem(row)]));
  return {
    // A home removed between the two reads (by another window's request) is left out.
    rows: page.flatMap((id) => byId.get(id) ?? []),
    total: kept.length,
    hidden: matches.length - kept.length,
    municipalities: municipalities.sort(compareSwedish),
  };
}

export async function getHome(db: Db, id: string): Promise<HomeWithPersons | undefined> {
  const home = await db.selectFrom('homes').select(homeColumns).where('id', '=', id).executeTakeFirst();
  if (!home) return undefined;
  const persons = await db.selectFrom('persons').selectAll().where('homeId', '=', id).execute();
  persons.sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || compareSwedish(a.name, b.name));
  return { ...home, active: home.active === 1, persons };
}

/**
 * Inserts the home (`version` null) or updates the one at `version`, and makes its household
 * exactly `persons`: members not in the list are removed, unless they have register checks
 * (`PersonsWithChecksError`, nothing written). The home's version covers its household: it is
 * raised by every save. `StaleRowError` when the home is no longer at `version`.
 * The caller has checked that every given person id is new or already belongs to this home.
 */
export async function saveHome(db: Db, home: HomeWrite, persons: PersonWrite[], version: number | null): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { id, active, ...fields } = home;
    const activeValue = active === undefined ? {} : { active: active ? 1 : 0 };
    if (version === null) {
      await trx.insertInto('homes').values({ id, ...fields, ...activeValue }).execute();
    } else {
      const result = await trx
        .updateTable('homes')
        .set({ ...fields, ...activeValue, rowVersion: nextVersion('homes') })
        .where('id', '=', id)
        .where('rowVersion', '=', version)
        .executeTakeFirst();
      assertUpdated(result, 'homes', id);
    }

    const keep = persons.map((p) => p.id);
    const removed = await trx
      .selectFrom('persons')
      .select('id')
      .where('homeId', '=', id)
      .$if(keep.length > 0, (qb) => qb.where('id', 'not in', keep))
      .execute();
    const removedIds = removed.map((r) => r.id);
    if (removedIds.length > 0) {
      const checked = await trx
        .selectFrom('registerChecks')
        .select('personId')
        .distinct()
        .where('personId', 'in', removedIds)
        .execute();
      if (checked.length > 0) throw new PersonsWithChecksError(checked.map((c) => c.personId as string));
      await trx.deleteFrom('persons').where('id', 'in', removedIds).execute();
    }

    for (const person of persons) {
      const { id: personId, ...personFields } = person;
      await trx
        .insertInto('persons')
        .values({ id: personId, homeId: id, ...personFields })
        .onConflict((oc) => oc.column('id').doUpdateSet(personFields))
        .execute();
    }
  });
}

/** Marks the home at `version` active or not; `StaleRowError` when it is no longer at that version. */
export async function setHomeActive(db: Db, id: string, active: boolean, version: number): Promise<void> {
  const result = await db
    .updateTable('homes')
    .set({ active: active ? 1 : 0, rowVersion: nextVersion('homes') })
    .where('id', '=', id)
    .where('rowVersion', '=', version)
    .executeTakeFirst();
  assertUpdated(result, 'homes', id);
}

export async function countHomes(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom('homes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Homes whose id starts with `prefix` (how the demo register marks its homes). */
export async function countHomesWithIdPrefix(db: Db, prefix: string): Promise<number> {
  const { count } = await db
    .selectFrom('homes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where(idStartsWith(prefix))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/**
 * Deletes the homes whose id starts with `prefix`, with their households. Anything else that
 * refers to them (stays, checks, events, notes) makes the foreign keys refuse: call it in a
 * transaction and let the caller explain.
 */
export async function deleteHomesWithIdPrefix(db: Db, prefix: string): Promise<{ homes: number; persons: number }> {
  const homeIds = db.selectFrom('homes').select('id').where(idStartsWith(prefix));
  const persons = await db.deleteFrom('persons').where('homeId', 'in', homeIds).executeTakeFirst();
  const homes = await db.deleteFrom('homes').where(idStartsWith(prefix)).executeTakeFirst();
  return { homes: Number(homes.numDeletedRows), persons: Number(persons.numDeletedRows) };
}

/** IVO permit verifications of this home: it must then stay an HVB or stödboende. */
export async function countPermitChecks(db: Db, homeId: string): Promise<number> {
  const { count } = await db
    .selectFrom('registerChecks')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('homeId', '=', homeId)
    .where('register', '=', 'ivo-tillstand')
    .executeTakeFirstOrThrow();
  return Number(count);
}

// Exact and case-sensitive, unlike LIKE.
const idStartsWith = (prefix: string) => sql<boolean>`substr(id, 1, ${prefix.length}) = ${prefix}`;

/** Placements whose stays are in this home: the home's kind is then fixed (stay form = kind). */
export async function countStays(db: Db, homeId: string): Promise<number> {
  const { count } = await db
    .selectFrom('stays')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('homeId', '=', homeId)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Runs `fn` in the caller's transaction, or in a new one. */
export function inTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<Database>) : db.transaction().execute(fn);
}
