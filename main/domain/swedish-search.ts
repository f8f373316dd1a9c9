/**
 * Swedish full-text search of journal notes. The notes are indexed in SQLite FTS5 as stems (the
 * Snowball Swedish stemmer below), so a search for "skolor" finds "skola"; the query is stemmed the
 * same way, and hits are highlighted here by the same rule, so what is marked is what matched.
 */
import { foldSwedish } from './swedish';

// ---------------------------------------------------------------------------------------------
// The Snowball Swedish stemmer (snowballstem.org), the classic definition: its suffix lists, R1 and
// three steps. Changing any of it changes the stored terms, so the index must be rebuilt with it.

const VOWELS: ReadonlySet<string> = new Set('aeiouyäåö');
const S_ENDINGS: ReadonlySet<string> = new Set('bcdfghjklmnoprtvy');
const CONSONANT_PAIRS: ReadonlySet<string> = new Set(['dd', 'gd', 'nn', 'dt', 'gt', 'kt', 'tt']);

// Longest first: Snowball removes the longest suffix that lies in R1.
const MAIN_SUFFIXES: readonly string[] = [
  'a', 'arna', 'erna', 'heterna', 'orna', 'ad', 'e', 'ade', 'ande', 'arne', 'are', 'aste', 'en',
  'anden', 'aren', 'heten', 'ern', 'ar', 'er', 'heter', 'or', 'as', 'arnas', 'ernas', 'ornas',
  'es', 'ades', 'andes', 'ens', 'arens', 'hetens', 'erns', 'at', 'andet', 'het', 'ast', 's',
].sort((a, b) => b.length - a.length);

const OTHER_SUFFIXES: ReadonlyArray<readonly [suffix: string, replacement: string]> = [
  ['fullt', 'full'],
  ['löst', 'lös'],
  ['lig', ''],
  ['els', ''],
  ['ig', ''],
];

/**
 * Where R1 starts (in UTF-16 units): after the first non-vowel that follows a vowel, but at least
 * 3 letters in, so a short word keeps its ending. A word without such a place has an empty R1.
 */
function r1Start(word: string): number {
  const letters = Array.from(word); // letters, not UTF-16 units, are what Snowball counts
  if (letters.length < 3) return word.length;
  const firstVowel = letters.findIndex((letter) => VOWELS.has(letter));
  if (firstVowel < 0) return word.length;
  for (let i = firstVowel + 1; i < letters.length; i += 1) {
    if (!VOWELS.has(letters[i] ?? '')) return letters.slice(0, Math.max(i + 1, 3)).join('').length;
  }
  return word.length;
}

/**
 * Stems already computed: a register's notes use a few tens of thousands of words, and indexing
 * a note stems each of its words (the cache is emptied when it grows past its bound).
 */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** The Snowball Swedish stem of one word (lower-cased first): "skolor" → "skol", "barnens" → "barn". */
export function swedishStem(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stem = stemOf(word);
    stemCache.set(word, stem);
  }
  return stem;
}

function stemOf(word: string): string {
  let stem = word.toLocaleLowerCase('sv');
  const r1 = r1Start(stem);
  const inR1 = (suffix: string): boolean => stem.endsWith(suffix) && stem.length - suffix.length >= r1;

  // Step 1: inflection endings; a bare "s" only after a letter that takes it (not "kompis").
  const main = MAIN_SUFFIXES.find(inR1);
  if (main !== undefined && (main !== 's' || S_ENDINGS.has(stem.at(-2) ?? ''))) stem = stem.slice(0, -main.length);

  // Step 2: "tryggt" → "trygg", so the neuter form meets the others.
  if (stem.length - 2 >= r1 && CONSONANT_PAIRS.has(stem.slice(-2))) stem = stem.slice(0, -1);

  // Step 3: derivation endings.
  const other = OTHER_SUFFIXES.find(([suffix]) => inR1(suffix));
  if (other !== undefined) stem = stem.slice(0, -other[0].length) + other[1];
  return stem;
}

// ---------------------------------------------------------------------------------------------
// Words of a text.

// A word starts with a letter or digit; combining marks belong to the word, so a decomposed
// "o" + U+0308 stays inside "Örebro" instead of splitting it.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

interface WordSpan {
  readonly start: number;
  readonly end: number;
  /** Search form: Swedish lower case, å ä ö kept, other accents folded (see foldSwedish). */
  readonly word: string;
}

function wordSpans(text: string): WordSpan[] {
  return Array.from(text.matchAll(WORD), (match) => ({
    start: match.index,
    end: match.index + match[0].length,
    word: foldSwedish(match[0]),
  }));
}

/**
 * The words of a text in order, in search form. Anything that is not a letter or digit separates
 * words, so FTS5 syntax (quotes, *, ^, :, parentheses) never reaches a word.
 */
export function searchWords(text: string): string[] {
  return wordSpans(text).map((span) => span.word);
}

// ---------------------------------------------------------------------------------------------
// Protected names.

