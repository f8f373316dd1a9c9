/**
 * The parameters of the rules (rules.md: "every parameter below is a default that a municipality
 * can change") and the table of legal references (rule id → reference, valid from/to), so that a
 * reference can be corrected, or the new SoL's numbering added, without a code change.
 *
 * Both are kept in the database beside the register they judge, so the window, the command line
 * and a nightly run give the same answer for the same file (docs/decisions.md).
 */
import { z } from 'zod';
import { isIsoDate, type IsoDate } from './dates';
import { registerNames } from './rule-texts';
import { checkedRoles, personRegisters, ruleIds, type PersonRegister, type RuleId } from './vocabulary';

/** "1 månad", "2 månader": a number with its unit in Swedish. */
export function withUnit(value: number, unit: 'dagar' | 'månader' | 'år' | 'barn'): string {
  if (value !== 1) return `${value} ${unit}`;
  return `${value} ${unit === 'dagar' ? 'dag' : unit === 'månader' ? 'månad' : unit}`;
}

// Messages in Swedish: the settings page shows them at the field.
const whole = (min: number, max: number, unit: 'dagar' | 'månader' | 'år' | 'barn') =>
  z.int(`Ange ett heltal (${unit}).`).min(min, `Minst ${withUnit(min, unit)}.`).max(max, `Högst ${withUnit(max, unit)}.`);
const months = (fallback: number) => whole(1, 120, 'månader').default(fallback);
const days = (fallback: number) => whole(1, 3650, 'dagar').default(fallback);
const years = (fallback: number) => whole(1, 30, 'år').default(fallback);

/** The defaults are rules.md's; a stored value missing a key (an older version) gets the default. */
export const ruleParametersSchema = z.strictObject({
  /** A deadline is `due-soon` from this many days before it. */
  leadDays: whole(0, 365, 'dagar').default(30),
  /** The age limit of the child rules ("under 18 on D"). */
  childAgeLimit: years(18),
  overvagandeMonths: months(6),
  omprovningMonths: months(6),
  vardnadsoverflyttningFirstMonths: months(24),
  vardnadsoverflyttningThenMonths: months(12),
  jourhemAfterInvestigationMonths: months(2),
  /** Local policy when the investigation's completion is not recorded: 4 months of utredning + 2. */
  jourhemWithoutInvestigationMonths: months(6),
  barnsamtalMonths: months(3),
  genomforandeplanDays: days(30),
  halsoundersokningDays: days(30),
  halsoundersokningAgeLimit: years(21),
  uppfoljningEfterLvuMonths: months(6),
  /** More children than this in one foster home must be reported to IVO. */
  flerAnTreBarnLimit: whole(1, 20, 'barn').default(3),
  /** Register checks' maximum age and re-check interval are per register: see the catalogue below. */
  ivoTillstandMaxAgeDays: days(90),
  /** A lex Sarah report judged serious is reported to IVO within this many days of the bedömning (the law: "snarast"). */
  lexSarahIvoDays: whole(1, 90, 'dagar').default(14),
  /** Random file audits: a placement audited in a round that ended less than this long before a period is not drawn again. */
  auditExclusionMonths: whole(1, 60, 'månader').default(12),
});
export type RuleParameters = z.output<typeof ruleParametersSchema>;
export const defaultRuleParameters: RuleParameters = ruleParametersSchema.parse({});

/**
 * What the law itself fixes of a parameter. Rules as data keep the law's bounds as data too: a
 * municipality may set a stricter value (a shorter interval, a lower limit), never a looser one.
 * `rules` are the rules whose legal references say where the bound is written.
 */
export interface LegalLimit {
  bound: 'max' | 'min';
  value: number;
  rules: readonly RuleId[];
  /** What the law asks, as a sentence without its reference. */
  requirement: string;
}

export const legalLimits: Partial<Record<keyof RuleParameters, LegalLimit>> = {
  overvagandeMonths: { bound: 'max', value: 6, rules: ['sol-overvagande', 'lvu-overvagande'], requirement: 'Lagen kräver övervägande minst var 6:e månad' },
  omprovningMonths: { bound: 'max', value: 6, rules: ['lvu-omprovning'], requirement: 'LVU kräver omprövning minst var 6:e månad' },
  vardnadsoverflyttningFirstMonths: {
    bound: 'max',
    value: 24,
    rules: ['vardnadsoverflyttning'],
    requirement: 'Lagen kräver att vårdnadsöverflyttning övervägs när barnet har bott 2 år i samma familjehem',
  },
  vardnadsoverflyttningThenMonths: {
    bound: 'max',
    value: 12,
    rules: ['vardnadsoverflyttning'],
    requirement: 'Lagen kräver att vårdnadsöverflyttning därefter övervägs minst en gång om året',
  },
  jourhemAfterInvestigationMonths: {
    bound: 'max',
    value: 2,
    rules: ['jourhem-tidsgrans'],
    requirement: 'Lagen tillåter jourhem högst 2 månader efter avslutad utredning, om inte särskilda skäl finns',
  },
  halsoundersokningAgeLimit: {
    bound: 'min',
    value: 21,
    rules: ['halsoundersokning'],
    requirement: 'Lagen kräver att hälsoundersökning begärs för barn och unga under 21 år',
  },
  uppfoljningEfterLvuMonths: {
    bound: 'max',
    value: 6,
    rules: ['uppfoljning-efter-lvu'],
    requirement: 'LVU kräver uppföljning under 6 månader efter avslutad vård',
  },
  flerAnTreBarnLimit: { bound: 'max', value: 3, rules: ['fler-an-tre-barn'], requirement: 'Fler än tre barn i samma familjehem ska anmälas till IVO' },
};

