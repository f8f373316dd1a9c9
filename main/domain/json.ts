/**
 * Reading a file's bytes as JSON, strictly (issue 17): the bytes must be UTF-8 (a Latin-1 file
 * would otherwise import "Solgl�ntans HVB"), and a key may stand only once in an object
 * (`JSON.parse` keeps the last silently). Problems are said in Swedish with where they are
 * (byte offset, line and column, or JSON path), never by echoing the bytes themselves.
 *
 * Pure: bytes or text in, a value or problems out.
 */
import { codePointName, cut, terminalSafe } from './text';

export interface JsonProblem {
  /** JSON pointer (`/homes/0/name`) for a problem in a value; "" for the file as a whole. */
  path: string;
  message: string;
}

export type JsonReading = { ok: true; value: unknown } | { ok: false; kind: 'encoding' | 'syntax' | 'duplicate-keys'; problems: JsonProblem[] };

/** RFC 6901: `~` and `/` inside a segment are escaped. */
export function pointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** A key as a message names it: cut and escaped (an unknown key of 10 MB or with an escape sequence is not echoed). */
export const shownKey = (key: PropertyKey) => terminalSafe(cut(String(key)), { oneLine: true });

// ---------------------------------------------------------------------------------------------
// UTF-8

/**
 * The offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or -1 when all of it is UTF-8.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Line and column (from 1) of a byte offset, counting characters as UTF-8 up to it. */
function byteLineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else if ((b & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}

const hexByte = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** The bytes as text, if they are UTF-8; a byte order mark is dropped (editors on Windows write one). */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    const offset = invalidUtf8Offset(bytes);
    const { line, column } = byteLineColumn(bytes, Math.max(0, offset));
    return {
      ok: false,
      message: `filen är inte UTF-8: byte ${offset} (${hexByte(bytes[offset] ?? 0)}, rad ${line}, kolumn ${column}; byten räknas från 0) börjar inget giltigt UTF-8-tecken; spara filen som UTF-8 och försök igen`,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// JSON

/** Deeper than any exchange file needs; keeps a hostile `[[[[…]]]]` from exhausting the stack. */
export const MAX_DEPTH = 100;

class SyntaxProblem extends Error {
  constructor(
    readonly position: number,
    readonly what: string,
  ) {
    super(what);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const PLAIN = /[^"\\\u0000-\u001f]*/y; // eslint-disable-line no-control-regex -- raw control characters end a JSON string's plain run

/**
 * Parses JSON text as `JSON.parse` would, but reports a key that stands twice in one object (each
 * such key, at its path) and says a syntax error in Swedish with its line and column.
 */
export function parseJson(text: string): JsonReading {
  const duplicates: JsonProblem[] = [];
  const path: PropertyKey[] = [];
  let pos = 0;

  const fail = (what: string, at = pos): never => {
    throw new SyntaxProblem(at, what);
  };
  const describeAt = (at: number): string => {
    if (at >= text.length) return 'filen tar slut för tidigt';
    const codePoint = text.codePointAt(at)!;
    const char = String.fromCodePoint(codePoint);
    const printable = codePoint > 0x20 && terminalSafe(char) === char && codePoint !== 0xfeff;
    return `oväntat tecken ${printable ? `"${char}" (${codePointName(codePoint)})` : codePointName(codePoint)}`;
  };
  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else return;
    }
  };
  const expect = (char: string) => {
    if (text[pos] !== char) fail(`${describeAt(pos)}; här väntades ${char}`);
    pos++;
  };

  const parseString = (): string => {
    const start = pos;
    pos++; // the opening quote
    let result = '';
    for (;;) {
      PLAIN.lastIndex = pos;
      const run = PLAIN.exec(text)![0];
      result += run;
      pos += run.length;
      const c = text[pos];
      if (c === '"') {
        pos++;
        return result;
      }
      if (c === undefined) fail('en text tar aldrig slut (ett " saknas)', start);
      if (c === '\\') {
        const e = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          result += simple[e];
          pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          result += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else {
          fail('ogiltig escape-sekvens i en text (efter \\)', pos);
        }
      } else {
        fail(`${codePointName(text.charCodeAt(pos))} står oskyddat i en text; i JSON skrivs ett styrtecken som \\u${text.charCodeAt(pos).toString(16).padStart(4, '0')}`);
      }
    }
  };

  const parseValue = (depth: number): unknown => {
    skipSpace();
    if (depth > MAX_DEPTH) fail(`mer än ${MAX_DEPTH} nivåer av listor och objekt i varandra`);
    const c = text[pos];
    if (c === '{') {
      pos++;
      const object: Record<string, unknown> = {};
      const firstAt = new Map<string, number>();
      skipSpace();
      if (text[pos] === '}') {
        pos++;
        return object;
      }
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') fail(`${describeAt(pos)}; här väntades ett namn inom "`);
        const keyAt = pos;
        const key = parseString();
        skipSpace();
        expect(':');
        path.push(key);
        const value = parseValue(depth + 1);
        path.pop();
        if (Object.hasOwn(object, key)) {
          duplicates.push({
            path: pointer([...path.map(shownKey), shownKey(key)]),
            message: `står två gånger i samma objekt (rad ${lineColumn(text, firstAt.get(key)!).line} och rad ${lineColumn(text, keyAt).line}); ett fält får bara finnas en gång`,
          });
        } else {
          firstAt.set(key, keyAt);
          // A key "__proto__" is a field like any other, as JSON.parse makes it (not the object's prototype).
          Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
        }
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return object;
        }
        fail(`${describeAt(pos)}; här väntades , eller }`);
      }
    }
    if (c === '[') {
      pos++;
      const array: unknown[] = [];
      skipSpace();
      if (text[pos] === ']') {
        pos++;
        return array;
      }
      for (;;) {
        path.push(array.length);
        array.push(parseValue(depth + 1));
        path.pop();
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return array;
        }
        fail(`${describeAt(pos)}; här väntades , eller ]`);
      }
    }
    if (c === '"') return parseString();
    if (c === 't' && text.startsWith('true', pos)) return (pos += 4), true;
    if (c === 'f' && text.startsWith('false', pos)) return (pos += 5), false;
    if (c === 'n' && text.startsWith('null', pos)) return (pos += 4), null;
    NUMBER.lastIndex = pos;
    const number = NUMBER.exec(text);
    if (number !== null) {
      pos += number[0].length;
      return Number(number[0]);
    }
    return fail(describeAt(pos));
  };

  try {
    const value = parseValue(0);
    skipSpace();
    if (pos < text.length) fail(`${describeAt(pos)} efter filens värde`);
    if (duplicates.length > 0) return { ok: false, kind: 'duplicate-keys', problems: duplicates };
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    const { line, column } = lineColumn(text, error.position);
    return { ok: false, kind: 'syntax', problems: [{ path: '', message: `rad ${line}, kolumn ${column}: ${error.what}` }] };
  }
}

/** Line and column (from 1) of a position in the text; a column counts UTF-16 units, as editors near enough do. */
function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}

/** The bytes of a file as JSON: UTF-8 first, then the strict parse. */
export function readJsonBytes(bytes: Uint8Array): JsonReading {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, kind: 'encoding', problems: [{ path: '', message: decoded.message }] };
  return parseJson(decoded.text);
}
