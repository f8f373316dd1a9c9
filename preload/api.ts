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

export const legalBases = ['SoL', 'LVU2', 'LVU3'] as const;
export type LegalBasis = (typeof legalBases)[number];
/** A stay's form is the kind of home it is in. */
export type StayForm = HomeKind;
export const endReasons = ['planerad', 'sammanbrott', 'hemflytt', 'myndig', 'annan'] as const;
export type EndReason = (typeof endReasons)[number];
export const placementEventTypes = [
  'overvagande',
  'omprovning',
  'vardnadsoverflyttning-overvagande',
  'barnsamtal',
  'vardplan',
  'genomforandeplan',
  'halsoundersokning-begard',
  'uppfoljning-avslutad',
  'jourhem-sarskilda-skal',
  'uppfoljningsbesok',
] as const;
export const homeEventTypes = ['ivo-anmalan-fler-an-tre', 'ivo-tillsyn'] as const;
export const eventTypes = [...placementEventTypes, ...homeEventTypes] as const;
export type EventType = (typeof eventTypes)[number];

export const deadlineRules = [
  'sol-overvagande',
  'lvu-overvagande',
  'lvu-omprovning',
  'vardnadsoverflyttning',
  'jourhem-tidsgrans',
  'barnsamtal',
  'vardplan',
  'genomforandeplan',
  'halsoundersokning',
  'uppfoljning-efter-lvu',
  'fler-an-tre-barn',
] as const;
export type DeadlineRule = (typeof deadlineRules)[number];
export const deadlineStatuses = ['overdue', 'due-soon', 'upcoming'] as const;
export type DeadlineStatus = (typeof deadlineStatuses)[number];
export const ruleIds = [...deadlineRules, 'registerkontroll', 'ivo-tillstand', 'registerkontroll-fortlopande'] as const;
export type RuleId = (typeof ruleIds)[number];

/** Registers checked for a foster home's adults; `ivo-tillstand` is checked for a home. */
export const personRegisters = ['belastningsregistret', 'misstankeregistret', 'socialregistret', 'kronofogden', 'forsakringskassan'] as const;
export type PersonRegister = (typeof personRegisters)[number];
export const registers = [...personRegisters, 'ivo-tillstand'] as const;
export type Register = (typeof registers)[number];
export const personCheckOutcomes = ['utan-anmarkning', 'med-anmarkning'] as const;
export const permitOutcomes = ['giltigt', 'ogiltigt'] as const;
export const checkOutcomes = [...personCheckOutcomes, ...permitOutcomes] as const;
export type CheckOutcome = (typeof checkOutcomes)[number];
/** The kinds of home an IVO permit can cover (hem för vård eller boende, stödboende). */
export const permitForms = ['hvb', 'stodboende'] as const;
export type PermitForm = (typeof permitForms)[number];
/** Roles whose register checks a municipality can require (rules.md: uppdragstagare). */
export const checkedRoles = ['uppdragstagare', 'annan-vuxen'] as const;
export type CheckedRole = (typeof checkedRoles)[number];
/** The verdict of an IVO inspection (tillsyn), mildest first (quality-index.md). */
export const ivoVerdicts = ['utan-anmarkning', 'kritik', 'forelaggande', 'aterkallelse'] as const;
export type IvoVerdict = (typeof ivoVerdicts)[number];
/** Statuses of `registerkontroll` and `ivo-tillstand` (rules.md). */
export const decisionCheckStatuses = ['ok', 'missing', 'after-decision', 'too-old', 'remark', 'invalid'] as const;
export type DecisionCheckStatus = (typeof decisionCheckStatuses)[number];

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
  children: number;
  placements: number;
  events: number;
}

/** A child: minimal identity (data minimisation). */
export interface Child {
  id: string;
  /** Name or initials; null when none is recorded, or when withheld (`masked`). */
  name: string | null;
  /**
   * Null when withheld (`masked`): a full birth date plus a municipality can point out a
   * protected child. `birthYear` is always given (the label shows it anyway).
   */
  birthDate: string | null;
  birthYear: number;
  /** Null when none is recorded, or when withheld. */
  personnummer: string | null;
  protectedIdentity: boolean;
  /** Protected identity and not revealed: `name`, `birthDate` and `personnummer` are withheld. */
  masked: boolean;
  /** How the UI names the child: the name, "Skyddad identitet (f. 2012)", or "Barn f. 2012-03-04". */
  label: string;
}

