/**
 * The register of homes: list and search, read, create and edit with the household, deactivate.
 * The types are the contract's (preload/api/homes.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as repo from '../db/homes-repository';
import type { Database } from '../db/schema';
import { checkHomeFields, homeSearchLimit } from '../domain/homes';
import type {
  Home,
  HomeInput,
  HomeListRow,
  HomeSearchResult,
  SearchHomesInput,
  SimilarHome,
  SimilarHomesInput,
  TargetGroup,
} from '../../preload/api/homes';
import { findMunicipality } from '../domain/municipalities';
import { validateOrgNr } from '../domain/orgnr';
import type { Clock } from './clock';
import { StaleRowError } from '../db/row-versions';
import { changedSince, saving, ServiceError, notFound, type ServiceIssue } from './errors';
import type { HomeKind, Operator, PersonRole } from '../domain/vocabulary';

const SAVE_FAILED = 'Hemmet kunde inte sparas.';
const CHOOSE_MUNICIPALITY = 'Välj kommunen i listan.';

/**
 * The rules a home must meet beyond the contract's shape, with the org.nr normalized and the kommun
 * by its official name. The rules of the home itself live in main/domain/homes.ts, shared with the
 * import of exchange files.
 */
export function checkHome(input: HomeInput): { orgNr: string | null; municipality: string | null; issues: ServiceIssue[] } {
  const { orgNr, municipality, problems } = checkHomeFields({ ...input, householdSize: input.persons.length });
  const issues: ServiceIssue[] = problems.map(({ field, message }) => ({
    path: `/${field}`,
    // A kommun typed before the list existed may be stored: the form asks for one from the list.
    message: field === 'municipality' ? `${message} ${CHOOSE_MUNICIPALITY}` : message,
  }));
  const seen = new Set<string>();
  input.persons.forEach((person, i) => {
    if (person.id === undefined) return;
    if (seen.has(person.id)) issues.push({ path: `/persons/${i}/id`, message: 'Personen finns två gånger i hushållet.' });
    seen.add(person.id);
  });
  return { orgNr, municipality, issues };
}

/** Years of birth that cannot be true: in the future, or an uppdragstagare who is not yet an adult. */
function birthYearIssues(input: HomeInput, thisYear: number): ServiceIssue[] {
  return input.persons.flatMap((person, i): ServiceIssue[] => {
    if (person.birthYear === null) return [];
    const path = `/persons/${i}/birthYear`;
    if (person.birthYear > thisYear) return [{ path, message: `Födelseåret kan inte vara efter i år (${thisYear}).` }];
    if (person.role === 'uppdragstagare' && thisYear - person.birthYear < 18) {
      return [{ path, message: `En uppdragstagare ska vara vuxen: född ${thisYear - 18} eller tidigare.` }];
    }
    return [];
  });
}

/** The homes that may be the same, each with why: the same org.nr, or the same name in the same kommun. */
async function similarTo(
  db: Parameters<typeof repo.similarHomes>[0],
  home: { name: string; municipality: string | null; orgNr: string | null; exceptId: string | null },
): Promise<SimilarHome[]> {
  return (await repo.similarHomes(db, home)).map((row) => ({
    ...row,
    kind: row.kind as HomeKind,
    reason: home.orgNr !== null && row.orgNr === home.orgNr ? 'samma org.nr' : 'samma namn och kommun',
  }));
}

