/**
 * Homes: the rules a home must meet beyond the types of its fields. One source for the register's
 * form (services/homes) and the import of exchange files (domain/exchange), so the import never
 * lets in a home the form could not save. Their enumerations are in ./vocabulary.
 */
import { findMunicipality, unknownMunicipalityMessage } from './municipalities';
import { validateOrgNr } from './orgnr';
import { foldSwedish } from './swedish';
import { isFosterHomeKind, type HomeKind, type Operator } from './vocabulary';

/**
 * The most homes one answer of the register's quick search carries (a window shows a few dozen);
 * the answer counts the rest, and the search narrows them down.
 */
export const homeSearchLimit = 200;

export const noOperatorMessage = 'Familjehem, jourhem och nätverkshem har ingen huvudman.';
export const noHouseholdMessage = 'HVB, stödboende och SiS har inget hushåll: ta bort personerna.';

export interface HomeFields {
  kind: HomeKind;
  orgNr?: string | null | undefined;
  operator?: Operator | null | undefined;
  /** The kommun as written: one of Sweden's municipalities, in any case (./municipalities). */
  municipality?: string | null | undefined;
  /** How many persons the home's household has, when the caller holds the whole household. */
  householdSize?: number | undefined;
}

export interface HomeProblem {
  field: 'orgNr' | 'operator' | 'municipality' | 'persons';
  message: string;
}

/**
 * The problems of a home's fields, its org.nr in the normal form `NNNNNN-NNNN` and its kommun by
 * the official name ("örebro" is Örebro); each null if absent or invalid.
 */
export function checkHomeFields(home: HomeFields): { orgNr: string | null; municipality: string | null; problems: HomeProblem[] } {
  const problems: HomeProblem[] = [];
  let orgNr: string | null = null;
  if (home.orgNr !== null && home.orgNr !== undefined) {
    const result = validateOrgNr(home.orgNr);
    if (result.ok) orgNr = result.value;
    else problems.push({ field: 'orgNr', message: result.message });
  }
  let municipality: string | null = null;
  if (home.municipality !== null && home.municipality !== undefined) {
    const found = findMunicipality(home.municipality);
    if (found) municipality = found.name;
    else problems.push({ field: 'municipality', message: unknownMunicipalityMessage(home.municipality) });
  }
  const foster = isFosterHomeKind(home.kind);
  if (foster && home.operator !== null && home.operator !== undefined) {
    problems.push({ field: 'operator', message: noOperatorMessage });
  }
  if (!foster && (home.householdSize ?? 0) > 0) problems.push({ field: 'persons', message: noHouseholdMessage });
  return { orgNr, municipality, problems };
}

export interface HomeIdentity {
  id: string;
  name: string;
  municipality: string | null;
  orgNr: string | null;
}

export interface PossibleDuplicate {
  a: HomeIdentity;
  b: HomeIdentity;
  /** The same org.nr; otherwise the same name in the same municipality (Swedish-aware, any case). */
  sameOrgNr: boolean;
}

/**
 * Pairs of homes that may be the same home twice, each pair with at least one of `ids` (the homes
 * just written): grouped by org.nr and by name and municipality, so a whole city's register is
 * one pass, not every pair.
 */
export function possibleDuplicates(homes: readonly HomeIdentity[], ids: ReadonlySet<string>): PossibleDuplicate[] {
  const groups = new Map<string, HomeIdentity[]>();
  const add = (key: string, home: HomeIdentity) => {
    const group = groups.get(key);
    if (group) group.push(home);
    else groups.set(key, [home]);
  };
  for (const home of homes) {
    if (home.orgNr !== null) add(`org:${home.orgNr}`, home);
    if (home.municipality !== null) add(`name:${foldSwedish(home.name)}|${foldSwedish(home.municipality)}`, home);
  }
  const pairs = new Map<string, PossibleDuplicate>();
  for (const [key, group] of groups) {
    if (group.length < 2 || !group.some((home) => ids.has(home.id))) continue;
    const sorted = [...group].sort((x, y) => (x.id < y.id ? -1 : 1));
    sorted.forEach((a, i) =>
      sorted.slice(i + 1).forEach((b) => {
        if (!ids.has(a.id) && !ids.has(b.id)) return;
        const pair = `${a.id}\u0000${b.id}`;
        // The same org.nr says more than the same name: it wins when both hold.
        if (!pairs.has(pair) || key.startsWith('org:')) pairs.set(pair, { a, b, sameOrgNr: key.startsWith('org:') });
      }),
    );
  }
  return [...pairs.values()].sort((x, y) => (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : x.b.id < y.b.id ? -1 : 1));
}
