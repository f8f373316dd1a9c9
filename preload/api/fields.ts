/**
 * The pieces the channels' input schemas are built from. Every message is Swedish and said to the
 * user at the field it concerns, so none may speak of ids or types.
 */
import { z } from 'zod';
import { dateRangeText, DATE_MAX, DATE_MIN, isIsoDate } from '../../main/domain/dates';
import { textFieldMessage, type TextShape } from '../../main/domain/text';

/**
 * Text as the register takes it (main/domain/text.ts, the same rule as the exchange format): no
 * control characters, no bidi overrides, no lone surrogates; a multi-line field (a textarea) may
 * hold line breaks and tabs. Checked first, so the field says what is wrong once.
 */
export const plainText = (shape: TextShape = 'single-line') =>
  z.string().superRefine((value, ctx) => {
    const message = textFieldMessage(value, shape);
    if (message !== null) ctx.addIssue({ code: 'custom', message, abort: true });
  });

export const trimmed = (max: number, shape: TextShape = 'single-line') =>
  plainText(shape).trim().min(1, 'Får inte vara tomt.').max(max, `Högst ${max} tecken.`);

/** Optional text: absent, null and blank all become null. */
export const optionalText = (max: number, shape: TextShape = 'single-line') =>
  plainText(shape)
    .trim()
    .max(max, `Högst ${max} tecken.`)
    .nullish()
    .transform((value) => (value ? value : null));

/** What a textarea holds (notes, descriptions, comments): line breaks allowed, may be empty. */
export const multiLineText = (max: number, tooLong = `Högst ${max} tecken.`) => plainText('multi-line').trim().max(max, tooLong);

/** A record the caller refers to (the one edited, removed or read): the window always has it. */
export const id = plainText().trim().min(1, 'Uppgiften finns inte.').max(100, 'Uppgiften finns inte.');

/** A record the user chooses in the form ("Välj ett hem."), which may not yet be chosen. */
export const chosen = (what: string) => plainText().trim().min(1, `Välj ${what}.`).max(100, `Välj ${what}.`);

export const age = z.int('Ange ett heltal.').min(0, 'Minst 0 år.').max(25, 'Högst 25 år.');

/** null and undefined become null: the services see one kind of absence. */
export const orNull = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

export const empty = z.object({}).strict();

/**
 * The version of a record a form was read at (every editable record has one): a save made from an
 * older version is refused with who saved since, so nothing is silently overwritten.
 */
export const rowVersion = z.int('Versionen är inte giltig.').min(1, 'Versionen är inte giltig.').max(Number.MAX_SAFE_INTEGER, 'Versionen är inte giltig.');

/** An edit names the version it was made from; a new record has none. For `.refine` on an input with an optional `id`. */
export const versionIfEdit = (input: { id?: unknown; rowVersion?: unknown }) => (input.id === undefined) === (input.rowVersion === undefined);
export const versionIfEditIssue = { message: 'Uppgifterna kan inte sparas: läs in dem igen och gör ändringen på nytt.', path: ['rowVersion'] };
export const byId = z.object({ id }).strict();
export const query = z.string().max(200, 'Sökningen är för lång.').optional();

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date `YYYY-MM-DD`, by the domain's calendar (`Date` would take 2025-02-30 as March). */
export const isCalendarDate = isIsoDate;

/**
 * What is wrong with a typed date, or null: one message, in the words the window's date field
 * and the contract's check both use, so the field says before a save what main says after it.
 */
export function dateProblem(text: string): string | null {
  const value = text.trim();
  if (!DATE_SHAPE.test(value)) return value === '' ? 'Ange ett datum.' : 'Ange datumet som ÅÅÅÅ-MM-DD.';
  if (!isCalendarDate(value)) return 'Det datumet finns inte i kalendern.';
  return value < DATE_MIN || value > DATE_MAX ? `Ange ett datum mellan ${dateRangeText.replace('–', ' och ')}.` : null;
}

export const date = z
  .string('Ange ett datum.')
  .trim()
  .superRefine((value, ctx) => {
    const problem = dateProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });
export const optionalDate = z
  .union([date, z.literal('')])
  .nullish()
  .transform((v) => (v ? v : null));
/** Lists "as of" a day: the window's today. */
export const asOf = z.object({ date }).strict();

/** The first row of a page a list asks main for. */
export const pageOffset = z.int('Ange ett heltal.').min(0, 'Kan inte vara negativt.').max(10_000_000, 'För stort.').default(0);

/** How many rows a page holds: at most `max` (a few screens), 100 unless asked. */
export const pageLimit = (max: number) =>
  z.int('Ange ett heltal.').min(1, 'Minst 1 rad.').max(max, `Högst ${max} rader åt gången.`).default(100);

/** A list's sort as main takes it: one of `columns`, up or down. */
export const sortBy = <const C extends readonly [string, ...string[]]>(columns: C) =>
  z
    .object({
      column: z.enum(columns, 'Listan kan inte sorteras på den kolumnen.'),
      direction: z.enum(['asc', 'desc'], 'Välj stigande eller fallande ordning.'),
    })
    .strict();
