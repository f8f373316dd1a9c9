/**
 * Homes: the rules a home must meet beyond the types of its fields. One source for the register's
 * form (services/homes) and the import of exchange files (domain/exchange), so the import never
 * lets in a home the form could not save. Their enumerations are in ./vocabulary.
 */
import { findMunicipality, unknownMunicipalityMessage } from './municipalities';
import { validateOrgNr } from './orgnr';
import { isFosterHomeKind, type HomeKind, type Operator } from './vocabulary';

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