/** The references a limit rests on, as in force on `on` ("SoL 22 kap. 13 §; LVU 13 § första st."). */
export function limitReference(limit: LegalLimit, table: readonly LegalReference[], on: IsoDate): string {
  return [...new Set(limit.rules.map((rule) => legalReferenceOn(table, rule, on)))].join('; ');
}

/**
 * Why `value` of `key` is looser than the law allows, in Swedish with the reference, or null when
 * it is within the law (a stricter local value is fine).
 */
export function legalLimitProblem(
  key: keyof RuleParameters,
  value: number,
  unit: 'dagar' | 'månader' | 'år' | 'barn',
  table: readonly LegalReference[],
  on: IsoDate,
): string | null {
  const limit = legalLimits[key];
  if (limit === undefined) return null;
  const looser = limit.bound === 'max' ? value > limit.value : value < limit.value;
  if (!looser) return null;
  const allowed = limit.bound === 'max' ? `högst ${withUnit(limit.value, unit)}` : `minst ${withUnit(limit.value, unit)}`;
  return `${limit.requirement} (${limitReference(limit, table, on)}): ${allowed}. Ett strängare lokalt värde går bra.`;
}

/**
 * The register catalogue: which registers a municipality checks, for whom, how old a check may be
 * at the decision and how often it is repeated while a child lives in the home.
 */
export const registerCatalogueEntrySchema = z.strictObject({
  register: z.enum(personRegisters),
  /** Required before a decision (judged by `registerkontroll`); otherwise only offered in the form. */
  required: z.boolean(),
  roles: z.array(z.enum(checkedRoles)).max(2),
  maxAgeMonths: whole(1, 120, 'månader'),
  /** null: not re-checked (`registerkontroll-fortlopande` skips it). */
  recheckMonths: whole(1, 120, 'månader').nullable(),
});
export type RegisterCatalogueEntry = z.output<typeof registerCatalogueEntrySchema>;

/** Required by law for every uppdragstagare (SoF 3 kap. 3 §, before 2025-07-01 SoF 5 kap. 1 b §): a municipality may add, not remove. */
export const statutoryRegisters: readonly PersonRegister[] = ['belastningsregistret', 'misstankeregistret'];

/** Every register exactly once (so none silently disappears from the form), the statutory ones required of uppdragstagare. */
export const registerCatalogueSchema = z.array(registerCatalogueEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.register)) ctx.addIssue({ code: 'custom', path: [index, 'register'], message: 'Registret finns redan i listan.' });
    seen.add(entry.register);
    if (entry.required && entry.roles.length === 0) {
      ctx.addIssue({ code: 'custom', path: [index, 'roles'], message: 'Ange vilka som ska kontrolleras.' });
    }
    if (statutoryRegisters.includes(entry.register)) {
      if (!entry.required) ctx.addIssue({ code: 'custom', path: [index, 'required'], message: 'Registret krävs enligt lag (SoF 3 kap. 3 §).' });
      if (!entry.roles.includes('uppdragstagare')) {
        ctx.addIssue({ code: 'custom', path: [index, 'roles'], message: 'Uppdragstagare ska alltid kontrolleras i det här registret.' });
      }
    }
  });
  for (const register of personRegisters) {
    if (!seen.has(register)) ctx.addIssue({ code: 'custom', path: [], message: `${registerNames[register]} saknas i listan.` });
  }
});

/**
 * rules.md: belastnings- and misstankeregistret for every uppdragstagare, at most 12 months old at
 * the decision and re-checked every 12 months (local policy); the others offered, not required.
 */
export const defaultRegisterCatalogue: RegisterCatalogueEntry[] = [
  { register: 'belastningsregistret', required: true, roles: ['uppdragstagare'], maxAgeMonths: 12, recheckMonths: 12 },
  { register: 'misstankeregistret', required: true, roles: ['uppdragstagare'], maxAgeMonths: 12, recheckMonths: 12 },
  { register: 'socialregistret', required: false, roles: ['uppdragstagare'], maxAgeMonths: 12, recheckMonths: null },
  { register: 'kronofogden', required: false, roles: ['uppdragstagare'], maxAgeMonths: 12, recheckMonths: null },
  { register: 'forsakringskassan', required: false, roles: ['uppdragstagare'], maxAgeMonths: 12, recheckMonths: null },
];