export interface ChildListRow extends Child {
  /** Placements of the child, and whether one is active on the date asked for. */
  placementCount: number;
  activePlacementId: string | null;
}

export interface Stay {
  /** 0-based position in the placement. */
  ordinal: number;
  homeId: string;
  homeName: string;
  form: StayForm;
  from: string;
  /** The day the child left (the next stay's `from`, or the placement's end); null while it lasts. */
  to: string | null;
  /** The decision for this very stay, when it differs from the placement's. */
  decidedOn: string | null;
  /** Jourhem: the day the investigation (utredning) was completed. */
  investigationCompletedOn: string | null;
}

export interface Placement {
  id: string;
  childId: string;
  legalBasis: LegalBasis;
  decidedOn: string;
  startedOn: string;
  endedOn: string | null;
  endReason: EndReason | null;
  caseworker: string | null;
  unit: string | null;
  stays: Stay[];
}

/** An event on a placement (`placementId`) or on a home (`homeId`). */
export interface RecordedEvent {
  id: string;
  placementId: string | null;
  homeId: string | null;
  type: EventType;
  date: string;
  comment: string | null;
  /** `ivo-tillsyn` only: what IVO concluded; null when not recorded. */
  verdict: IvoVerdict | null;
}

/** A deadline as the bevakningslista and a placement's page show it. */
export interface DeadlineRow {
  /** A deadline rule, or the recurring register check of a foster-home adult (a reminder beside them). */
  rule: DeadlineRule | 'registerkontroll-fortlopande';
  /** Null for the home rule `fler-an-tre-barn`. */
  placementId: string | null;
  /** The current home, or the home of a home rule; null after the placement ended. */
  homeId: string | null;
  homeName: string | null;
  dueOn: string;
  /** The date the deadline was counted from, and (`basisLabel`) what that date is, in Swedish. */
  basisOn: string;
  basisLabel: string;
  status: DeadlineStatus;
  legalRef: string;
  /** The rule in plain Swedish: a short title and one sentence of what the law asks. */
  title: string;
  explanation: string;
  /** The event that renews or satisfies the deadline: what to record; null when a register check is (on the home). */
  satisfiedBy: EventType | null;
  /** `registerkontroll-fortlopande`: the adult to re-check and the register. */
  personId: string | null;
  personName: string | null;
  register: PersonRegister | null;
  /** Jourhem overruns: when särskilda skäl were documented during the stay, if they were. */
  specialReasonsOn: string | null;
  childId: string | null;
  childLabel: string | null;
  caseworker: string | null;
  unit: string | null;
}

export interface DeadlineCounts {
  overdue: number;
  dueSoon: number;
  upcoming: number;
}

export interface DeadlineOverview {
  date: string;
  rows: DeadlineRow[];
  counts: DeadlineCounts;
}

/** A row of the list of placements. */
export interface PlacementListRow {
  id: string;
  childId: string;
  childLabel: string;
  legalBasis: LegalBasis;
  decidedOn: string;
  startedOn: string;
  endedOn: string | null;
  caseworker: string | null;
  unit: string | null;
  /** The stay current on the date asked for (else the last one). */
  homeId: string;
  homeName: string;
  form: StayForm;
  active: boolean;
  overdueCount: number;
}

/** Everything a placement's page shows. */
export interface PlacementDetail {
  placement: Placement;
  child: Child;
  /** The placement's events, newest first. */
  events: RecordedEvent[];
  /** Its open deadlines on the date asked for. */
  deadlines: DeadlineRow[];
  /** The child's other placements, for the history. */
  otherPlacements: PlacementListRow[];
  /** `registerkontroll` and `ivo-tillstand` of its stays, judged as of the date asked for. */
  checks: DecisionCheckRow[];
}

/** One number of the rules (rules.md's parameters) with what the settings page says about it. */
export interface RuleParameter {
  key: string;
  label: string;
  unit: 'dagar' | 'månader' | 'år' | 'barn';
  value: number;
  defaultValue: number;
}

