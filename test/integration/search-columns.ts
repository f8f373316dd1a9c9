/**
 * What the homes' folded search columns (migration 9) must hold, computed here from the stored
 * fields with the domain's `foldSwedish`, so a test can check that every write kept them in step.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { expect } from 'vitest';
import { foldSwedish } from '../../main/domain/swedish';

interface StoredHome {
  id: string;
  name: string;
  org_nr: string | null;
  municipality: string | null;
  agency: string | null;
  search_name: string;
  search_text: string;
  search_org_nr: string | null;
}

/** Each home's search columns as stored, and as its fields and adults say they should be. */
export function searchColumns(raw: BetterSqlite3.Database): { stored: object[]; expected: object[] } {
  const homes = raw
    .prepare('SELECT id, name, org_nr, municipality, agency, search_name, search_text, search_org_nr FROM homes ORDER BY id')
    .all() as StoredHome[];
  const adults = raw.prepare("SELECT home_id, name FROM persons WHERE role IN ('uppdragstagare', 'annan-vuxen')").all() as {
    home_id: string;
    name: string;
  }[];
  // The adults come in no particular order: compare the lines as sorted lists.
  const lines = (text: string) => text.split('\n').sort();
  return {
    stored: homes.map((home) => ({ id: home.id, name: home.search_name, text: lines(home.search_text), orgNr: home.search_org_nr })),
    expected: homes.map((home) => ({
      id: home.id,
      name: foldSwedish(home.name),
      text: lines(
        [home.name, home.org_nr, home.municipality, home.agency, ...adults.filter((a) => a.home_id === home.id).map((a) => a.name)]
          .filter((field): field is string => field !== null)
          .map(foldSwedish)
          .join('\n'),
      ),
      orgNr: home.org_nr === null ? null : foldSwedish(home.org_nr.replaceAll('-', '')),
    })),
  };
}

export function expectSearchColumnsInStep(raw: BetterSqlite3.Database, when: string): void {
  const { stored, expected } = searchColumns(raw);
  expect(stored, when).toEqual(expected);
}
