/**
 * Issue 17, property: a string with a control character, a bidi override or a lone surrogate put
 * into any single-line field of a valid file is always refused with that field's JSON path, and
 * the import writes nothing. fast-check, seeded, so a failure is reproducible.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateExchangeFile } from '../../main/domain/exchange';
import { ServiceError } from '../../main/services/errors';
import { useServiceDatabase } from './services/harness';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test files are edited freely

const specExample = JSON.parse(fs.readFileSync(new URL('../fixtures/exchange/spec-example.json', import.meta.url), 'utf8')) as Json;

/** Single-line text fields of the spec's example, by JSON path. */
const singleLineFields: string[][] = [
  ['homes', '0', 'id'],
  ['homes', '0', 'name'],
  ['homes', '1', 'agency'],
  ['homes', '0', 'targetGroup', 'needs', '1'],
  ['persons', '0', 'name'],
  ['persons', '0', 'homeId'],
  ['registerChecks', '0', 'reference'],
  ['registerChecks', '1', 'id'],
  ['children', '0', 'name'],
  ['placements', '0', 'caseworker'],
  ['placements', '0', 'stays', '0', 'homeId'],
  ['events', '0', 'placementId'],
  ['notes', '0', 'author'],
  ['notes', '0', 'category'],
];
/** Multi-line text: LF and tab allowed, every other forbidden character refused. */
const multiLineFields: string[][] = [['notes', '0', 'text']];

const forbiddenChar = fc.oneof(
  fc.integer({ min: 0x00, max: 0x1f }),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.integer({ min: 0x202a, max: 0x202e }),
  fc.integer({ min: 0x2066, max: 0x2069 }),
  fc.integer({ min: 0xd800, max: 0xdfff }), // alone: no partner is put next to it
).map((unit) => String.fromCharCode(unit));

/** Ordinary text around it: letters, åäö, digits, spaces (no character of its own that is forbidden). */
const plain = fc.string({ unit: fc.constantFrom(...'abcÅÄÖåäö 0123-_.'.split('')), maxLength: 20 });

const hostile = (allowed: (c: string) => boolean) =>
  fc.tuple(plain, forbiddenChar.filter((c) => !allowed(c)), plain).map(([a, c, b]) => `X${a}${c}${b}X`);

const pointerOf = (path: string[]) => `/${path.join('/')}`;

function withValue(path: string[], value: string): Json {
  const file = structuredClone(specExample);
  let at = file;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path.at(-1)!] = value;
  return file;
}

describe('property: hostile text is refused with its path', () => {
  it('a forbidden character anywhere in a single-line field: refused at that path', () => {
    fc.assert(
      fc.property(fc.constantFrom(...singleLineFields), hostile(() => false), (path, value) => {
        const result = validateExchangeFile(withValue(path, value));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems.map((p) => p.path)).toContain(pointerOf(path));
      }),
      { seed: 17, numRuns: 400 },
    );
  });

  it('in multi-line text: refused at its path unless it is LF or tab', () => {
    fc.assert(
      fc.property(fc.constantFrom(...multiLineFields), hostile((c) => c === '\n' || c === '\t'), (path, value) => {
        const result = validateExchangeFile(withValue(path, value));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems.map((p) => p.path)).toContain(pointerOf(path));
      }),
      { seed: 17, numRuns: 200 },
    );
  });
});

describe('property: hostile text is never written', () => {
  const database = useServiceDatabase();

  it('the import throws VALIDATION with the path, and the register stays empty', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...singleLineFields, ...multiLineFields), hostile((c) => c === '\n' || c === '\t'), async (path, value) => {
        const error = await database.services.exchange.importFile(withValue(path, value)).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ServiceError);
        expect((error as ServiceError).code).toBe('VALIDATION');
        expect((error as ServiceError).issues.map((i) => i.path)).toContain(pointerOf(path));
        const exported = await database.services.exchange.exportAll();
        expect(exported.homes).toEqual([]);
        expect(exported.children).toEqual([]);
        expect(exported.notes).toEqual([]);
      }),
      { seed: 17, numRuns: 60 },
    );
  });
});
