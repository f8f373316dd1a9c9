/**
 * The exchange format, version 1 (docs/data-format.md): its zod schema, and the checks that
 * span records (references, stays, registers). Pure: what the database already holds comes in
 * as `known`, so a file can refer to homes, children and placements imported before.
 *
 * Each record is parsed on its own, so one broken record does not hide the problems of the
 * others: the user gets every problem of the file in one go, each with its JSON path.
 */
import { z } from 'zod';
import { DAILY_COST_MAX } from './daily-cost';
import { dateRangeText, isDateInRange, isIsoDate, type IsoDate } from './dates';
import { checkHomeFields } from './homes';
import { validateOrgNr } from './orgnr';
import { validatePersonnummer } from './personnummer';
import { placementProblems } from './placements';
import { pointer, shownKey } from './json';
import { cut, isNfc, notNfcMessage, quote, textProblem, type TextShape } from './text';
import {
  assessmentDimensions,
  checkOutcomes,
  childVoices,
  deviationKinds,
  deviationStatuses,
  deviationSteps,
  endReasons,
  eventTypes,
  homeKinds,
  homeStatuses,
  isFosterHomeKind,
  ivoVerdicts,
  legalBases,
  operators,
  permitForms,
  permitOutcomes,
  personCheckOutcomes,
  personRoles,
  placementEventTypes,
  registers,
  severities,
  stayForms,
  targetGenders,
  homeRegisters,
  type HomeKind,
  type StayForm,
} from './vocabulary';

export const exchangeFormat = 'placeringskollen-exchange';
export const exchangeVersion = 1;

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

// ---------------------------------------------------------------------------------------------
// Building blocks

/**
 * Only `null` counts as absent (the spec). Anything else must have the field's type: `""` is
 * not `false`, not a number, not an ongoing placement's end date.
 */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === null ? undefined : value), schema.optional());

/**
 * No lone surrogate, no control character (docs/data-format.md, "Text"; domain/text.ts). Checked
 * before the length, so a 10 MB value with an escape sequence is told what is wrong with it once.
 */
const allowedText = (shape: TextShape) => (value: string, ctx: z.core.$RefinementCtx<string>) => {
  const problem = textProblem(value, shape);
  if (problem !== null) ctx.addIssue({ code: 'custom', input: value, message: problem, abort: true });
};

const id = z
  .string()
  .superRefine(allowedText('single-line'))
  .min(1)
  .max(100)
  .refine((value) => value.trim() === value, 'ett id får inte börja eller sluta med blanksteg')
  // One id, one spelling: "Å1" in NFC and in NFD would otherwise be two records (docs/decisions.md).
  .refine(isNfc, notNfcMessage);
const text = (max: number, shape: TextShape = 'single-line') => z.string().superRefine(allowedText(shape)).trim().min(1).max(max);
/** Notes, descriptions and comments: line breaks (LF) and tabs allowed. */
const multiLineText = (max: number) => text(max, 'multi-line');
/** An optional text may also be blank: empty or only spaces counts as absent (docs/data-format.md). */
const optionalText = (max: number, shape: TextShape = 'single-line') =>
  z.preprocess(
    (value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value),
    text(max, shape).optional(),
  );
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/** An ISO 8601 timestamp with its offset, as `Date.toISOString()` writes it (`2026-11-22T09:30:00.000Z`). */
const TIMESTAMP_SHAPE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
export const isTimestamp = (value: string): boolean => {
  const match = TIMESTAMP_SHAPE.exec(value);
  return match !== null && isDateInRange(match[1]!);
};
const timestamp = z.string().superRefine((value, ctx) => {
  if (isTimestamp(value)) return;
  const match = TIMESTAMP_SHAPE.exec(value);
  ctx.addIssue({
    code: 'custom',
    input: value,
    message:
      match !== null && isIsoDate(match[1]!)
        ? `${cut(value)} ligger utanför ${dateRangeText}`
        : `inte en tidpunkt på formen ÅÅÅÅ-MM-DDTtt:mm:ssZ: ${quote(value)}`,
  });
});
const isoDate = z.string().superRefine((value, ctx) => {
  if (isDateInRange(value)) return;
  ctx.addIssue({
    code: 'custom',
    input: value,
    message: !DATE_SHAPE.test(value)
      ? `inte ett datum på formen ÅÅÅÅ-MM-DD: ${quote(value)}`
      : isIsoDate(value)
        ? `${value} ligger utanför ${dateRangeText}`
        : `inte ett giltigt datum: ${value}`,
  });
});
const list = <T extends z.ZodType>(item: T) => optional(z.array(item));

