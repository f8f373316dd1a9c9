/**
 * A home's kommun is one of Sweden's 290 municipalities, stored by its official name (SCB's list,
 * ./kommuner.ts). What a user or a file writes is matched the way the register's search matches
 * (Swedish-aware, ./swedish): case does not matter, å, ä and ö are letters of their own ("orebro"
 * is not Örebro), and a space or a hyphen between words is the same ("upplands bro" is Upplands-Bro).
 */
import { municipalities, type Municipality } from './kommuner';
import { compareSwedish, foldSwedish } from './swedish';

export { municipalities, type Municipality };

/** The form in which two spellings of a municipality's name are the same. */
const key = (text: string): string =>
  foldSwedish(text)
    .trim()
    .replace(/[\s\u2010-\u2015-]+/g, ' ');

const byKey = new Map(municipalities.map((municipality) => [key(municipality.name), municipality]));

/** The official names in Swedish order (Å, Ä, Ö after Z), for a list to choose from. */
export const municipalityNames: readonly string[] = municipalities.map((m) => m.name).sort(compareSwedish);

/** The municipality a text names, or undefined when none has that name. */
export function findMunicipality(text: string): Municipality | undefined {
  return byKey.get(key(text));
}

/** Said at the field (or the file's JSON path) when a home's kommun is not one of Sweden's. */
export function unknownMunicipalityMessage(text: string): string {
  return `Ingen av Sveriges ${municipalities.length} kommuner heter "${text.trim()}".`;
}
