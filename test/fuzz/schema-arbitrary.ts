/**
 * Valid payloads from a channel's zod 4 input schema, as fast-check arbitraries: the schema is
 * walked through `schema._zod.def` (objects, arrays, unions, enums, literals, pipes, defaults …)
 * and each leaf gets values its own checks accept. A string leaf's checks are mostly functions
 * (`superRefine`: a date, the register's text rule), which a walk cannot read, so each string leaf
 * is probed once: a few families of candidates (dates, digits, words, awkward but allowed text,
 * ids of real records) are tried against the leaf itself and the families it accepts are kept.
 *
 * `hints` bring what a schema cannot know: the ids that exist in the register (so a payload can
 * reach the service's real work, not only its "finns inte"), and the schema a service applies to a
 * `z.unknown()` field itself. Whatever a hint says, a leaf keeps only values its schema accepts.
 */
import fc from 'fast-check';
import type { z } from 'zod';

/** Where a value sits in the payload: object keys, `[]` for an array's element, `{}` for a record's key. */
export type SchemaPath = readonly string[];

export interface SchemaHints {
  /** Strings worth trying at this place (ids of records in the register, dates that exist there). */
  stringsAt?(path: SchemaPath): readonly string[] | undefined;
  /** Numbers worth trying at this place (a settings version, a file's ordinal). */
  numbersAt?(path: SchemaPath): readonly number[] | undefined;
  /** The schema a service checks a `z.unknown()` at this place with, to generate from instead. */
  unknownAt?(path: SchemaPath): z.ZodType | undefined;
}

// zod 4's internals, as far as the walk reads them.
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  options?: Schema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: Schema;
  valueType?: Schema;
  checks?: unknown[];
  getter?: () => Schema;
}
interface Schema {
  _zod: { def: Def; bag: { minimum?: number | bigint; maximum?: number | bigint; format?: string }; optin?: 'optional' };
  safeParse(value: unknown): { success: boolean };
}

const asSchema = (schema: z.ZodType) => schema as unknown as Schema;

/** Letters as Swedish text has them, and what text around them has. */
const letters = 'abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖéü';
const wordUnit = fc.constantFrom(...`${letters}${letters}0123456789    -.,:/()`.split(''));

/**
 * Text the register takes but a careless query would not: SQL and LIKE wildcards, full-text
 * search syntax, quotes, surrogate pairs, combining marks, right-to-left letters, zero-width
 * characters. None is a control character, a bidi override or a lone surrogate.
 */
const awkwardPieces = [
  "'", '"', '%', '_', '*', '\\', '`', ';', '--', '/*', '*/', "' OR '1'='1", '" OR 1=1 --', 'NEAR(a b)', 'AND', 'OR', 'NOT', '^', '(', ')',
  ':', 'a:b', '{', '}', '[', ']', '$1', '${x}', '&amp;', '<b>', '</script>', '😀', '👩‍👧‍👦', '𝔄', 'e\u0301', 'Å', 'ß', 'ﬁ', 'İ', 'ς',
  'شكرا', 'שלום', '中文', '\u00a0', '\u200b', '\u200d', '\ufeff', '\u2028', '\u2029', 'NULL', 'null', 'undefined', '0x1F', '1e309', '-0',
  // Names every object has: text used as a key into a table of words must not find them.
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype',
];
/** Often one piece alone, so a whole field can be `__proto__`. */
const awkwardText = fc.oneof(
  fc.constantFrom(...awkwardPieces),
  fc.array(fc.oneof(fc.constantFrom(...awkwardPieces), fc.string({ unit: wordUnit, maxLength: 6 })), { minLength: 2, maxLength: 6 }).map((parts) => parts.join('')),
);