// ---------------------------------------------------------------------------------------------
// The records

const targetGroupSchema = z.strictObject({
  minAge: optional(z.int().min(0).max(25)),
  maxAge: optional(z.int().min(0).max(25)),
  gender: optional(z.enum(targetGenders)),
  needs: optional(z.array(text(60)).max(30)),
});

export const homeSchema = z.strictObject({
  id,
  kind: z.enum(homeKinds),
  name: text(200),
  orgNr: optionalText(20),
  operator: optional(z.enum(operators)),
  municipality: optionalText(100),
  capacity: optional(z.int().min(0).max(999)),
  targetGroup: optional(targetGroupSchema),
  agency: optionalText(200),
  /** Extension: `inaktiv` homes take no new placements; absent means `aktiv`. */
  status: optional(z.enum(homeStatuses)),
});

export const personSchema = z.strictObject({
  id,
  homeId: id,
  name: text(200),
  role: z.enum(personRoles),
  birthYear: optional(z.int().min(1900).max(2100)),
});

/** Extension: what an IVO permit covers, as verified; every part optional (unknown). */
export const permitSchema = z.strictObject({
  forms: optional(z.array(z.enum(permitForms)).min(1).max(permitForms.length)),
  minAge: optional(z.int().min(0).max(25)),
  maxAge: optional(z.int().min(0).max(25)),
  places: optional(z.int().min(0).max(999)),
  targetGroup: optionalText(500),
  /** Org.nr of the permit holder (tillståndshavare). */
  holderOrgNr: optionalText(20),
});

export const registerCheckSchema = z.strictObject({
  id,
  personId: optional(id),
  homeId: optional(id),
  register: z.enum(registers),
  checkedOn: isoDate,
  outcome: z.enum(checkOutcomes),
  /** A diary number or similar: never the contents of the extract. */
  reference: optionalText(200),
  /** Extension, `ivo-tillstand` only: what the permit covers. */
  permit: optional(permitSchema),
  /** Extension: who recorded the check in the app and when (absent for checks loaded from a file). */
  recordedBy: optionalText(200),
  recordedAt: optional(timestamp),
});

export const childSchema = z.strictObject({
  id,
  name: optionalText(200),
  birthDate: isoDate,
  personnummer: optionalText(20),
  protectedIdentity: optional(z.boolean()),
});

export const staySchema = z.strictObject({
  homeId: id,
  form: z.enum(stayForms),
  from: isoDate,
  to: optional(isoDate),
  decidedOn: optional(isoDate),
  investigationCompletedOn: optional(isoDate),
});

export const placementSchema = z.strictObject({
  id,
  childId: id,
  legalBasis: z.enum(legalBases),
  decidedOn: isoDate,
  startedOn: isoDate,
  endedOn: optional(isoDate),
  endReason: optional(z.enum(endReasons)),
  caseworker: optionalText(200),
  /** Extension: the unit (enhet) responsible, for filtering audits and reports. */
  unit: optionalText(200),
  /** Extension: dygnskostnad, whole kronor a day (domain/daily-cost.ts). */
  dailyCost: optional(z.int().min(0).max(DAILY_COST_MAX)),
  stays: z.array(staySchema).min(1),
});

export const eventSchema = z.strictObject({
  id,
  placementId: optional(id),
  homeId: optional(id),
  type: z.enum(eventTypes),
  date: isoDate,
  /** Extension: a short comment (e.g. the särskilda skäl of a jourhem overrun). */
  comment: optionalText(2000, 'multi-line'),
  /** Extension, `ivo-tillsyn` only: what IVO concluded. */
  verdict: optional(z.enum(ivoVerdicts)),
});