export interface LegalReference {
  rule: RuleId;
  reference: string;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
}

/** One register of the municipality's catalogue (a versioned setting; rules.md's defaults). */
export interface RegisterCatalogueEntry {
  register: PersonRegister;
  /** Checked before a decision and judged by `registerkontroll`; otherwise only offered in the form. */
  required: boolean;
  /** Whose checks are required (rules.md: uppdragstagare). */
  roles: CheckedRole[];
  /** A check older than this many months before the decision is `too-old`. */
  maxAgeMonths: number;
  /** Re-checked this often while a child lives in the home (`registerkontroll-fortlopande`); null: not re-checked. */
  recheckMonths: number | null;
}

export interface RuleSettings {
  parameters: RuleParameter[];
  references: LegalReference[];
  catalogue: RegisterCatalogueEntry[];
  /** Increases with every saved change (the history keeps the earlier versions). */
  version: number;
}

/** What an IVO permit covers, as verified (any part may be unknown). */
export interface PermitScope {
  forms: PermitForm[];
  minAge: number | null;
  maxAge: number | null;
  places: number | null;
  targetGroup: string | null;
  /** Org.nr of the permit holder (tillståndshavare). */
  holderOrgNr: string | null;
}

/** A register check of an adult (`personId`) or an IVO permit verification of a home (`homeId`). Never the extract's contents. */
export interface RegisterCheck {
  id: string;
  personId: string | null;
  homeId: string | null;
  register: Register;
  checkedOn: string;
  outcome: CheckOutcome;
  /** Diarienummer or the permit's reference. */
  reference: string | null;
  /** `ivo-tillstand` only. */
  permit: PermitScope | null;
  /** Who recorded (or last corrected) it and when (ISO timestamp); null for imported checks. */
  recordedBy: string | null;
  recordedAt: string | null;
  /** How many earlier versions the history keeps. */
  revisions: number;
}

/** An earlier version of a check, kept when it was corrected or removed (who, when, why). */
export interface RegisterCheckRevision {
  checkId: string;
  /** 1 for the first recorded version. */
  revision: number;
  personId: string | null;
  homeId: string | null;
  register: Register;
  checkedOn: string;
  outcome: CheckOutcome;
  reference: string | null;
  permit: PermitScope | null;
  recordedBy: string | null;
  recordedAt: string | null;
  action: 'rattad' | 'borttagen';
  changedBy: string;
  changedAt: string;
  reason: string;
}

/** One register of one adult: the newest check and when the next is due while a child lives there. */
export interface PersonRegisterStatus {
  register: PersonRegister;
  required: boolean;
  newestCheckedOn: string | null;
  newestOutcome: CheckOutcome | null;
  /** `registerkontroll-fortlopande` when the home has a child in it on the date; null otherwise. */
  dueOn: string | null;
  status: DeadlineStatus | null;
}

/** Everything the home panel shows about checks. */
export interface HomeChecks {
  homeId: string;
  date: string;
  /** Foster homes: every adult of the household with their checks (newest first) and per-register status. */
  persons: { personId: string; name: string; role: PersonRole; checks: RegisterCheck[]; registers: PersonRegisterStatus[] }[];
  /** HVB and stödboende: IVO permit verifications, newest first. */
  permits: RegisterCheck[];
  /** Whether this home needs a verified permit before a decision (an enskild HVB or stödboende). */
  permitRequired: boolean;
  /** IVO inspections (`ivo-tillsyn` events), newest first. */
  inspections: RecordedEvent[];
  /** Earlier versions of this home's checks and its adults', newest change first. */
  history: RegisterCheckRevision[];
  /** The catalogue in force, for the form's list of registers. */
  catalogue: RegisterCatalogueEntry[];
}

/** A `registerkontroll` or `ivo-tillstand` result as the window shows it. */
export interface DecisionCheckRow {
  check: 'registerkontroll' | 'ivo-tillstand';
  /** Null when asked before a placement exists ("Redo för beslut?"). */
  placementId: string | null;
  homeId: string;
  homeName: string;
  personId: string | null;
  personName: string | null;
  register: Register;
  decisionOn: string;
  status: DecisionCheckStatus;
  /** The check the status was judged on. */
  checkedOn: string | null;
  legalRef: string;
  /** One sentence in Swedish of what is wrong and what to do ("Kontroll i belastningsregistret för Anna Ek saknas – kontrollera före beslut."). */
  explanation: string;
}

