/**
 * Payloads a window should never send, made from ones it could: a valid payload with one to three
 * mutations, each at a place in it chosen by fast-check (so a seed gives the same payloads). What
 * IPC's structured clone can carry is fair game (undefined, NaN, -0, Date, Map, bigint, typed
 * arrays, sparse arrays, objects without a prototype); functions and symbols cannot cross it.
 */
import fc from 'fast-check';

export interface Mutated {
  payload: unknown;
  /** What was done, in order: `replace /stays/0/from ← "0000-00-00"`. */
  how: string[];
}

const MEGABYTE = 1 << 20;
/** Shared, so a thousand payloads with a megabyte each do not hold a gigabyte. */
const hugeAscii = 'x'.repeat(MEGABYTE);
const hugeSwedish = 'Å'.repeat(MEGABYTE / 2) + 'ö'.repeat(MEGABYTE / 2);
const hugeSpaces = ' '.repeat(MEGABYTE);

function deepArray(depth: number): unknown {
  let value: unknown = 'botten';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}
function deepObject(depth: number): unknown {
  let value: unknown = 'botten';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
function nullPrototype(): unknown {
  const value = Object.create(null) as Record<string, unknown>;
  value.id = 'EXEMPEL-H01';
  value.date = '2026-11-22';
  return value;
}

/** Dates the calendar or the register does not have, and shapes a date field must refuse. */
export const badDates = [
  '0000-00-00', '0000-01-01', '9999-12-31', '1899-12-31', '2200-01-01', '2026-02-29', '2025-02-29', '2026-02-30', '2026-04-31', '2026-13-01',
  '2026-00-10', '2026-11-00', '2026-11-32', '2026-1-5', '26-11-22', '20261122', '2026/11/22', '22/11/2026', '2026-11-22T00:00:00Z',
  '2026-11-22 10:00', '+002026-11-22', '-2026-11-22', '２０２６-１１-２２', '2026-11-22\u0000', ' ', 'idag', 'NaN-NaN-NaN', '1e3-01-01',
];

/** Ids no record has, some of them what a careless query would take for syntax. */
export const missingIds = [
  'finns-inte', 'EXEMPEL-H99', 'EXEMPEL-', '0', '-1', "' OR '1'='1", '%', '_', '*', '"', '\\', 'NULL', 'undefined', '__proto__', 'constructor',
  'x'.repeat(100), 'Å'.repeat(100), '😀', '../../etc/passwd', 'C:\\Windows', 'EXEMPEL-H01 ', ' EXEMPEL-H01', 'exempel-h01',
];

/** Characters the register refuses in text (control, bidi, lone surrogates) and some it takes that look odd. */
const hostileCharacters = [
  '\u0000', '\u0007', '\u0008', '\u001b[2J', '\u001b]0;x\u0007', '\r', '\n', '\r\n', '\t', '\u000b', '\u000c', '\u007f', '\u0085', '\u009b',
  '\u202a', '\u202e', '\u2066', '\u2069', '\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800', '\u200b', '\u200e', '\ufeff', '\ufffe', '\uffff',
];

const numberEdges = [
  NaN, Infinity, -Infinity, -0, -1, 0.5, 1.5, -0.5, 1e-300, 1e21, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_SAFE_INTEGER - 2,
  2 ** 31, -(2 ** 31) - 1, 2 ** 32, 10_000_001, 999_999_999,
];

/** Keys a payload's object should never carry: prototype pollution, and names every object has. */
const extraKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then', 'id', 'extra', '', ' ', 'ÅÄÖ', '0', 'length'];

/** Values for any place in a payload: a wrong type, an edge, a huge or deep one, one JSON cannot say. */
const hostileValues: (() => unknown)[] = [
  () => null,
  () => undefined,
  () => true,
  () => false,
  () => 0,
  () => -0,
  () => -1,
  () => 1.5,
  () => NaN,
  () => Infinity,
  () => -Infinity,
  () => Number.MAX_SAFE_INTEGER + 2,
  () => 1e308,
  () => '',
  () => ' ',
  () => '0',
  () => 'true',
  () => 'null',
  () => hugeAscii,
  () => hugeSwedish,
  () => hugeSpaces,
  () => '\ud800',
  () => 'a\udc00b',
  () => '\u0000',
  () => 'Sol\u202egården',
  () => '2026-02-30',
  () => '0000-00-00',
  () => '9999-12-31',
  () => [],
  () => [null],
  () => ['EXEMPEL-H01', 'EXEMPEL-H01'],
  () => Array.from({ length: 10_000 }, (_, i) => i),
  () => new Array(3),
  () => ({}),
  () => ({ id: 'EXEMPEL-H01' }),
  () => deepArray(5_000),
  () => deepObject(5_000),
  () => new Date(0),
  () => new Date(NaN),
  () => new Map([['id', 'EXEMPEL-H01']]),
  () => new Set(['EXEMPEL-H01']),
  () => new Uint8Array([1, 2, 3]),
  () => 10n,
  () => nullPrototype(),
  () => JSON.parse('{"__proto__": {"polluted": "ja"}}') as unknown,
  () => JSON.parse('{"constructor": {"prototype": {"polluted": "ja"}}}') as unknown,
];

type Kind = 'replace' | 'drop-key' | 'extra-key' | 'text' | 'number' | 'date' | 'missing-id' | 'shape' | 'huge-list';
const kinds: readonly Kind[] = ['replace', 'replace', 'drop-key', 'drop-key', 'extra-key', 'text', 'text', 'number', 'date', 'missing-id', 'shape', 'huge-list'];

interface Op {
  kind: Kind;
  at: number;
  pick: number;
  where: number;
}

interface Place {
  /** null for the payload itself. */
  parent: Record<string, unknown> | unknown[] | null;
  key: string;
  value: unknown;
  path: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/** Every place in the payload (not inside what a mutation put there that is deep or huge). */
function places(root: unknown): Place[] {
  const found: Place[] = [{ parent: null, key: '', value: root, path: '' }];
  const visit = (value: unknown, path: string, depth: number) => {
    if (depth > 8) return;
    if (Array.isArray(value)) {
      if (value.length > 100) return;
      value.forEach((item, i) => {
        found.push({ parent: value, key: String(i), value: item, path: `${path}/${i}` });
        visit(item, `${path}/${i}`, depth + 1);
      });
    } else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        found.push({ parent: value, key, value: value[key], path: `${path}/${key}` });
        visit(value[key], `${path}/${key}`, depth + 1);
      }
    }
  };
  visit(root, '', 0);
  return found;
}