export function createHomesService(db: Kysely<Database>, clock: Clock) {
  return {
    /** Every home the search finds, in Swedish name order. */
    async list({ query }: { query?: string | undefined } = {}): Promise<HomeListRow[]> {
      return (await repo.listHomes(db, query)).map(toListRow);
    },

    /** The register page's quick search: the best `limit` homes for the search and filters, and how many there are. */
    async search(input: Partial<SearchHomesInput> = {}): Promise<HomeSearchResult> {
      const { rows, ...counts } = await repo.searchHomes(db, { ...input, limit: input.limit ?? homeSearchLimit });
      return { rows: rows.map(toListRow), ...counts };
    },

    async get(id: string): Promise<Home> {
      const home = await repo.getHome(db, id);
      if (!home) throw notFound('Hemmet');
      return toHome(home);
    },

    /** Creates the home when `id` is absent, else replaces it and its household. */
    async save(input: HomeInput): Promise<Home> {
      const { orgNr, municipality, issues } = checkHome(input);
      issues.push(...birthYearIssues(input, Number(clock.today().slice(0, 4))));
      return repo.inTransaction(db, async (trx) => {
        const id = input.id ?? randomUUID();
        const existing = input.id === undefined ? undefined : await repo.getHome(trx, input.id);
        if (input.id !== undefined && !existing) throw notFound('Hemmet');
        // Checked before the form's other checks: they would judge it against a home it was not made from.
        if (existing && existing.rowVersion !== input.rowVersion) throw await changedSince(trx, 'homes', id, 'hemmet');

        const members = new Set(existing?.persons.map((p) => p.id));
        input.persons.forEach((person, i) => {
          if (person.id !== undefined && !members.has(person.id)) {
            issues.push({ path: `/persons/${i}/id`, message: 'Personen hör inte till det här hemmet.' });
          }
        });
        if (existing && existing.kind !== input.kind && (await repo.countStays(trx, id)) > 0) {
          issues.push({ path: '/kind', message: 'Typen kan inte ändras när hemmet har placeringar: en vistelse har hemmets typ.' });
        } else if (
          existing &&
          existing.kind !== input.kind &&
          input.kind !== 'hvb' &&
          input.kind !== 'stodboende' &&
          (await repo.countPermitChecks(trx, id)) > 0
        ) {
          issues.push({ path: '/kind', message: 'Typen kan inte ändras när hemmet har kontroller av IVO-tillstånd.' });
        }
        if (issues.length > 0) throw new ServiceError('VALIDATION', SAVE_FAILED, issues);

        // The same home twice splits its history in two: asked once, then saved if the user says so.
        const identityChanged = !existing || existing.name !== input.name || existing.municipality !== municipality || existing.orgNr !== orgNr;
        if (identityChanged && !input.duplicateConfirmed) {
          const similar = await similarTo(trx, { name: input.name, municipality, orgNr, exceptId: existing?.id ?? null });
          if (similar.length > 0) {
            throw new ServiceError(
              'CONFLICT',
              'Hemmet kan redan finnas i registret.',
              similar.map((home) => ({
                path: home.reason === 'samma org.nr' ? '/orgNr' : '/name',
                message: `${home.name}${home.municipality ? ` (${home.municipality})` : ''} har ${home.reason}.`,
              })),
            );
          }
        }

        try {
          await repo.saveHome(
            trx,
            {
              id,
              kind: input.kind,
              name: input.name,
              orgNr,
              operator: input.operator,
              municipality,
              capacity: input.capacity,
              targetGroup: input.targetGroup === null ? null : JSON.stringify(input.targetGroup),
              agency: input.agency,
            },
            input.persons.map((p) => ({ id: p.id ?? randomUUID(), name: p.name, role: p.role, birthYear: p.birthYear })),
            existing ? existing.rowVersion : null,
          );
        } catch (error) {
          if (error instanceof StaleRowError) throw await changedSince(trx, 'homes', id, 'hemmet');
          if (!(error instanceof repo.PersonsWithChecksError)) throw error;
          const names = existing?.persons.filter((p) => error.personIds.includes(p.id)).map((p) => p.name) ?? [];
          throw new ServiceError('CONFLICT', SAVE_FAILED, [
            {
              path: '/persons',
              message: `${names.join(', ')} har registerkontroller och kan inte tas bort ur hushållet.`,
            },
          ]);
        }
        return toHome((await repo.getHome(trx, id))!);
      });
    },

    /** Deactivating keeps the home and its history; it only leaves the active register. */
    async setActive(id: string, active: boolean, rowVersion: number): Promise<Home> {
      return repo.inTransaction(db, async (trx) => {
        if (!(await repo.getHome(trx, id))) throw notFound('Hemmet');
        await saving(trx, 'homes', id, 'hemmet', () => repo.setHomeActive(trx, id, active, rowVersion));
        return toHome((await repo.getHome(trx, id))!);
      });
    },

    /** Homes that may be the same as the one being saved (before a save, so the form can offer to open them). */
    async findSimilar(input: SimilarHomesInput): Promise<SimilarHome[]> {
      const orgNr = input.orgNr === null ? null : validateOrgNr(input.orgNr);
      return similarTo(db, {
        name: input.name,
        // As it will be saved: the official name of the kommun typed.
        municipality: input.municipality === null ? null : (findMunicipality(input.municipality)?.name ?? input.municipality),
        orgNr: orgNr?.ok ? orgNr.value : null,
        exceptId: input.id ?? null,
      });
    },

    count(): Promise<number> {
      return repo.countHomes(db);
    },
  };
}

export type HomesService = ReturnType<typeof createHomesService>;

/** The database's CHECK constraints guarantee the enum values. */
function toListRow({ targetGroup: _targetGroup, ...row }: repo.HomeListItem): HomeListRow {
  return { ...row, kind: row.kind as HomeKind, operator: row.operator as Operator | null };
}

/** The database's CHECK constraints guarantee the enum values. */
function toHome(row: repo.HomeWithPersons): Home {
  return {
    id: row.id,
    kind: row.kind as HomeKind,
    name: row.name,
    orgNr: row.orgNr,
    operator: row.operator as Operator | null,
    municipality: row.municipality,
    capacity: row.capacity,
    targetGroup: row.targetGroup === null ? null : parseTargetGroup(row.targetGroup),
    agency: row.agency,
    active: row.active,
    rowVersion: row.rowVersion,
    persons: row.persons.map((p) => ({ ...p, role: p.role as PersonRole })),
  };
}

/** Tolerates what an import may have left out: absent fields are null, absent needs empty. */
function parseTargetGroup(json: string): TargetGroup {
  const group = JSON.parse(json) as Partial<TargetGroup>;
  return {
    minAge: group.minAge ?? null,
    maxAge: group.maxAge ?? null,
    gender: group.gender ?? null,
    needs: group.needs ?? [],
  };
}