/** The "Redo för beslut?" panel: green only when every item is `ok` and nothing refuses the placement. */
export interface Readiness {
  ready: boolean;
  items: DecisionCheckRow[];
  /** Why the home cannot take this child at all (the permit does not cover the form or the age), in Swedish. */
  refusals: string[];
}

/** A row of the list of checks: a decision check of a stay, or a due re-check. */
export interface CheckListRow {
  check: 'registerkontroll' | 'ivo-tillstand' | 'registerkontroll-fortlopande';
  placementId: string | null;
  /** The placed child, masked as elsewhere; null for a re-check. */
  childLabel: string | null;
  homeId: string;
  homeName: string;
  personId: string | null;
  personName: string | null;
  register: Register;
  /** `decisionOn` for a decision check, `dueOn` for a re-check. */
  date: string;
  status: DecisionCheckStatus | DeadlineStatus;
  checkedOn: string | null;
  legalRef: string;
  explanation: string;
  /**
   * Still to be acted on as of the date: true for a re-check (given only while a child lives in
   * the home), and for a decision check whose placement is active on the date; false for a
   * decision check of an ended placement (history, which can no longer be put right).
   */
  current: boolean;
}

export interface CheckOverview {
  date: string;
  rows: CheckListRow[];
  /**
   * `problems`: decision checks that are not `ok` and `current` (of placements active on `date`;
   * an ended placement's can no longer be put right, `rows` still lists them); `overdue` /
   * `dueSoon`: re-checks with that status.
   */
  counts: { problems: number; overdue: number; dueSoon: number };
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

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date `YYYY-MM-DD` (checked without `Date`, which would accept 2025-02-30 as March). */
export const isCalendarDate = (value: string): boolean => {
  if (!DATE_SHAPE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const days = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return m >= 1 && m <= 12 && d >= 1 && d <= days;
};
const date = z
  .string('Ange ett datum.')
  .trim()
  .refine((v) => DATE_SHAPE.test(v), 'Ange datumet som ÅÅÅÅ-MM-DD.')
  .refine(isCalendarDate, 'Det datumet finns inte i kalendern.');
const optionalDate = z
  .union([date, z.literal('')])
  .nullish()
  .transform((v) => (v ? v : null));
const asOf = z.object({ date }).strict();

export const childInput = z
  .object({
    id: id.optional(),
    name: optionalText(200),
    birthDate: date,
    personnummer: optionalText(20),
    protectedIdentity: z.boolean().default(false),
  })
  .strict();
export type ChildInput = z.output<typeof childInput>;

export const stayInput = z
  .object({
    homeId: id,
    from: date,
    to: optionalDate,
    decidedOn: optionalDate,
    investigationCompletedOn: optionalDate,
  })
  .strict();

/**
 * A placement as its form saves it. The stays' forms follow from their homes' kinds; the service
 * checks the rules that need the register (the stays tile the placement, the homes can take them).
 */
export const placementInput = z
  .object({
    id: id.optional(),
    /** The child, or `newChild` to register one in the same transaction (nothing is left behind if the placement fails). */
    childId: id.optional(),
    newChild: childInput.omit({ id: true }).optional(),
    legalBasis: z.enum(legalBases, 'Välj SoL, LVU 2 § eller LVU 3 §.'),
    decidedOn: date,
    startedOn: date,
    endedOn: optionalDate,
    endReason: z.enum(endReasons, 'Välj en orsak.').nullish().transform((v) => v ?? null),
    caseworker: optionalText(200),
    unit: optionalText(200),
    stays: z.array(stayInput).min(1, 'En placering har minst en vistelse.').max(100, 'Högst 100 vistelser.'),
  })
  .strict()
  .refine((p) => (p.childId === undefined) !== (p.newChild === undefined), {
    message: 'Välj ett barn, eller lägg in ett nytt.',
    path: ['childId'],
  });
export type PlacementInput = z.output<typeof placementInput>;

/** Omplacering: the current stay ends on `on` and a new one begins there, in `homeId`. */
export const movePlacementInput = z
  .object({
    id,
    on: date,
    homeId: id,
    decidedOn: optionalDate,
    investigationCompletedOn: optionalDate,
  })
  .strict();

export const endPlacementInput = z
  .object({ id, on: date, reason: z.enum(endReasons, 'Välj en orsak.') })
  .strict();

/** An event on exactly one of a placement or a home; the service checks the type fits. */
export const eventInput = z
  .object({
    placementId: id.optional(),
    homeId: id.optional(),
    type: z.enum(eventTypes, 'Välj vad som har gjorts.'),
    date,
    comment: optionalText(2000),
    /** `ivo-tillsyn` only (the service refuses it on other types). */
    verdict: z.enum(ivoVerdicts, 'Välj IVO:s bedömning.').nullish().transform((v) => v ?? null),
  })
  .strict()
  .refine((e) => (e.placementId === undefined) !== (e.homeId === undefined), {
    message: 'Ange antingen en placering eller ett hem.',
    path: ['placementId'],
  });
export type EventInput = z.output<typeof eventInput>;

export const permitScopeInput = z
  .object({
    forms: z.array(z.enum(permitForms)).min(1, 'Välj vad tillståndet gäller: HVB, stödboende eller båda.').max(2),
    minAge: age.nullish().transform((v) => v ?? null),
    maxAge: age.nullish().transform((v) => v ?? null),
    places: z.int('Ange ett heltal.').min(0, 'Kan inte vara negativt.').max(999, 'Högst 999 platser.').nullish()
      .transform((v) => v ?? null),
    targetGroup: optionalText(500),
    holderOrgNr: optionalText(20),
  })
  .strict()
  .refine((p) => p.minAge === null || p.maxAge === null || p.minAge <= p.maxAge, {
    message: 'Lägsta ålder får inte vara högre än högsta ålder.',
    path: ['maxAge'],
  });
export type PermitScopeInput = z.output<typeof permitScopeInput>;

/**
 * A register check as its form records it: of an adult (`personId`) or an IVO permit of a home
 * (`homeId`). Date, outcome, reference and who records it; never the contents of the extract.
 * The service checks that the register and outcome fit the subject.
 */
const registerCheckFields = {
  personId: id.optional(),
  homeId: id.optional(),
  register: z.enum(registers, 'Välj ett register.'),
  checkedOn: date,
  outcome: z.enum(checkOutcomes, 'Välj ett utfall.'),
  reference: optionalText(200),
  permit: permitScopeInput.nullish().transform((v) => v ?? null),
  /** Who records it (the case worker's name). */
  recordedBy: trimmed(200),
};
const oneSubject = <T extends { personId?: string; homeId?: string }>(c: T) => (c.personId === undefined) !== (c.homeId === undefined);
const oneSubjectIssue = { message: 'Ange antingen en person eller ett hem.', path: ['personId'] };

export const registerCheckInput = z.object(registerCheckFields).strict().refine(oneSubject, oneSubjectIssue);
export type RegisterCheckInput = z.output<typeof registerCheckInput>;

/** A correction: the earlier version is kept in the history with who, when and why. */
export const correctRegisterCheckInput = z
  .object({ ...registerCheckFields, id, reason: trimmed(500) })
  .strict()
  .refine(oneSubject, oneSubjectIssue);
export type CorrectRegisterCheckInput = z.output<typeof correctRegisterCheckInput>;

/** Removal (a check entered by mistake, or Ångra): kept in the history with who and why. */
export const removeRegisterCheckInput = z.object({ id, reason: trimmed(500), removedBy: trimmed(200) }).strict();

/** "Redo för beslut?": the checks a decision on `decisionOn` to place in `homeId` would rest on. */
export const readinessInput = z
  .object({
    homeId: id,
    decisionOn: date,
    /**
     * The day the stay would begin and the child, for the permit's age range: `childId` for a child
     * in the register (main reads its birth date, which a masked child's answers withhold),
     * `birthDate` for a new child typed into the form. With both, `childId` wins.
     */
    from: date.nullish().transform((v) => v ?? null),
    childId: id.nullish().transform((v) => v ?? null),
    birthDate: date.nullish().transform((v) => v ?? null),
    /** Today: checks recorded after it have not happened yet. */
    date,
  })
  .strict();

export const ruleSettingsInput = z
  .object({
    /** Parameter key → value; keys left out keep their value. */
    parameters: z.record(z.string().max(60), z.int('Ange ett heltal.').min(0, 'Kan inte vara negativt.').max(3650, 'För stort.')),
    references: z
      .array(
        z
          .object({
            rule: z.enum(ruleIds, 'Okänd regel.'),
            reference: trimmed(200),
            validFrom: optionalDate,
            validTo: optionalDate,
            note: optionalText(500),
          })
          .strict(),
      )
      .max(200),
    /** The register catalogue; left out, it keeps its value. */
    catalogue: z
      .array(
        z
          .object({
            register: z.enum(personRegisters, 'Okänt register.'),
            required: z.boolean(),
            roles: z.array(z.enum(checkedRoles, 'Okänd roll.')).max(2),
            maxAgeMonths: z.int('Ange ett heltal.').min(1, 'Minst 1 månad.').max(120, 'Högst 120 månader.'),
            recheckMonths: z.int('Ange ett heltal.').min(1, 'Minst 1 månad.').max(120, 'Högst 120 månader.').nullable(),
          })
          .strict(),
      )
      .max(personRegisters.length)
      .optional(),
    /** The version the user edited: a save over a newer version is refused (someone else saved). */
    version: z.int().min(0),
  })
  .strict();
export type RuleSettingsInput = z.output<typeof ruleSettingsInput>;

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
  loadDemoData: channel(z.object({ today: date.optional() }).strict()).returns<DemoLoadResult>(),
  removeDemoData: channel(empty).returns<DemoLoadResult>(),

  /** Children; a protected identity is masked unless `reveal` is asked for. */
  listChildren: channel(z.object({ query: z.string().max(200, 'Sökningen är för lång.').optional(), date }).strict()).returns<ChildListRow[]>(),
  getChild: channel(z.object({ id, reveal: z.boolean().default(false) }).strict()).returns<Child>(),
  saveChild: channel(childInput).returns<Child>(),

  listPlacements: channel(
    z.object({ date, query: z.string().max(200, 'Sökningen är för lång.').optional(), activeOnly: z.boolean().default(false) }).strict(),
  ).returns<PlacementListRow[]>(),
  getPlacement: channel(z.object({ id, date, reveal: z.boolean().default(false) }).strict()).returns<PlacementDetail>(),
  savePlacement: channel(placementInput).returns<Placement>(),
  movePlacement: channel(movePlacementInput).returns<Placement>(),
  endPlacement: channel(endPlacementInput).returns<Placement>(),

  recordEvent: channel(eventInput).returns<RecordedEvent>(),
  /** Removes a recorded event (Ångra, or a mistake); returns what was removed. */
  removeEvent: channel(byId).returns<RecordedEvent>(),
  listHomeEvents: channel(z.object({ homeId: id }).strict()).returns<RecordedEvent[]>(),

  /** The bevakningslista: every open deadline on `date`. */
  listDeadlines: channel(asOf).returns<DeadlineOverview>(),
  countDeadlines: channel(asOf).returns<DeadlineCounts>(),

  /** Register checks of a home's adults, its IVO permits and inspections, with their history. */
  getHomeChecks: channel(z.object({ homeId: id, date }).strict()).returns<HomeChecks>(),
  recordRegisterCheck: channel(registerCheckInput).returns<RegisterCheck>(),
  correctRegisterCheck: channel(correctRegisterCheckInput).returns<RegisterCheck>(),
  removeRegisterCheck: channel(removeRegisterCheckInput).returns<RegisterCheck>(),
  /** "Redo för beslut?" for a placement being decided. */
  checkReadiness: channel(readinessInput).returns<Readiness>(),
  /** Every decision check and re-check on `date` (rules.md's checks). */
  listChecks: channel(asOf).returns<CheckOverview>(),

  getRuleSettings: channel(empty).returns<RuleSettings>(),
  saveRuleSettings: channel(ruleSettingsInput).returns<RuleSettings>(),
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
