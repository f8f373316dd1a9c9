/**
 * Swedish text for search and sorting. Å, Ä and Ö are letters of their own (a search for "o" must
 * not find "ö"), while other accents are only spelling variants (é, ü) and fold away.
 */

// Danish/Norwegian spellings of the Swedish letters.
const NORDIC: Readonly<Record<string, string>> = { æ: 'ä', ø: 'ö' };

/** Search form of a text: NFC, Swedish lower case, diacritics stripped except on å, ä, ö. */
export function foldSwedish(text: string): string {
  return text
    .normalize('NFC') // o + U+0308 becomes ö, so decomposed input folds like composed
    .toLocaleLowerCase('sv')
    .replace(/[^\p{ASCII}åäö]/gu, (ch) => NORDIC[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, ''));
}

/** Folded substring match; an empty needle matches everything. */
export function containsSwedish(haystack: string | null | undefined, needle: string): boolean {
  const foldedNeedle = foldSwedish(needle);
  if (foldedNeedle === '') return true;
  return haystack != null && foldSwedish(haystack).includes(foldedNeedle);
}

/**
 * The words of a search: each must match somewhere, in any order ("exempelsson anna" finds
 * Anna Exempelsson). Blank searches have none, and then everything matches.
 */
export function searchWords(query: string): string[] {
  return query.split(/\s+/u).filter((word) => word !== '');
}

// Creating a collator is costly; one is enough. Swedish order puts Å, Ä, Ö after Z.
const collator = new Intl.Collator('sv');

export function compareSwedish(a: string, b: string): number {
  return collator.compare(a, b);
}

/** The order of a list's column as a person reads it: Swedish, case and accents ignored, numbers as numbers. */
const listCollator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** A list column's order (see listCollator), an empty or missing text last. */
export function compareListText(a: string | null, b: string | null): number {
  return !a ? (b ? 1 : 0) : !b ? -1 : listCollator.compare(a, b);
}