const pad2 = (n: number) => String(n).padStart(2, '0');
/** A calendar date `YYYY-MM-DD` (days 1–28 always exist; month ends and leap days come as constants). */
const calendarDate = fc
  .record({ year: fc.integer({ min: 1990, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day }) => `${year}-${pad2(month)}-${pad2(day)}`);
const edgeDates = ['1900-01-01', '2199-12-31', '2024-02-29', '2026-02-28', '2026-11-22', '2026-12-31', '2027-01-01', '2000-02-29', '2026-11-30', '2026-01-31'];
const dateText = fc.oneof({ arbitrary: calendarDate, weight: 4 }, { arbitrary: fc.constantFrom(...edgeDates), weight: 1 });

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: min, maxLength: max });

const finite = (value: number | bigint | undefined, fallback: number) =>
  value === undefined || !Number.isFinite(Number(value)) ? fallback : Number(value);

export class SchemaWalkError extends Error {}

/** A probe's fixed seed: the same schema gives the same families on every run. */
const PROBE_SEED = 17;

/**
 * An arbitrary of values `schema` accepts (at least leaf by leaf: an object's own refinement,
 * "a child or a new child", is met by trying a few candidates and keeping the first it accepts).
 */
export function arbitraryFor(schema: z.ZodType, hints: SchemaHints = {}, path: SchemaPath = []): fc.Arbitrary<unknown> {
  return walk(asSchema(schema), hints, path);
}

function walk(schema: Schema, hints: SchemaHints, path: SchemaPath): fc.Arbitrary<unknown> {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      return stringLeaf(schema, hints, path);
    case 'number': {
      const leaf = numberLeaf(schema);
      const pool = (hints.numbersAt?.(path) ?? []).filter((n) => schema.safeParse(n).success);
      return pool.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 3 }, { arbitrary: leaf, weight: 1 }) : leaf;
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'unknown':
    case 'any': {
      const known = hints.unknownAt?.(path);
      return known ? walk(asSchema(known), hints, path) : fc.jsonValue({ maxDepth: 2 });
    }
    case 'optional':
      return fc.option(walk(def.innerType!, hints, path), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(walk(def.innerType!, hints, path), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
      return fc.option(walk(def.innerType!, hints, path), { nil: undefined, freq: 3 });
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return walk(def.innerType!, hints, path);
    case 'pipe':
      // A transform's input is the pipe's `in`; a pipe into another schema must satisfy both, and `in` comes first.
      return walk(def.in!, hints, path);
    case 'union':
      return fc.oneof(...def.options!.map((option) => walk(option, hints, path)));
    case 'array': {
      const bag = schema._zod.bag;
      const min = finite(bag.minimum, 0);
      const max = Math.min(finite(bag.maximum, min + 4), min + 4);
      return fc.array(walk(def.element!, hints, [...path, '[]']), { minLength: min, maxLength: max });
    }
    case 'record':
      return fc.dictionary(
        walk(def.keyType!, hints, [...path, '{}']) as fc.Arbitrary<string>,
        walk(def.valueType!, hints, [...path, '{}value']),
        { maxKeys: 4, noNullPrototype: true },
      );
    case 'object':
      return objectOf(schema, hints, path);
    case 'lazy':
      if (path.length > 12) throw new SchemaWalkError(`${path.join('.')}: a lazy schema nested too deep`);
      return walk(def.getter!(), hints, path);
    default:
      throw new SchemaWalkError(`${path.join('.') || '(the input)'}: the fuzzer does not know zod's "${def.type}" yet; teach test/fuzz/schema-arbitrary.ts`);
  }
}

function objectOf(schema: Schema, hints: SchemaHints, path: SchemaPath): fc.Arbitrary<unknown> {
  const shape = schema._zod.def.shape!;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    model[key] = walk(field, hints, [...path, key]);
    if (field._zod.optin !== 'optional') required.push(key);
  }
  const record = fc.record(model, { requiredKeys: required, noNullPrototype: true });
  // An object's own checks (refine: "a placement or a home", "lowest age ≤ highest") are functions:
  // try a few candidates and keep the first the object accepts.
  if ((schema._zod.def.checks ?? []).length === 0) return record;
  return fc.array(record, { minLength: 6, maxLength: 6 }).map((candidates) => candidates.find((c) => schema.safeParse(c).success) ?? candidates[0]);
}

