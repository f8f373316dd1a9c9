/** The register of homes: list and search, read, create and edit with the household, deactivate. */
import { z } from 'zod';
import { homeSearchLimit } from '../../main/domain/homes';
import { homeKinds, operators, personRoles, targetGenders, type HomeKind, type Operator, type PersonRole, type TargetGender } from '../../main/domain/vocabulary';
import { channel } from './channel';
import { age, byId, id, optionalText, orNull, plainText, query, rowVersion, trimmed, versionIfEdit, versionIfEditIssue } from './fields';

export interface TargetGroup {
  minAge: number | null;
  maxAge: number | null;
  gender: TargetGender | null;
  needs: string[];
}

export interface Person {
  id: string;
  homeId: string;
  name: string;
  role: PersonRole;
  birthYear: number | null;
}

export interface Home {
  id: string;
  kind: HomeKind;
  name: string;
  orgNr: string | null;
  operator: Operator | null;
  municipality: string | null;
  capacity: number | null;
  targetGroup: TargetGroup | null;
  agency: string | null;
  active: boolean;
  persons: Person[];
  /** The version read: a save names it (fields.ts `rowVersion`). */
  rowVersion: number;
}

/**
 * A row of the register list: what the grid shows and filters on. `adults` are the names of the
 * uppdragstagare and other adults, so a search on a name finds the home.
 */
export interface HomeListRow extends Omit<Home, 'targetGroup' | 'persons'> {
  adults: string[];
}

export const targetGroupInput = z
  .object({
    minAge: orNull(age),
    maxAge: orNull(age),
    gender: orNull(z.enum(targetGenders)),
    needs: z.array(trimmed(60)).max(30).default([]),
  })
  .strict()
  .refine((g) => g.minAge === null || g.maxAge === null || g.minAge <= g.maxAge, {
    message: 'Lägsta ålder får inte vara högre än högsta ålder.',
    path: ['maxAge'],
  });

export const personInput = z
  .object({
    /** Absent for a new member of the household. */
    id: id.optional(),
    name: trimmed(200),
    role: z.enum(personRoles, 'Välj en roll.'),
    birthYear: orNull(z.int('Ange ett årtal.').min(1900, 'Årtalet är för tidigt.').max(2100, 'Årtalet är för sent.')),
  })
  .strict();
export type PersonInput = z.output<typeof personInput>;

/**
 * A home as the detail form saves it. The contract checks shape and format; the service checks
 * what needs the domain (org.nr check digit, fields that do not fit the kind).
 */
export const homeInput = z
  .object({
    /** Absent when the home is created. */
    id: id.optional(),
    kind: z.enum(homeKinds, 'Välj en typ av hem.'),
    name: trimmed(200),
    orgNr: optionalText(20),
    operator: orNull(z.enum(operators, 'Välj en huvudman.')),
    municipality: optionalText(100),
    capacity: orNull(z.int('Ange ett heltal.').min(0, 'Kan inte vara negativ.').max(999, 'Högst 999 platser.')),
    targetGroup: orNull(targetGroupInput),
    agency: optionalText(200),
    persons: z.array(personInput).max(30, 'Högst 30 personer i ett hushåll.').default([]),
    /** The version the form was read at; absent when the home is created. */
    rowVersion: rowVersion.optional(),
    /** The user has seen the homes that may be the same one (same org.nr, or name and kommun) and saves anyway. */
    duplicateConfirmed: z.boolean().optional(),
  })
  .strict()
  .refine(versionIfEdit, versionIfEditIssue);
export type HomeInput = z.output<typeof homeInput>;

/** A home that may be the same as one being saved, and why. */
export interface SimilarHome {
  id: string;
  kind: HomeKind;
  name: string;
  municipality: string | null;
  orgNr: string | null;
  /** "samma org.nr" or "samma namn och kommun". */
  reason: string;
}

export const similarHomesInput = z
  .object({ id: id.optional(), name: plainText().trim().max(200), municipality: optionalText(100), orgNr: optionalText(20) })
  .strict();
export type SimilarHomesInput = z.output<typeof similarHomesInput>;

export const homeStatusFilters = ['active', 'inactive', 'all'] as const;
export type HomeStatusFilter = (typeof homeStatusFilters)[number];

/**
 * The register's quick search with the list's filters, answered in main: the filters must apply
 * before the cut, or a home beyond it could never be found.
 */
export const searchHomesInput = z
  .object({
    query,
    kind: z.enum(homeKinds, 'Välj en typ av hem.').optional(),
    /** The kommun as stored (the choices come from `municipalities`); absent, null or blank: all. */
    municipality: optionalText(100),
    status: z.enum(homeStatusFilters, 'Välj aktiva, inaktiva eller alla.').default('all'),
    limit: z
      .int('Ange ett heltal.')
      .min(1, 'Minst 1 hem.')
      .max(homeSearchLimit, `Högst ${homeSearchLimit} hem åt gången.`)
      .default(homeSearchLimit),
  })
  .strict();
export type SearchHomesInput = z.output<typeof searchHomesInput>;

/** The best homes for a search, and how many it found. */
export interface HomeSearchResult {
  /**
   * At most `limit`, best first: the name begins with the search, then a word of the name does,
   * then the name holds every word, then other fields; within each, Swedish name order.
   */
  rows: HomeListRow[];
  /** How many homes the search and the filters find: more than `rows` when the list is cut. */
  total: number;
  /** How many more the search finds that the filters leave out. With `total`, whether the register has homes at all. */
  hidden: number;
  /** The kommuner of the homes the search finds, whatever the filters, in Swedish order: the kommun filter's choices. */
  municipalities: string[];
}

export const homeChannels = {
  /**
   * Every home `query` finds, in Swedish name order (for pickers that want them all). `query` is
   * matched Swedish-aware (case-insensitive, å/ä/ö as letters of their own) in the database.
   */
  listHomes: channel(z.object({ query }).strict()).returns<HomeListRow[]>(),
  /** The quick search of the register page: ranked, filtered and cut at `limit` in main, with the count of all it finds. */
  searchHomes: channel(searchHomesInput).returns<HomeSearchResult>(),
  getHome: channel(byId).returns<Home>(),
  saveHome: channel(homeInput).returns<Home>(),
  setHomeActive: channel(z.object({ id, active: z.boolean(), rowVersion }).strict()).returns<Home>(),
  /** Homes that may be the same as the one being saved: asked before a save, so the user can open the existing one. */
  findSimilarHomes: channel(similarHomesInput).returns<SimilarHome[]>(),
};
