import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { searchTerms } from '../domain/swedish-search';
import { containsSwedish, foldSwedish } from '../domain/swedish';

/**
 * SQLite folds only ASCII: `sv_lower` is the domain's `foldSwedish` (case, NFC, diacritics except
 * on å, ä, ö) and `sv_contains` its substring match. Deterministic, so SQLite may use them in
 * indexes and constant-fold them. Every connection that writes homes or persons needs them: the
 * triggers of migration 9 keep the homes' folded search columns with `sv_lower`, those of
 * migration 12 the notes' search index with `sv_search_terms`.
 */
export function registerSwedishFunctions(raw: BetterSqlite3.Database): void {
  const text = (value: unknown): string | null => (value == null ? null : String(value));
  raw.function('sv_lower', { deterministic: true }, (value) => {
    const s = text(value);
    return s === null ? null : foldSwedish(s);
  });
  raw.function('sv_contains', { deterministic: true }, (haystack, needle) =>
    containsSwedish(text(haystack), text(needle) ?? '') ? 1 : 0,
  );
  // A signed note's words as stems for notes_search (migration 12), without a protected child's name.
  raw.function('sv_search_terms', { deterministic: true }, (value, hiddenName) =>
    searchTerms(text(value) ?? '', hiddenName == null ? [] : [String(hiddenName)]),
  );
}
