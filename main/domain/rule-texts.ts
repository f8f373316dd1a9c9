/**
 * The rules in plain Swedish: what the bevakningslista, a placement's page, the command line and
 * the reports say about a deadline or a check. One place, so they all say the same; the numbers come from
 * the municipality's parameters, so the text never contradicts the computation.
 */
import type { IsoDate } from './dates';
import type { DeadlineBasis } from './deadlines';
import type { RegisterCatalogueEntry, RuleParameters } from './rule-settings';
import type { CheckRule, DeadlineRule, DeadlineStatus, DecisionCheckStatus, PersonRegister, Register } from './vocabulary';

export const ruleTitles: Record<DeadlineRule, string> = {
  'sol-overvagande': 'Övervägande (SoL)',
  'lvu-overvagande': 'Övervägande (LVU 2 §)',
  'lvu-omprovning': 'Omprövning (LVU 3 §)',
  vardnadsoverflyttning: 'Övervägande om vårdnadsöverflyttning',
  'jourhem-tidsgrans': 'Tidsgräns i jourhem',
  barnsamtal: 'Enskilt samtal med barnet',
  vardplan: 'Vårdplan',
  genomforandeplan: 'Genomförandeplan',
  halsoundersokning: 'Hälsoundersökning begärd',
  'uppfoljning-efter-lvu': 'Uppföljning efter avslutad LVU-vård',
  'fler-an-tre-barn': 'Anmälan till IVO: fler än tre barn i hemmet',
  'lex-sarah-anmalan': 'Anmälan till IVO: lex Sarah',
};

const every = (months: number) => (months === 1 ? 'varje månad' : `minst var ${months}:e månad`);

/** One sentence: what the law (or the recommendation) asks, with the municipality's numbers. */
export function ruleExplanation(rule: DeadlineRule, p: RuleParameters): string {
  switch (rule) {
    case 'sol-overvagande':
      return `Nämnden ska överväga ${every(p.overvagandeMonths)} om vården behövs och hur den ska inriktas.`;
    case 'lvu-overvagande':
      return `Nämnden ska överväga ${every(p.overvagandeMonths)} om vård enligt LVU fortfarande behövs.`;
    case 'lvu-omprovning':
      return `Nämnden ska ${every(p.omprovningMonths)} pröva om vården enligt 3 § LVU ska upphöra.`;
    case 'vardnadsoverflyttning':
      return `När barnet bott ${p.vardnadsoverflyttningFirstMonths} månader i samma familjehem ska nämnden överväga vårdnadsöverflyttning, därefter var ${p.vardnadsoverflyttningThenMonths}:e månad.`;
    case 'jourhem-tidsgrans':
      return `Ett barn får vara högst ${p.jourhemAfterInvestigationMonths} månader i jourhem efter avslutad utredning, om inte särskilda skäl finns.`;
    case 'barnsamtal':
      return `Socialsekreteraren bör samtala enskilt med barnet ${every(p.barnsamtalMonths)}.`;
    case 'vardplan':
      return 'En vårdplan ska finnas när placeringen börjar.';
    case 'genomforandeplan':
      return `En genomförandeplan ska upprättas inom ${p.genomforandeplanDays} dagar från placeringen.`;
    case 'halsoundersokning':
      return `Nämnden ska begära hälsoundersökning hos regionen inom ${p.halsoundersokningDays} dagar från placeringen.`;
    case 'uppfoljning-efter-lvu':
      return `Barnets situation ska följas upp inom ${p.uppfoljningEfterLvuMonths} månader efter att LVU-vården upphört.`;
    case 'fler-an-tre-barn':
      return `Fler än ${p.flerAnTreBarnLimit} barn placerade i samma familjehem eller jourhem ska anmälas till IVO.`;
    case 'lex-sarah-anmalan':
      return `Ett allvarligt missförhållande eller en påtaglig risk för ett sådant ska anmälas till IVO snarast; kommunens rutin är inom ${p.lexSarahIvoDays} dagar från bedömningen.`;
  }
}

