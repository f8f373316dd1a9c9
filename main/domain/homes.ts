/**
 * Homes: their enumerations and the rules a home must meet beyond the types of its fields.
 * One source for the register's form (services/homes) and the import of exchange files
 * (domain/exchange), so the import never lets in a home the form could not save.
 * preload/api.ts keeps its own copy of the enumerations (the contract is a leaf);
 * test/unit/enumerations.test.ts keeps the two the same.
 */
import { validateOrgNr } from './orgnr';

export const homeKinds = ['hvb', 'stodboende', 'familjehem', 'jourhem', 'natverkshem', 'sis'] as const;
export type HomeKind = (typeof homeKinds)[number];
export const operators = ['enskild', 'kommunal', 'region', 'statlig'] as const;
export type Operator = (typeof operators)[number];
export const personRoles = ['uppdragstagare', 'annan-vuxen', 'barn-i-hemmet'] as const;
export type PersonRole = (typeof personRoles)[number];
export const targetGenders = ['alla', 'flickor', 'pojkar'] as const;
export type TargetGender = (typeof targetGenders)[number];

/** Private homes of families: they have a household (persons), not an operator (huvudman). */
export const fosterHomeKinds = ['familjehem', 'jourhem', 'natverkshem'] as const satisfies readonly HomeKind[];
export const isFosterHomeKind = (kind: HomeKind): boolean => (fosterHomeKinds as readonly HomeKind[]).includes(kind);

export const noOperatorMessage = 'Familjehem, jourhem och nätverkshem har ingen huvudman.';
export const noHouseholdMessage = 'HVB, stödboende och SiS har inget hushåll: ta bort personerna.';

export interface HomeFields {
  kind: HomeKind;
  orgNr?: string | null | undefined;
  operator?: Operator | null | undefined;
  /** How many persons the home's household has, when the caller holds the whole household. */
  householdSize?: number | undefined;
}

export interface HomeProblem {
  field: 'orgNr' | 'operator' | 'persons';
  message: string;
}

/** The problems of a home's fields, and its org.nr in the normal form `NNNNNN-NNNN` (null if absent or invalid). */
export function checkHomeFields(home: HomeFields): { orgNr: string | null; problems: HomeProblem[] } {
  const problems: HomeProblem[] = [];
  let orgNr: string | null = null;
  if (home.orgNr !== null && home.orgNr !== undefined) {
    const result = validateOrgNr(home.orgNr);
    if (result.ok) orgNr = result.value;
    else problems.push({ field: 'orgNr', message: result.message });
  }
  const foster = isFosterHomeKind(home.kind);
  if (foster && home.operator !== null && home.operator !== undefined) {
    problems.push({ field: 'operator', message: noOperatorMessage });
  }
  if (!foster && (home.householdSize ?? 0) > 0) problems.push({ field: 'persons', message: noHouseholdMessage });
  return { orgNr, problems };
}
