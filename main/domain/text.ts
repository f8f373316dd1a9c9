/**
 * What text the register takes (issue 17; docs/data-format.md, "Text"), defined once for the
 * exchange format, the window's contract and the command line:
 *
 * - never a lone UTF-16 surrogate: SQLite stores UTF-8 and turns each into U+FFFD, so two
 *   different ids could become one;
 * - never a control character a terminal or a text layout acts on: C0 (U+0000–U+001F), DEL
 *   (U+007F), C1 (U+0080–U+009F), and the bidi embeddings, overrides and isolates
 *   (U+202A–U+202E, U+2066–U+2069), which can make a name read backwards;
 * - multi-line text (notes, descriptions, comments) may hold line feed (LF) and tab; CR is refused
 *   there too, so a line break is one character whichever system wrote it.
 *
 * And how a value is shown back to a person: `quote` cuts it, `terminalSafe` escapes it.
 */
/* eslint-disable no-control-regex -- finding control characters is what this module is for */

export type TextShape = 'single-line' | 'multi-line';

export interface ForbiddenCharacter {
  /** Index (UTF-16 code units) in the string. */
  index: number;
  codePoint: number;
  kind: 'lone-surrogate' | 'control' | 'bidi' | 'line-break';
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
const isBidiControl = (unit: number) => (unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069);
const isControl = (unit: number) => unit <= 0x1f || (unit >= 0x7f && unit <= 0x9f);

/** Quick test for what `forbiddenCharacter` looks for (most text has none). */
const SUSPECT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/** The first character `value` may not hold in a field of that shape, or null. */
export function forbiddenCharacter(value: string, shape: TextShape = 'single-line'): ForbiddenCharacter | null {
  if (!SUSPECT.test(value)) return null;
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    if (isHighSurrogate(unit)) {
      if (index + 1 < value.length && isLowSurrogate(value.charCodeAt(index + 1))) {
        index++;
        continue;
      }
      return { index, codePoint: unit, kind: 'lone-surrogate' };
    }
    if (isLowSurrogate(unit)) return { index, codePoint: unit, kind: 'lone-surrogate' };
    if (isBidiControl(unit)) return { index, codePoint: unit, kind: 'bidi' };
    if (isControl(unit)) {
      if (shape === 'multi-line' && (unit === 0x0a || unit === 0x09)) continue;
      return { index, codePoint: unit, kind: unit === 0x0a || unit === 0x0d ? 'line-break' : 'control' };
    }
  }
  return null;
}

/** `U+001B`. */
export const codePointName = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What is wrong with the text, as the exchange format says it (a lower-case phrase after the JSON
 * path), or null. Position 1 is the first character.
 */
export function textProblem(value: string, shape: TextShape = 'single-line'): string | null {
  const found = forbiddenCharacter(value, shape);
  if (found === null) return null;
  const where = `${codePointName(found.codePoint)} på plats ${found.index + 1}`;
  switch (found.kind) {
    case 'lone-surrogate':
      return `innehåller en ensam UTF-16-surrogat (${where}), som inte är något tecken`;
    case 'bidi':
      return `innehåller ett styrtecken för skrivriktning (${where}), som inte är tillåtet`;
    case 'line-break':
      return shape === 'multi-line'
        ? `innehåller vagnretur (${where}); skriv radbrytningar som \\n (LF), inte \\r\\n`
        : `innehåller en radbrytning (${where}); fältet är en rad`;
    case 'control':
      return `innehåller styrtecknet ${where}, som inte är tillåtet`;
  }
}

/** The same rule as the window says it, at the field (a whole sentence). */
export function textFieldMessage(value: string, shape: TextShape = 'single-line'): string | null {
  const found = forbiddenCharacter(value, shape);
  if (found === null) return null;
  if (found.kind === 'line-break' && shape === 'single-line') return 'Får inte innehålla radbrytningar.';
  return `Får inte innehålla osynliga styrtecken (${codePointName(found.codePoint)}).`;
}

/** An id is written in Unicode NFC, so one id has one spelling ("Å" is one character, not A + ring). */
export const isNfc = (value: string) => value === value.normalize('NFC');

export const notNfcMessage =
  'är inte skrivet i Unicode-normalform NFC (ett tecken som å är skrivet som två, a + ring); skriv id:t i NFC så att det har en enda stavning';

/** How much of a value a message quotes. */
export const QUOTE_MAX = 80;

/**
 * A value quoted in a message: as JSON (so quotes and control characters are escaped), cut after
 * `QUOTE_MAX` characters with "…" so a 10 MB value never fills the screen.
 */
export function quote(value: string, max = QUOTE_MAX): string {
  return value.length <= max ? JSON.stringify(value) : `${JSON.stringify(cutAt(value, max)).slice(0, -1)}…"`;
}

/** At most `max` characters without splitting a surrogate pair, then "…". */
export function cut(value: string, max = QUOTE_MAX): string {
  return value.length <= max ? value : `${cutAt(value, max)}…`;
}

function cutAt(value: string, max: number): string {
  const end = isHighSurrogate(value.charCodeAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end);
}

const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const TERMINAL_UNSAFE_IN_CELL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text for a terminal: every character a terminal or a layout acts on (the ones `forbiddenCharacter`
 * refuses, LF and tab aside) written as `\uXXXX`. The result is plain printable text; escaping it
 * again changes nothing, and JSON stays valid JSON with the same values (inside a JSON string
 * `\uXXXX` is that character; outside strings JSON.stringify writes none of them).
 * `oneLine`: LF and tab escaped too, for a table cell or a value within a line.
 */
export function terminalSafe(text: string, { oneLine = false }: { oneLine?: boolean } = {}): string {
  const pattern = oneLine ? TERMINAL_UNSAFE_IN_CELL : TERMINAL_UNSAFE;
  return text.replace(pattern, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
