/**
 * THE contract between the renderer and the main process.
 *
 * One entry per channel: a zod schema for the input (checked in main on every call, whoever
 * calls) and the type of the output. The preload exposes one function per channel, the browser
 * host's HTTP bridge implements the same `Api`, and main/ipc registers one handler per channel.
 * This file imports nothing from the project, so both sides can depend on it.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Enumerations (the exchange format's values: Swedish terms in lowercase ASCII)

export const homeKinds = ['hvb', 'stodboende', 'sis', 'familjehem', 'jourhem', 'natverkshem'] as const;
export type HomeKind = (typeof homeKinds)[number];
/** Kinds that are private homes of families: they have a household, not an operator. */
export const fosterHomeKinds = ['familjehem', 'jourhem', 'natverkshem'] as const satisfies readonly HomeKind[];
export const isFosterHomeKind = (kind: HomeKind): boolean =>
  (fosterHomeKinds as readonly HomeKind[]).includes(kind);

export const operators = ['enskild', 'kommunal', 'region', 'statlig'] as const;
export type Operator = (typeof operators)[number];

export const personRoles = ['uppdragstagare', 'annan-vuxen', 'barn-i-hemmet'] as const;
export type PersonRole = (typeof personRoles)[number];

export const targetGenders = ['alla', 'flickor', 'pojkar'] as const;
export type TargetGender = (typeof targetGenders)[number];

/** Suggested needs for a target group; the exchange format also accepts other words. */
export const commonNeeds = [
  'missbruk',
  'kriminalitet',
  'neuropsykiatri',
  'psykisk-ohalsa',
  'sjalvskada',
  'hedersrelaterat-vald',
  'skyddsbehov',
  'ensamkommande',
] as const;

// ---------------------------------------------------------------------------------------------
// Output types

export interface TargetGroup {
  minAge: number | null;
  maxAge: number | null;
  gender: TargetGender | null;
  needs: string[];
}

export interface Person {
  id: string;
  homeId: string;
  name: string;
  role: PersonRole;
  birthYear: number | null;
}

export interface Home {
  id: string;
  kind: HomeKind;
  name: string;
  orgNr: string | null;
  operator: Operator | null;
  municipality: string | null;
  capacity: number | null;
  targetGroup: TargetGroup | null;
  agency: string | null;
  active: boolean;
  persons: Person[];
}

/**
 * A row of the register list: what the grid shows and filters on. `adults` are the names of the
 * uppdragstagare and other adults, so a search on a name finds the home.
 */
export interface HomeListRow extends Omit<Home, 'targetGroup' | 'persons'> {
  adults: string[];
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  databasePath: string;
  encrypted: boolean;
  homeCount: number;
  /** The register holds the fictional demo homes: the app says so until they are removed. */
  demoData: boolean;
}

/** How many demo homes and household members were loaded or removed. */
export interface DemoLoadResult {
  homes: number;
  persons: number;
}

// ---------------------------------------------------------------------------------------------
// Input schemas

const trimmed = (max: number) => z.string().trim().min(1, 'Får inte vara tomt.').max(max, `Högst ${max} tecken.`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Högst ${max} tecken.`)
    .nullish()
    .transform((value) => (value ? value : null));
const id = z.string().trim().min(1, 'Id saknas.').max(100, 'Id är för långt.');
const age = z.int('Ange ett heltal.').min(0, 'Minst 0 år.').max(25, 'Högst 25 år.');

export const targetGroupInput = z
  .object({
    minAge: age.nullish().transform((v) => v ?? null),
    maxAge: age.nullish().transform((v) => v ?? null),
    gender: z.enum(targetGenders).nullish().transform((v) => v ?? null),
    needs: z.array(trimmed(60)).max(30).default([]),
  })
  .strict()
  .refine((g) => g.minAge === null || g.maxAge === null || g.minAge <= g.maxAge, {
    message: 'Lägsta ålder får inte vara högre än högsta ålder.',
    path: ['maxAge'],
  });

export const personInput = z
  .object({
    /** Absent for a new member of the household. */
    id: id.optional(),
    name: trimmed(200),
    role: z.enum(personRoles, 'Välj en roll.'),
    birthYear: z.int('Ange ett årtal.').min(1900, 'Årtalet är för tidigt.').max(2100, 'Årtalet är för sent.').nullish()
      .transform((v) => v ?? null),
  })
  .strict();

/**
 * A home as the detail form saves it. The contract checks shape and format; the service checks
 * what needs the domain (org.nr check digit, fields that do not fit the kind).
 */
export const homeInput = z
  .object({
    /** Absent when the home is created. */
    id: id.optional(),
    kind: z.enum(homeKinds, 'Välj en typ av hem.'),
    name: trimmed(200),
    orgNr: optionalText(20),
    operator: z.enum(operators, 'Välj en huvudman.').nullish().transform((v) => v ?? null),
    municipality: optionalText(100),
    capacity: z.int('Ange ett heltal.').min(0, 'Kan inte vara negativ.').max(999, 'Högst 999 platser.').nullish()
      .transform((v) => v ?? null),
    targetGroup: targetGroupInput.nullish().transform((v) => v ?? null),
    agency: optionalText(200),
    persons: z.array(personInput).max(30, 'Högst 30 personer i ett hushåll.').default([]),
  })
  .strict();
export type HomeInput = z.output<typeof homeInput>;

const empty = z.object({}).strict();
const byId = z.object({ id }).strict();

// ---------------------------------------------------------------------------------------------
// The channels

function channel<I extends z.ZodType>(input: I) {
  return { returns: <O>() => ({ input, output: undefined as unknown as O }) };
}

export const contract = {
  getAppInfo: channel(empty).returns<AppInfo>(),
  /** `query` is matched Swedish-aware (case-insensitive, å/ä/ö as letters of their own) in the database. */
  listHomes: channel(z.object({ query: z.string().max(200, 'Sökningen är för lång.').optional() }).strict()).returns<HomeListRow[]>(),
  getHome: channel(byId).returns<Home>(),
  saveHome: channel(homeInput).returns<Home>(),
  setHomeActive: channel(z.object({ id, active: z.boolean() }).strict()).returns<Home>(),
  loadDemoData: channel(empty).returns<DemoLoadResult>(),
  removeDemoData: channel(empty).returns<DemoLoadResult>(),
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const channels = Object.keys(contract) as Channel[];

export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelArgs<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

// ---------------------------------------------------------------------------------------------
// The result envelope: errors are values with a Swedish message, never stack traces.

export type ErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'INTERNAL';

export interface ApiIssue {
  /** Where the problem is, as a JSON path into the input ("/persons/0/name"), or "" for the whole. */
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: ApiIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the renderer sees as `window.api`: one async function per channel. */
export type Api = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };

/** How one call travels: over IPC in Electron, over HTTP to the browser host. */
export type Transport = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

/**
 * An `Api` with one function per channel of the contract, the channel fixed in a closure. Both
 * implementations (preload, HTTP bridge) are built here, so neither can miss or mistype a channel.
 */
export function implementApi(transport: Transport): Api {
  const bind = <C extends Channel>(channel: C) => (input: ChannelInput<C>) => transport(channel, input);
  // Object.fromEntries loses the per-key types; `bind` gives each key exactly Api[C].
  return Object.fromEntries(channels.map((channel) => [channel, bind(channel)])) as Api;
}