/** Puts `value` at `place`, or returns it as the new payload when the place is the payload itself. */
function put(root: unknown, place: Place, value: unknown): unknown {
  if (place.parent === null) return value;
  if (Array.isArray(place.parent)) place.parent[Number(place.key)] = value;
  else Object.defineProperty(place.parent, place.key, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

/** A payload's copy that a mutation may change without touching the one it came from. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = Object.getPrototypeOf(value) === null ? (Object.create(null) as Record<string, unknown>) : {};
    for (const key of Object.keys(value)) Object.defineProperty(out, key, { value: copy(value[key]), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

const isDateLike = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

function apply(root: unknown, op: Op): { root: unknown; how: string } {
  const all = places(root);
  const among = (test: (p: Place) => boolean) => all.filter(test);
  const choose = (list: Place[]) => list[op.at % list.length]!;
  const fallback = () => {
    const place = choose(all);
    const value = hostileValues[op.pick % hostileValues.length]!();
    return { root: put(root, place, value), how: `replace ${place.path || '(payload)'} ← ${describe(value)}` };
  };
  switch (op.kind) {
    case 'replace':
      return fallback();
    case 'drop-key': {
      const objects = among((p) => isPlainObject(p.value) && Object.keys(p.value).length > 0);
      if (objects.length === 0) return fallback();
      const place = choose(objects);
      const keys = Object.keys(place.value as object);
      const key = keys[op.pick % keys.length]!;
      delete (place.value as Record<string, unknown>)[key];
      return { root, how: `drop ${place.path}/${key}` };
    }
    case 'extra-key': {
      const objects = among((p) => isPlainObject(p.value));
      if (objects.length === 0) return fallback();
      const place = choose(objects);
      const key = extraKeys[op.pick % extraKeys.length]!;
      const value = hostileValues[op.where % hostileValues.length]!();
      // defineProperty: `__proto__` becomes an own key, as JSON.parse and structured clone make it.
      Object.defineProperty(place.value, key, { value, enumerable: true, writable: true, configurable: true });
      return { root, how: `add ${place.path}/${JSON.stringify(key)} = ${describe(value)}` };
    }
    case 'text': {
      const strings = among((p) => typeof p.value === 'string');
      if (strings.length === 0) return fallback();
      const place = choose(strings);
      const text = place.value as string;
      const character = hostileCharacters[op.pick % hostileCharacters.length]!;
      const at = op.where % (text.length + 1);
      const value = text.slice(0, at) + character + text.slice(at);
      return { root: put(root, place, value), how: `insert ${describe(character)} into ${place.path || '(payload)'} at ${at}` };
    }
    case 'number': {
      const numbers = among((p) => typeof p.value === 'number');
      if (numbers.length === 0) return fallback();
      const place = choose(numbers);
      const n = place.value as number;
      const edges = [...numberEdges, n - 1, n + 1, -n, n + 0.5, String(n)];
      const value = edges[op.pick % edges.length];
      return { root: put(root, place, value), how: `replace ${place.path || '(payload)'} (${n}) ← ${describe(value)}` };
    }
    case 'date': {
      const dates = among((p) => isDateLike(p.value));
      const targets = dates.length > 0 ? dates : among((p) => typeof p.value === 'string');
      if (targets.length === 0) return fallback();
      const place = choose(targets);
      const value = badDates[op.pick % badDates.length]!;
      return { root: put(root, place, value), how: `replace ${place.path || '(payload)'} ← ${describe(value)}` };
    }
    case 'missing-id': {
      const strings = among((p) => typeof p.value === 'string' && !isDateLike(p.value));
      if (strings.length === 0) return fallback();
      const place = choose(strings);
      const value = missingIds[op.pick % missingIds.length]!;
      return { root: put(root, place, value), how: `replace ${place.path || '(payload)'} ← ${describe(value)}` };
    }
    case 'shape': {
      const place = choose(among((p) => typeof p.value === 'object' && p.value !== null) .concat(all.slice(0, 1)));
      const value = place.value;
      const shapes = [
        () => (isPlainObject(value) ? Object.values(value) : Array.isArray(value) ? { ...value } : [value]),
        () => [value],
        () => ({ value }),
        () => [value, value],
      ];
      const next = shapes[op.pick % shapes.length]!();
      return { root: put(root, place, next), how: `reshape ${place.path || '(payload)'} → ${describe(next)}` };
    }
    case 'huge-list': {
      const lists = among((p) => Array.isArray(p.value));
      if (lists.length === 0) return fallback();
      const place = choose(lists);
      const list = place.value as unknown[];
      // Its own items over and over, but never a long text a hundred thousand times: no window could send that much.
      const item = (i: number) => {
        const each = list[i % Math.max(1, list.length)] ?? i;
        return typeof each === 'string' && each.length > 200 ? each.slice(0, 200) : each;
      };
      const value = Array.from({ length: [501, 1_000, 100_000][op.pick % 3]! }, (_, i) => item(i));
      return { root: put(root, place, value), how: `grow ${place.path || '(payload)'} to ${value.length} items` };
    }
  }
}

const op: fc.Arbitrary<Op> = fc.record({ kind: fc.constantFrom(...kinds), at: fc.nat(), pick: fc.nat(), where: fc.nat() });

/** One to three mutations of a payload from `valid`. */
export function mutatedArbitrary(valid: fc.Arbitrary<unknown>): fc.Arbitrary<Mutated> {
  return fc.tuple(valid, fc.array(op, { minLength: 1, maxLength: 3 })).map(([payload, ops]) => {
    let root = copy(payload);
    const how: string[] = [];
    for (const each of ops) {
      const done = apply(root, each);
      root = done.root;
      how.push(done.how);
    }
    return { payload: root, how };
  });
}

/**
 * A payload as a finding shows it: JSON-like, long strings cut with their length, deep nesting
 * cut with its depth, invisible characters escaped, what JSON cannot say named.
 */
export function describe(value: unknown, depth = 0): string {
  if (depth > 6) return '…';
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 24)}…${value.slice(-8)}` : value;
    const escaped = JSON.stringify(shown).replace(/[\u007f-\u009f\u00a0\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return value.length > 60 ? `${escaped}(${value.length} chars)` : escaped;
  }
  if (typeof value !== 'object' || value === null) return String(value);
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'Invalid' : value.toISOString()})`;
  if (value instanceof Map) return `Map(${value.size})`;
  if (value instanceof Set) return `Set(${value.size})`;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${value.byteLength})`;
  if (Array.isArray(value)) {
    if (value.length > 8) return `[${value.slice(0, 3).map((v) => describe(v, depth + 1)).join(', ')}, … (${value.length} items)]`;
    return `[${Array.from(value, (v) => describe(v, depth + 1)).join(', ')}]`;
  }
  const prefix = Object.getPrototypeOf(value) === null ? '(no prototype)' : '';
  const entries = Object.keys(value).map((key) => `${JSON.stringify(key)}: ${describe((value as Record<string, unknown>)[key], depth + 1)}`);
  return `${prefix}{${entries.join(', ')}}`;
}