export const noteSchema = z.strictObject({
  id,
  homeId: optional(id),
  placementId: optional(id),
  author: text(200),
  writtenOn: isoDate,
  category: text(60),
  text: multiLineText(20000),
  /** Extension: when the note was signed (a date for notes from before signing); absent means `writtenOn`. */
  signedAt: optional(z.union([timestamp, isoDate])),
  /** Extension: the note this one corrects (the corrected note is kept). */
  corrects: optional(id),
});

const score = optional(z.int().min(1).max(5));
export const assessmentSchema = z.strictObject({
  id,
  homeId: id,
  placementId: optional(id),
  assessedOn: isoDate,
  assessor: optionalText(200),
  scores: z
    .strictObject({
      trygghet: score,
      skola: score,
      halsa: score,
      delaktighet: score,
      samverkan: score,
      kontinuitet: score,
    })
    .refine((scores) => Object.values(scores).some((value) => value !== undefined), {
      message: `minst ett betyg behövs (${assessmentDimensions.join(', ')})`,
    }),
  childVoice: optional(z.enum(childVoices)),
  comment: optionalText(5000, 'multi-line'),
  /** Extension: who recorded it in the app and when, and the assessment it replaces. */
  recordedBy: optionalText(200),
  recordedAt: optional(timestamp),
  corrects: optional(id),
});

/** Extension: what was done about a deviation, in order (append-only in the app). */
export const deviationStepSchema = z.strictObject({
  step: z.enum(deviationSteps),
  date: isoDate,
  text: optionalText(5000, 'multi-line'),
  /** `bedomning` only: judged an allvarligt missförhållande or a påtaglig risk of one. */
  serious: optional(z.boolean()),
  recordedBy: optionalText(200),
  recordedAt: optional(timestamp),
});

export const deviationSchema = z.strictObject({
  id,
  homeId: optional(id),
  placementId: optional(id),
  reportedOn: isoDate,
  kind: z.enum(deviationKinds),
  severity: z.enum(severities),
  description: multiLineText(5000),
  /** Absent means `oppen`. */
  status: optional(z.enum(deviationStatuses)),
  reportedToIvo: optional(z.boolean()),
  /** Extensions: a category, who recorded it in the app and when, and its steps. */
  category: optionalText(60),
  recordedBy: optionalText(200),
  recordedAt: optional(timestamp),
  steps: optional(z.array(deviationStepSchema)),
});

const formatSchema = z.literal(exchangeFormat, {
  error: (issue) => (issue.input === undefined || issue.input === null ? 'saknas' : `ska vara "${exchangeFormat}"`),
});
const versionSchema = z.literal(exchangeVersion, {
  error: (issue) =>
    issue.input === undefined || issue.input === null
      ? 'saknas'
      : `versionen ${typeof issue.input === 'string' ? quote(issue.input) : cut(String(JSON.stringify(issue.input)))} stöds inte; den här versionen av programmet läser version ${exchangeVersion}`,
});

/** The whole file: the type of a valid file, and the schema docs/data-format.md describes. */
export const exchangeFileSchema = z.strictObject({
  format: formatSchema,
  version: versionSchema,
  homes: list(homeSchema),
  persons: list(personSchema),
  registerChecks: list(registerCheckSchema),
  children: list(childSchema),
  placements: list(placementSchema),
  events: list(eventSchema),
  notes: list(noteSchema),
  assessments: list(assessmentSchema),
  deviations: list(deviationSchema),
});

export type ExchangeFile = z.output<typeof exchangeFileSchema>;
export type ExchangeHome = z.output<typeof homeSchema>;
export type ExchangePerson = z.output<typeof personSchema>;
export type ExchangeRegisterCheck = z.output<typeof registerCheckSchema>;
export type ExchangePermit = z.output<typeof permitSchema>;
export type ExchangeChild = z.output<typeof childSchema>;
export type ExchangePlacement = z.output<typeof placementSchema>;
export type ExchangeStay = z.output<typeof staySchema>;
export type ExchangeEvent = z.output<typeof eventSchema>;
export type ExchangeNote = z.output<typeof noteSchema>;
export type ExchangeAssessment = z.output<typeof assessmentSchema>;
export type ExchangeDeviation = z.output<typeof deviationSchema>;
export type ExchangeDeviationStep = z.output<typeof deviationStepSchema>;