function nameStems(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.flatMap(searchWords).map(swedishStem));
}

/**
 * A word that is one of the names: the same stem, or the name with a genitive "s". The stemmer
 * keeps the "s" after a vowel other than o and y ("Idas", "Leos", "Alis" stay whole), and a
 * protected child's name must not slip through in its genitive.
 */
function isName(word: string, stems: ReadonlySet<string>): boolean {
  if (stems.size === 0) return false;
  return stems.has(swedishStem(word)) || (word.length > 1 && word.endsWith('s') && stems.has(swedishStem(word.slice(0, -1))));
}

/**
 * The text's stems, space-separated, for the FTS5 column. Words that are one of hiddenNames are
 * left out, so a protected child's name is never found, not even by a search for the name itself.
 */
export function searchTerms(text: string, hiddenNames: readonly string[] = []): string {
  const hidden = nameStems(hiddenNames);
  return searchWords(text)
    .filter((word) => !isName(word, hidden))
    .map(swedishStem)
    .join(' ');
}

/** The text with each word that is one of the names replaced by the mask, the rest untouched. */
export function maskNames(text: string, names: readonly string[], mask = '[namn dolt]'): string {
  const stems = nameStems(names);
  if (stems.size === 0) return text;
  let masked = '';
  let from = 0;
  for (const span of wordSpans(text)) {
    if (!isName(span.word, stems)) continue;
    masked += text.slice(from, span.start) + mask;
    from = span.end;
  }
  return masked + text.slice(from);
}

// ---------------------------------------------------------------------------------------------
// Queries.

function queryStems(query: string): string[] {
  return [...new Set(searchWords(query).map(swedishStem))];
}

/**
 * The query as an FTS5 MATCH expression: every word required, each as a quoted prefix of its stem
 * ("skola barnen" → `"skol"* AND "barn"*`). Quoting keeps words such as AND, OR, NEAR and NOT plain
 * words; the doubled quote is a second guard, as words never contain one. Null when there are no
 * words: an empty MATCH is an FTS5 syntax error, and the caller should not search at all.
 */
export function matchQuery(query: string): string | null {
  const stems = queryStems(query);
  if (stems.length === 0) return null;
  return stems.map((stem) => `"${stem.replaceAll('"', '""')}"*`).join(' AND ');
}

export interface TextSegment {
  text: string;
  hit: boolean;
}

/** A word is a hit when its stem starts with a query stem: the prefix match that FTS5 does. */
function isHit(word: string, stems: readonly string[]): boolean {
  if (stems.length === 0) return false;
  const stem = swedishStem(word);
  return stems.some((queryStem) => stem.startsWith(queryStem));
}

function pushPlain(segments: TextSegment[], text: string): void {
  if (text === '') return;
  const last = segments.at(-1);
  if (last !== undefined && !last.hit) last.text += text;
  else segments.push({ text, hit: false });
}

/** text[from, to) as segments, a hit word in a segment of its own, the text between merged. */
function segmentsOf(text: string, from: number, to: number, spans: readonly WordSpan[], stems: readonly string[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let plainFrom = from;
  for (const span of spans) {
    if (span.start < from || span.end > to || !isHit(span.word, stems)) continue;
    pushPlain(segments, text.slice(plainFrom, span.start));
    segments.push({ text: text.slice(span.start, span.end), hit: true });
    plainFrom = span.end;
  }
  pushPlain(segments, text.slice(plainFrom, to));
  return segments;
}

/**
 * The whole text as segments, hit: true for each word the query matches ("skola" marks "Skolans").
 * The segments' texts joined are exactly the text.
 */
export function highlight(text: string, query: string): TextSegment[] {
  return segmentsOf(text, 0, text.length, wordSpans(text), queryStems(query));
}

/**
 * About `length` characters of the text around its first hit (the start of the text when nothing
 * matches), cut between words, with "…" where the text goes on.
 */
export function snippet(text: string, query: string, length = 240): TextSegment[] {
  const stems = queryStems(query);
  const spans = wordSpans(text);
  const first = spans.find((span) => isHit(span.word, stems));

  let start = 0;
  if (first !== undefined) {
    // A third of the room before the hit, so it is read in its sentence; begin at a whole word.
    const wanted = first.start - Math.floor(length / 3);
    if (wanted > 0) start = spans.find((span) => span.start >= wanted)?.start ?? first.start;
  }
  let end = text.length;
  if (start + length < text.length) {
    const lastWhole = spans.filter((span) => span.start >= start && span.end <= start + length).at(-1);
    // A single word longer than the room is cut inside; the hit itself is never cut.
    end = Math.max(lastWhole?.end ?? start + length, first?.end ?? 0);
  }

  const segments: TextSegment[] = start > 0 ? [{ text: '…', hit: false }] : [];
  for (const segment of segmentsOf(text, start, end, spans, stems)) {
    if (segment.hit) segments.push(segment);
    else pushPlain(segments, segment.text);
  }
  if (end < text.length) pushPlain(segments, '…');
  return segments;
}