export const basisLabels: Record<DeadlineBasis, string> = {
  'placement-start': 'placeringen började',
  'latest-event': 'senast gjort',
  'same-home-since': 'barnet har bott i hemmet sedan',
  'investigation-completed': 'utredningen avslutades',
  'jourhem-stay-start': 'barnet kom till jourhemmet (utredningen inte avslutad)',
  'placement-end': 'vården upphörde',
  'over-limit-since': 'fler än gränsen sedan',
  'judged-serious': 'bedömt som allvarligt',
};

export const statusLabels = {
  overdue: 'Försenad',
  'due-soon': 'Snart',
  upcoming: 'Kommande',
} as const;

// ---------------------------------------------------------------------------------------------
// Checks (rules.md, "Checks before and during a placement"): the same words in the window, the
// command line and the reports. The numbers (12 months, 90 days) come from the catalogue and
// the parameters, so a sentence never contradicts the judgement beside it.

export const checkTitles: Record<CheckRule, string> = {
  registerkontroll: 'Registerkontroll före beslut',
  'ivo-tillstand': 'IVO-tillstånd före beslut',
  'registerkontroll-fortlopande': 'Fortlöpande registerkontroll',
};

export const registerNames: Record<Register, string> = {
  belastningsregistret: 'Belastningsregistret',
  misstankeregistret: 'Misstankeregistret',
  socialregistret: 'Socialregistret',
  kronofogden: 'Kronofogden',
  forsakringskassan: 'Försäkringskassan',
  'ivo-tillstand': 'IVO-tillstånd',
};

/** The short status words of a check (the command line's table); re-checks use the deadline words. */
export const checkStatusLabels: Record<DecisionCheckStatus | DeadlineStatus, string> = {
  ok: 'OK',
  missing: 'Saknas',
  'after-decision': 'Efter beslut',
  'too-old': 'För gammal',
  remark: 'Anmärkning – bedöm',
  invalid: 'Ogiltigt',
  ...statusLabels,
};

/** What a re-check's date was counted from, as the bevakningslista says it. */
export const recheckBasisLabels = {
  checked: 'senast kontrollerad',
  since: 'barn i hemmet sedan',
} as const;

/**
 * Where a person is checked and where an extract comes from, as a sentence says it: the sentence
 * is about the check or the extract, never the register itself ("Kontroll i belastningsregistret
 * för Anna Ek saknas", not "Belastningsregistret för Anna Ek saknas").
 */
const registerPlaces: Record<PersonRegister, { in: string; from: string }> = {
  belastningsregistret: { in: 'i belastningsregistret', from: 'ur belastningsregistret' },
  misstankeregistret: { in: 'i misstankeregistret', from: 'ur misstankeregistret' },
  socialregistret: { in: 'i socialregistret', from: 'ur socialregistret' },
  kronofogden: { in: 'hos Kronofogden', from: 'från Kronofogden' },
  forsakringskassan: { in: 'hos Försäkringskassan', from: 'från Försäkringskassan' },
};

/** Said for each required register when a foster home has nobody whose checks the catalogue requires. */
export const emptyHouseholdExplanation =
  'Hemmet har ingen registrerad uppdragstagare – registerkontroller kan inte göras före beslut. Lägg till hushållet i registret.';

/** A judged check or a due re-check, as much of it as its sentence needs. */
export type CheckTextInput =
  | {
      check: 'registerkontroll' | 'ivo-tillstand';
      register: string;
      personName: string | null;
      status: DecisionCheckStatus;
      /** The decision date. */
      date: IsoDate;
      checkedOn: IsoDate | null;
    }
  | {
      check: 'registerkontroll-fortlopande';
      register: string;
      personName: string | null;
      status: DeadlineStatus;
      /** The due date (when nothing was checked: the day a child came to live in the home). */
      date: IsoDate;
      checkedOn: IsoDate | null;
    };