/** The arrays of a file, in the order they are written (referenced records first). */
export const exchangeArrays = [
  'homes',
  'persons',
  'registerChecks',
  'children',
  'placements',
  'events',
  'notes',
  'assessments',
  'deviations',
] as const;
export type ExchangeArray = (typeof exchangeArrays)[number];

const recordSchemas = {
  homes: homeSchema,
  persons: personSchema,
  registerChecks: registerCheckSchema,
  children: childSchema,
  placements: placementSchema,
  events: eventSchema,
  notes: noteSchema,
  assessments: assessmentSchema,
  deviations: deviationSchema,
} as const;

/** The file's top level, with the records left for `recordSchemas`. */
const envelopeSchema = z.strictObject({
  format: formatSchema,
  version: versionSchema,
  ...Object.fromEntries(exchangeArrays.map((name) => [name, list(z.unknown())])),
});

// ---------------------------------------------------------------------------------------------
// Validation results

export interface Problem {
  /** JSON pointer into the file (`/placements/3/stays/0/from`); "" for the file as a whole. */
  path: string;
  message: string;
}

export type ExchangeValidation = { ok: true; file: ExchangeFile } | { ok: false; problems: Problem[] };

/** What the database already holds, as far as the file's checks need it. */
export interface KnownRecords {
  /** Home id → kind. */
  homes: ReadonlyMap<string, HomeKind>;
  persons: ReadonlySet<string>;
  /** Child id → birth date. */
  children: ReadonlyMap<string, IsoDate>;
  placements: ReadonlySet<string>;
  /** Home id → forms of its stays in the database that the file does not replace. */
  staysByHome: ReadonlyMap<string, readonly StayForm[]>;
  /** Home id → how many members of its household in the database the file does not mention. */
  householdByHome: ReadonlyMap<string, number>;
  /** Home id → ids of its `ivo-tillstand` checks in the database (those the file holds are judged from the file). */
  permitChecksByHome?: ReadonlyMap<string, readonly string[]>;
}

export const noKnownRecords: KnownRecords = {
  homes: new Map(),
  persons: new Set(),
  children: new Map(),
  placements: new Set(),
  staysByHome: new Map(),
  householdByHome: new Map(),
};

/** The ids a file mentions, read leniently from unchecked input: what to ask the database about. */
export interface MentionedIds {
  /** Homes in the file and homes referred to. */
  homes: string[];
  persons: string[];
  children: string[];
  placements: string[];
  /** Placements in the file: their stays in the database are replaced. */
  placementsInFile: string[];
  /** Persons in the file: their home in the database is replaced. */
  personsInFile: string[];
}

export function mentionedIds(input: unknown): MentionedIds {
  const ids = (array: ExchangeArray, field: string) => [
    ...new Set(rawRecords(input, array).flatMap((r) => (typeof r[field] === 'string' ? [r[field]] : []))),
  ];
  const stays = rawRecords(input, 'placements').flatMap((p) => (Array.isArray(p.stays) ? p.stays.filter(isRecord) : []));
  const linked = ['events', 'notes', 'assessments', 'deviations'] as const;
  const unique = (values: unknown[]) => [...new Set(values.filter((v): v is string => typeof v === 'string'))];
  return {
    homes: unique([
      ...ids('homes', 'id'),
      ...(['persons', 'registerChecks', ...linked] as const).flatMap((array) => ids(array, 'homeId')),
      ...stays.map((s) => s.homeId),
    ]),
    persons: unique([...ids('persons', 'id'), ...ids('registerChecks', 'personId')]),
    children: unique([...ids('children', 'id'), ...ids('placements', 'childId')]),
    placements: unique([...ids('placements', 'id'), ...linked.flatMap((array) => ids(array, 'placementId'))]),
    placementsInFile: ids('placements', 'id'),
    personsInFile: ids('persons', 'id'),
  };
}