const isoDate = z.string().refine(isIsoDate, 'inte ett datum (ÅÅÅÅ-MM-DD)');

export const legalReferenceSchema = z
  .strictObject({
    rule: z.enum(ruleIds),
    /** As cited in the UI, reports and the command line, e.g. "SoL 6 kap. 8 §". */
    reference: z.string().trim().min(1).max(200),
    /** The first and last day the reference applies (null: open-ended). */
    validFrom: isoDate.nullable(),
    validTo: isoDate.nullable(),
    note: z.string().trim().max(500).nullable(),
  })
  .refine((r) => r.validFrom === null || r.validTo === null || r.validFrom <= r.validTo, {
    message: 'validTo är före validFrom',
    path: ['validTo'],
  });
export type LegalReference = z.output<typeof legalReferenceSchema>;

/** The day the new socialtjänstlag (SFS 2025:400) and socialtjänstförordning (SFS 2025:468) began to apply. */
export const newSolFrom = '2025-07-01';
const oldSolTo = '2025-06-30';

/**
 * rules.md's default table: the old numbering up to 2025-06-30, the new from 2025-07-01 (read in
 * the consolidated texts of SFS 2025:400 and 2025:468; none of the duties changed). A rule whose
 * reference did not change has one open-ended row.
 */
const referenceTable: readonly [RuleId, string, string | null, string | null][] = [
  // rule, to 2025-06-30, from 2025-07-01 (null: the same), note
  ['sol-overvagande', 'SoL 6 kap. 8 §', 'SoL 22 kap. 13 §', null],
  ['lvu-overvagande', 'LVU 13 § första st.', null, null],
  ['lvu-omprovning', 'LVU 13 § andra st.', null, null],
  ['vardnadsoverflyttning', 'SoL 6 kap. 8 b §; LVU 13 §', 'SoL 22 kap. 14 §; LVU 13 §', null],
  ['jourhem-tidsgrans', 'SoL 6 kap. 6 §', 'SoL 22 kap. 4 §', null],
  ['barnsamtal', 'Socialstyrelsens allmänna råd', 'SoL 22 kap. 11–12 §§; Socialstyrelsens allmänna råd', 'Tätheten (var tredje månad) är en rekommendation, inte lag.'],
  ['vardplan', 'SoL 11 kap. 3 §; SoF 5 kap. 1 a §', 'SoL 9 kap. 12 §; SoF 10 kap. 2 §', null],
  ['genomforandeplan', 'SoL 11 kap. 3 §; SOSFS 2012:11', 'SoL 9 kap. 12 §; SoF 10 kap. 3 §', null],
  ['halsoundersokning', 'SoL 11 kap. 3 a §; lag 2017:209', 'SoL 22 kap. 7 §; lag 2017:209', null],
  ['uppfoljning-efter-lvu', 'LVU 21 b §', null, null],
  ['fler-an-tre-barn', 'SoF 3 kap. 19 a §', 'SoF 16 kap. 2 §', null],
  ['registerkontroll', 'SoF 5 kap. 1 b §', 'SoF 3 kap. 3 §', null],
  ['ivo-tillstand', 'SoL 7 kap. 1 §', 'SoL 26 kap. 1 §', null],
  ['registerkontroll-fortlopande', 'Lokal rutin (fortlöpande registerkontroller)', null, null],
  ['lex-sarah-anmalan', 'SoL 14 kap. 7 §', 'SoL 27 kap. 6 §', 'Lagen säger "snarast"; antalet dagar är kommunens rutin.'],
];

export const defaultLegalReferences: LegalReference[] = referenceTable.flatMap(([rule, old, current, note]): LegalReference[] =>
  current === null
    ? [{ rule, reference: old, validFrom: null, validTo: null, note }]
    : [
        { rule, reference: old, validFrom: null, validTo: oldSolTo, note },
        { rule, reference: current, validFrom: newSolFrom, validTo: null, note },
      ],
);

/**
 * The reference of `rule` in force on `on`: the row whose validity covers the date, the most
 * recently begun one first; if none covers it, the rule id itself, so a gap in the table shows.
 */
export function legalReferenceOn(table: readonly LegalReference[], rule: RuleId, on: IsoDate): string {
  let best: LegalReference | null = null;
  for (const row of table) {
    if (row.rule !== rule) continue;
    if (row.validFrom !== null && on < row.validFrom) continue;
    if (row.validTo !== null && on > row.validTo) continue;
    if (best === null || (row.validFrom ?? '') > (best.validFrom ?? '')) best = row;
  }
  return best?.reference ?? rule;
}