function numberLeaf(schema: Schema): fc.Arbitrary<number> {
  const bag = schema._zod.bag;
  const integer = bag.format !== undefined && /int/.test(bag.format);
  const min = Math.max(finite(bag.minimum, -1_000_000), -1e9);
  const max = Math.min(finite(bag.maximum, 1_000_000), 1e9);
  const within = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const small = integer ? fc.integer({ min: Math.ceil(min), max: Math.min(Math.floor(max), Math.ceil(min) + 30) }) : within;
  return fc.oneof({ arbitrary: small, weight: 3 }, { arbitrary: within, weight: 2 }, { arbitrary: fc.constantFrom(min, max).map(integer ? Math.round : Number), weight: 1 });
}

/**
 * A string leaf: the families of candidates its schema accepts, each weighed by how often it
 * does, and a value it does not accept replaced by one it does (found while probing).
 */
function stringLeaf(schema: Schema, hints: SchemaHints, path: SchemaPath): fc.Arbitrary<string> {
  const bag = schema._zod.bag;
  const min = finite(bag.minimum, 0);
  const max = Math.max(min, finite(bag.maximum, 400));
  const short = Math.min(max, min + 30);
  const pool = hints.stringsAt?.(path);
  const families: { name: string; arbitrary: fc.Arbitrary<string> }[] = [
    { name: 'pool', arbitrary: pool && pool.length > 0 ? fc.constantFrom(...pool) : fc.constant('') },
    { name: 'date', arbitrary: dateText },
    { name: 'digits', arbitrary: digits(Math.max(min, 1), Math.min(max, Math.max(min, 1) + 8)) },
    { name: 'words', arbitrary: fc.string({ unit: wordUnit, minLength: min, maxLength: short }) },
    { name: 'awkward', arbitrary: awkwardText },
    // The longest the field takes, and a character more is left to the mutations.
    { name: 'longest', arbitrary: fc.string({ unit: wordUnit, minLength: max, maxLength: max }).map((s) => (max < 2 ? s : `x${s.slice(2)}x`)) },
  ];
  const kept: { name: string; arbitrary: fc.Arbitrary<string>; weight: number }[] = [];
  let fallback: string | undefined;
  for (const family of families) {
    if (family.name === 'pool' && !pool?.length) continue;
    if (family.name === 'longest' && max > 100_000) continue;
    const tried = fc.sample(family.arbitrary, { seed: PROBE_SEED, numRuns: 24 });
    const accepted = tried.filter((value) => schema.safeParse(value).success);
    if (accepted.length === 0) continue;
    fallback ??= accepted[0];
    const share = accepted.length / tried.length;
    kept.push({ name: family.name, arbitrary: family.arbitrary, weight: family.name === 'longest' ? 1 : Math.max(1, Math.round(6 * share)) });
  }
  // Real records first: a payload that names one gets past "finns inte" to the service's own rules.
  // A field that takes words is text: dates and digits there are only now and then worth trying.
  if (kept.some((k) => k.name === 'words' && k.weight >= 3)) for (const k of kept) if (k.name === 'date' || k.name === 'digits') k.weight = 1;
  const real = kept.find((k) => k.name === 'pool');
  if (real) real.weight = 2 * kept.reduce((sum, k) => (k === real ? sum : sum + k.weight), 0);
  if (fallback === undefined) throw new SchemaWalkError(`${path.join('.') || '(the input)'}: no candidate string was accepted; give the fuzzer a hint for it`);
  const good = fallback;
  return fc.oneof(...kept.map(({ arbitrary, weight }) => ({ arbitrary, weight }))).map((value) => (schema.safeParse(value).success ? value : good));
}