// ---------------------------------------------------------------------------------------------
// Validation

/** Checks a parsed JSON value as an exchange file against itself and what the database knows. */
export function validateExchangeFile(input: unknown, known: KnownRecords = noKnownRecords): ExchangeValidation {
  if (input === null || input === undefined) return { ok: false, problems: [{ path: '', message: 'filen är tom; ett JSON-objekt behövs' }] };
  const problems: Problem[] = [];
  const envelope = envelopeSchema.safeParse(input, { error: swedish });
  if (!envelope.success) problems.push(...toProblems(envelope.error.issues, []));
  if (!isRecord(input)) return { ok: false, problems };

  const parsed = Object.fromEntries(
    exchangeArrays.map((name) => {
      const raw = input[name];
      const records = Array.isArray(raw) ? raw : [];
      const schema: z.ZodType = recordSchemas[name];
      const valid: Indexed<unknown>[] = [];
      records.forEach((record, index) => {
        const result = schema.safeParse(record, { error: swedish });
        if (result.success) valid.push({ index, value: result.data });
        else problems.push(...toProblems(result.error.issues, [name, index]));
      });
      return [name, valid];
    }),
  ) as unknown as Parsed;

  problems.push(...crossCheck(input, parsed, known));
  if (problems.length > 0) return { ok: false, problems: inFileOrder(problems) };

  const records = <K extends ExchangeArray>(name: K) => parsed[name].map((r) => r.value);
  return {
    ok: true,
    file: {
      format: exchangeFormat,
      version: exchangeVersion,
      homes: records('homes').map((home) => {
        if (home.orgNr === undefined && home.municipality === undefined) return home;
        // The normal forms: org.nr NNNNNN-NNNN, the kommun by its official name ("örebro" is Örebro).
        const fields = checkHomeFields(home);
        return {
          ...home,
          ...(home.orgNr === undefined ? {} : { orgNr: fields.orgNr ?? home.orgNr }),
          ...(home.municipality === undefined ? {} : { municipality: fields.municipality ?? home.municipality }),
        };
      }),
      persons: records('persons'),
      registerChecks: records('registerChecks').map((check) =>
        check.permit?.holderOrgNr === undefined
          ? check
          : { ...check, permit: { ...check.permit, holderOrgNr: normalized(validateOrgNr(check.permit.holderOrgNr), check.permit.holderOrgNr) } },
      ),
      children: records('children').map((child) =>
        child.personnummer === undefined
          ? child
          : { ...child, personnummer: normalized(validatePersonnummer(child.personnummer, child.birthDate), child.personnummer) },
      ),
      placements: records('placements'),
      events: records('events'),
      notes: records('notes'),
      assessments: records('assessments'),
      deviations: records('deviations'),
    },
  };
}

const normalized = (result: { ok: true; value: string } | { ok: false }, original: string) =>
  result.ok ? result.value : original;

interface Indexed<T> {
  index: number;
  value: T;
}
type Parsed = { [K in ExchangeArray]: Indexed<NonNullable<ExchangeFile[K]>[number]>[] };

const nouns = { homes: 'hem', persons: 'person', children: 'barn', placements: 'placering' } as const;