const DEFAULT_MONTHS = 12;

/** One sentence in Swedish: what is wrong and what to do, or (ok) what the judgement rests on. */
export function checkExplanation(row: CheckTextInput, parameters: RuleParameters, catalogue: readonly RegisterCatalogueEntry[]): string {
  const entry = catalogue.find((e) => e.register === row.register);
  const place = registerPlaces[row.register as PersonRegister] ?? { in: `i ${row.register}`, from: `ur ${row.register}` };
  const person = row.personName ?? 'personen';
  const checked = row.checkedOn ?? '–';

  if (row.check === 'registerkontroll-fortlopande') {
    if (row.checkedOn === null) return `Kontroll ${place.in} för ${person} har aldrig gjorts; barn bor i hemmet sedan ${row.date}.`;
    return row.status === 'overdue'
      ? `Ny kontroll ${place.in} för ${person} skulle ha gjorts senast ${row.date}.`
      : `Ny kontroll ${place.in} för ${person} ska göras senast ${row.date}.`;
  }

  // A decision check without a person: the home had nobody to check (services/checks).
  if (row.check === 'registerkontroll' && row.personName === null && row.status === 'missing') return emptyHouseholdExplanation;

  if (row.status === 'ok') {
    return row.checkedOn === row.date ? `Kontrollerat ${checked}, samma dag som beslutet.` : `Kontrollerat ${checked}, före beslutet.`;
  }

  if (row.check === 'ivo-tillstand') {
    switch (row.status) {
      case 'missing':
        return 'IVO-tillståndet har inte kontrollerats – kontrollera det före beslut.';
      case 'after-decision':
        return `IVO-tillståndet kontrollerades ${checked}, efter beslutet ${row.date}.`;
      case 'too-old':
        return `IVO-tillståndet kontrollerades ${checked}, mer än ${parameters.ivoTillstandMaxAgeDays} dagar före beslutet.`;
      case 'invalid':
      case 'remark':
        return 'IVO-tillståndet är inte giltigt.';
    }
  }

  switch (row.status) {
    case 'missing':
      return `Kontroll ${place.in} för ${person} saknas – kontrollera före beslut.`;
    case 'after-decision':
      return `Kontrollen ${place.in} för ${person} gjordes ${checked}, efter beslutet ${row.date}.`;
    case 'too-old':
      return `Utdraget ${place.from} för ${person} är från ${checked}, mer än ${entry?.maxAgeMonths ?? DEFAULT_MONTHS} månader före beslutet.`;
    case 'remark':
    case 'invalid':
      return `Utdraget ${place.from} för ${person} har anmärkning – en handläggare ska bedöma den.`;
  }
}

/**
 * A reference with its laws spelled out, as in force on `on` ("SoL 22 kap. 13 §" →
 * "socialtjänstlagen (2025:400) 22 kap. 13 §"): the abbreviations are what a case worker reads in a
 * list, the full names what she can check in the statute book. "SoL" and "SoF" mean the new law
 * and ordinance from 2025-07-01 (rules.md) and the old before.
 */
export function spellOutReference(reference: string, on: IsoDate): string {
  const newLaw = on >= '2025-07-01';
  return reference
    .replace(/\bSoL\b/g, newLaw ? 'socialtjänstlagen (2025:400)' : 'socialtjänstlagen (2001:453)')
    .replace(/\bSoF\b/g, newLaw ? 'socialtjänstförordningen (2025:468)' : 'socialtjänstförordningen (2001:937)')
    .replace(/\bLVU\b/g, 'lagen (1990:52) med särskilda bestämmelser om vård av unga')
    .replace(/\blag 2017:209\b/g, 'lagen (2017:209)')
    .replace(/\bSOSFS 2012:11\b/g, 'Socialstyrelsens föreskrifter och allmänna råd (SOSFS 2012:11)');
}