function crossCheck(input: Record<string, unknown>, parsed: Parsed, known: KnownRecords): Problem[] {
  const problems: Problem[] = [];
  const report = (path: (string | number)[], message: string) => problems.push({ path: pointer(path), message });

  // Duplicates and existence look at every record with an id, valid or not: a broken home is
  // reported once, not again by each record that refers to it.
  const idsInFile = {} as Record<ExchangeArray, Set<string>>;
  for (const name of exchangeArrays) {
    const firstIndex = new Map<string, number>();
    rawRecordsWithIndex(input, name).forEach(({ record, index }) => {
      if (typeof record.id !== 'string') return;
      const first = firstIndex.get(record.id);
      if (first === undefined) firstIndex.set(record.id, index);
      else report([name, index, 'id'], `dubblett av id ${quote(record.id)} (även ${pointer([name, first])})`);
    });
    idsInFile[name] = new Set(firstIndex.keys());
  }
  const exists = {
    homes: (ref: string) => idsInFile.homes.has(ref) || known.homes.has(ref),
    persons: (ref: string) => idsInFile.persons.has(ref) || known.persons.has(ref),
    children: (ref: string) => idsInFile.children.has(ref) || known.children.has(ref),
    placements: (ref: string) => idsInFile.placements.has(ref) || known.placements.has(ref),
  };
  // An array that is not a list at all is reported as such; what refers into it cannot be judged.
  const unreadable = (name: ExchangeArray) => input[name] !== undefined && input[name] !== null && !Array.isArray(input[name]);
  const reference = (target: keyof typeof nouns, ref: string | undefined, path: (string | number)[]) => {
    if (ref !== undefined && !unreadable(target) && !exists[target](ref)) {
      report(path, `hänvisar till ${nouns[target]} ${quote(ref)} som inte finns`);
    }
  };

  // The first valid record of each id wins; a duplicate is an error anyway.
  const kindInFile = new Map<string, HomeKind>();
  for (const { value } of parsed.homes) if (!kindInFile.has(value.id)) kindInFile.set(value.id, value.kind);
  const homeKind = (homeId: string) => kindInFile.get(homeId) ?? known.homes.get(homeId);
  const birthInFile = new Map<string, IsoDate>();
  for (const { value } of parsed.children) if (!birthInFile.has(value.id)) birthInFile.set(value.id, value.birthDate);

  for (const { index, value: home } of parsed.homes) {
    const at = ['homes', index];
    // The same rules as the register's form (operator, org.nr, kommun): the app must be able to save what the import lets in.
    for (const { field, message } of checkHomeFields(home).problems) report([...at, field], message);
    const group = home.targetGroup;
    if (group?.minAge !== undefined && group.maxAge !== undefined && group.minAge > group.maxAge) {
      report([...at, 'targetGroup', 'maxAge'], `lägre än minAge (${group.minAge})`);
    }
    const otherForms = [...new Set(known.staysByHome.get(home.id) ?? [])].filter((form) => form !== home.kind);
    if (otherForms.length > 0) {
      report(
        [...at, 'kind'],
        `hemmet har vistelser som ${otherForms.join(', ')} i databasen och kan därför inte bli ${home.kind}`,
      );
    }
    const permitChecks = (known.permitChecksByHome?.get(home.id) ?? []).filter((checkId) => !idsInFile.registerChecks.has(checkId));
    if (permitChecks.length > 0 && !isOneOf(permitForms, home.kind)) {
      report(
        [...at, 'kind'],
        `hemmet har ${permitChecks.length} ${permitChecks.length === 1 ? 'kontroll' : 'kontroller'} av IVO-tillstånd i databasen; ett IVO-tillstånd kontrolleras bara för ${permitForms.join(' och ')}`,
      );
    }
    const household = known.householdByHome.get(home.id) ?? 0;
    if (household > 0 && !isFosterHomeKind(home.kind)) {
      report(
        [...at, 'kind'],
        `hemmet har ${household} ${household === 1 ? 'person' : 'personer'} i hushållet i databasen; ${home.kind} har inget hushåll`,
      );
    }
  }

  for (const { index, value: person } of parsed.persons) {
    const at = ['persons', index, 'homeId'];
    reference('homes', person.homeId, at);
    const kind = homeKind(person.homeId);
    if (kind !== undefined && !isFosterHomeKind(kind)) {
      report(at, `hemmet ${quote(person.homeId)} är ${kind} och har inget hushåll; personer hör till familjehem, jourhem och nätverkshem`);
    }
  }

  for (const { index, value: check } of parsed.registerChecks) {
    const at = ['registerChecks', index];
    const onHome = isOneOf(homeRegisters, check.register);
    if (check.personId !== undefined && check.homeId !== undefined) {
      report(at, 'ange antingen personId eller homeId, inte båda');
    } else if (check.personId === undefined && check.homeId === undefined) {
      report([...at, onHome ? 'homeId' : 'personId'], `saknas; ${check.register} kontrolleras för ${onHome ? 'ett hem' : 'en person'}`);
    } else if (onHome && check.personId !== undefined) {
      report([...at, 'personId'], `${check.register} kontrolleras för ett hem; ange homeId i stället`);
    } else if (!onHome && check.homeId !== undefined) {
      report([...at, 'homeId'], `${check.register} kontrolleras för en person; ange personId i stället`);
    }
    const fitting: readonly string[] = onHome ? permitOutcomes : personCheckOutcomes;
    if (!fitting.includes(check.outcome)) {
      report(
        [...at, 'outcome'],
        `${quote(check.outcome)} passar inte registret ${check.register}; tillåtna: ${fitting.join(', ')}`,
      );
    }
    reference('persons', check.personId, [...at, 'personId']);
    reference('homes', check.homeId, [...at, 'homeId']);
    // Like an outcome that does not fit its register: a permit is IVO's, for an HVB or a stödboende.
    const kind = onHome && check.homeId !== undefined ? homeKind(check.homeId) : undefined;
    if (kind !== undefined && !isOneOf(permitForms, kind)) {
      report(
        [...at, 'homeId'],
        `hemmet ${quote(check.homeId ?? '')} är ${kind}; ett IVO-tillstånd kontrolleras bara för ${permitForms.join(' och ')}`,
      );
    }
    if (check.permit !== undefined) {
      if (!onHome) {
        report([...at, 'permit'], `gäller bara ivo-tillstand, inte ${check.register}`);
      } else {
        const permit = check.permit;
        if (permit.minAge !== undefined && permit.maxAge !== undefined && permit.minAge > permit.maxAge) {
          report([...at, 'permit', 'maxAge'], `lägre än minAge (${permit.minAge})`);
        }
        if (permit.forms !== undefined && new Set(permit.forms).size < permit.forms.length) {
          report([...at, 'permit', 'forms'], 'samma form står två gånger');
        }
        if (permit.holderOrgNr !== undefined) {
          const orgNr = validateOrgNr(permit.holderOrgNr);
          if (!orgNr.ok) report([...at, 'permit', 'holderOrgNr'], orgNr.message);
        }
      }
    }
  }

  for (const { index, value: child } of parsed.children) {
    if (child.personnummer === undefined) continue;
    const result = validatePersonnummer(child.personnummer, child.birthDate);
    if (!result.ok) report(['children', index, 'personnummer'], result.message);
  }

  for (const { index, value: placement } of parsed.placements) {
    const at = ['placements', index];
    reference('children', placement.childId, [...at, 'childId']);
    placement.stays.forEach((stay, k) => reference('homes', stay.homeId, [...at, 'stays', k, 'homeId']));
    const birthDate = birthInFile.get(placement.childId) ?? known.children.get(placement.childId);
    for (const problem of placementProblems(placement, { birthDate, homeKind })) report([...at, ...problem.path], problem.message);
  }

  for (const { index, value: event } of parsed.events) {
    const at = ['events', index];
    const onPlacement = isOneOf(placementEventTypes, event.type);
    if (event.placementId !== undefined && event.homeId !== undefined) {
      report(at, 'ange antingen placementId eller homeId, inte båda');
    } else if (event.placementId === undefined && event.homeId === undefined) {
      report([...at, onPlacement ? 'placementId' : 'homeId'], `saknas; ${event.type} gäller ${onPlacement ? 'en placering' : 'ett hem'}`);
    } else if (onPlacement && event.homeId !== undefined) {
      report([...at, 'type'], `${event.type} gäller en placering, inte ett hem; ange placementId`);
    } else if (!onPlacement && event.placementId !== undefined) {
      report([...at, 'type'], `${event.type} gäller ett hem, inte en placering; ange homeId`);
    }
    reference('placements', event.placementId, [...at, 'placementId']);
    reference('homes', event.homeId, [...at, 'homeId']);
    if (event.verdict !== undefined && event.type !== 'ivo-tillsyn') {
      report([...at, 'verdict'], `gäller bara ivo-tillsyn, inte ${event.type}`);
    }
  }

  for (const name of ['notes', 'assessments', 'deviations'] as const) {
    for (const { index, value } of parsed[name]) {
      const at = [name, index];
      if (value.homeId === undefined && value.placementId === undefined) {
        report(at, 'saknar både homeId och placementId; ange minst ett');
      }
      reference('homes', value.homeId, [...at, 'homeId']);
      reference('placements', value.placementId, [...at, 'placementId']);
    }
  }
  for (const name of ['notes', 'assessments'] as const) {
    for (const { index, value } of parsed[name]) {
      if (value.corrects === value.id) report([name, index, 'corrects'], 'kan inte hänvisa till sig själv');
    }
  }
  // A bedömning says whether it is serious, and only a bedömning does (what the deadline is judged on).
  for (const { index, value } of parsed.deviations) {
    (value.steps ?? []).forEach((step, i) => {
      const at = ['deviations', index, 'steps', i, 'serious'];
      if (step.step === 'bedomning' && step.serious === undefined) report(at, 'saknas; en bedömning anger om det är ett allvarligt missförhållande (true eller false)');
      if (step.step !== 'bedomning' && step.serious !== undefined) report(at, `gäller bara bedomning, inte ${step.step}`);
    });
  }

  return problems;
}

// ---------------------------------------------------------------------------------------------
// Problems in Swedish, with JSON pointers

/** The top level first, then record by record, so the problems of one record stand together (stable). */
function inFileOrder(problems: Problem[]): Problem[] {
  const position = ({ path }: Problem): [number, number] => {
    const [, array = '', index = ''] = path.split('/');
    const rank = exchangeArrays.indexOf(array as ExchangeArray);
    return rank < 0 ? [-1, 0] : [rank, /^\d+$/.test(index) ? Number(index) : -1];
  };
  return problems
    .map((problem) => ({ problem, at: position(problem) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1])
    .map(({ problem }) => problem);
}

export { pointer };

function toProblems(issues: readonly z.core.$ZodIssue[], prefix: (string | number)[]): Problem[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pointer([...prefix, ...issue.path, shownKey(key)]), message: 'okänt fält' }))
      : [{ path: pointer([...prefix, ...issue.path]), message: issue.message }],
  );
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  int: 'ett heltal',
  boolean: 'true eller false',
  array: 'en lista',
  object: 'ett objekt',
};

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'en lista';
  if (typeof value === 'string') return `texten ${quote(value)}`;
  if (typeof value === 'number') return `talet ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return 'ett objekt';
  return typeof value;
}

const swedish: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'saknas';
      if (issue.expected === 'int' && typeof issue.input === 'number') return `ska vara ett heltal, inte ${issue.input}`;
      return `fel typ: ska vara ${typeNames[issue.expected] ?? issue.expected}, inte ${describe(issue.input)}`;
    case 'invalid_value':
      return `okänt värde ${typeof issue.input === 'string' ? quote(issue.input) : cut(JSON.stringify(issue.input) ?? String(issue.input))}; tillåtna: ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'får inte vara tomt' : `minst ${issue.minimum} tecken`;
      if (issue.origin === 'array') return Number(issue.minimum) <= 1 ? 'listan får inte vara tom' : `minst ${issue.minimum} element`;
      return `ska vara minst ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `högst ${issue.maximum} tecken`;
      if (issue.origin === 'array') return `högst ${issue.maximum} element`;
      return `ska vara högst ${issue.maximum}`;
    default:
      return 'ogiltigt värde';
  }
};

// ---------------------------------------------------------------------------------------------
// Lenient reading of unchecked input

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rawRecordsWithIndex(input: unknown, array: ExchangeArray): { record: Record<string, unknown>; index: number }[] {
  const raw = isRecord(input) ? input[array] : undefined;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((record: unknown, index) => (isRecord(record) ? [{ record, index }] : []));
}

function rawRecords(input: unknown, array: ExchangeArray): Record<string, unknown>[] {
  return rawRecordsWithIndex(input, array).map(({ record }) => record);
}
