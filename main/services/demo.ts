/**
 * An obviously fictional register to try the app with: invented homes, people and org.nr (valid
 * check digits, "Exempel" in every family name), children, placements and events, every id
 * prefixed EXEMPEL-. It is loaded only into an empty register, so demo data never mixes with
 * real data.
 *
 * Dates are counted from the `today` the caller passes (no clock here), so the bevakningslista
 * shows the same picture whatever day the demo is loaded: some deadlines overdue, some due
 * within 30 days, most further ahead, and some already satisfied.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { insertRevision, type CheckWrite } from '../db/checks-repository';
import { readKnown, upsertAll } from '../db/exchange-repository';
import * as repo from '../db/homes-repository';
import type { Database } from '../db/schema';
import { addDays, addMonths, isIsoDate, type IsoDate } from '../domain/dates';
import {
  exchangeFormat,
  exchangeVersion,
  mentionedIds,
  validateExchangeFile,
  type ExchangeEvent,
  type ExchangeFile,
  type ExchangePlacement,
  type ExchangeRegisterCheck,
} from '../domain/exchange';
import type { Clock } from './clock';
import { ServiceError } from './errors';
import type { TargetGroup } from '../../preload/api/homes';
import type { DemoLoadResult } from '../../preload/api/app';
import type { HomeKind, Operator, PersonRole } from '../domain/vocabulary';

interface DemoHome {
  id: string;
  kind: HomeKind;
  name: string;
  orgNr?: string;
  operator?: Operator;
  municipality: string;
  capacity?: number;
  targetGroup?: TargetGroup;
  agency?: string;
  active?: false;
  persons?: [id: string, name: string, role: PersonRole, birthYear: number][];
}

// The needs are words from `commonNeeds` in the vocabulary.
const demoHomes: DemoHome[] = [
  {
    id: 'EXEMPEL-H01', kind: 'hvb', name: 'Östergårdens HVB', orgNr: '556000-0019', operator: 'enskild',
    municipality: 'Timrå', capacity: 8,
    targetGroup: { minAge: 13, maxAge: 17, gender: 'alla', needs: ['missbruk', 'kriminalitet'] },
  },
  {
    id: 'EXEMPEL-H02', kind: 'stodboende', name: 'Åkerbackens stödboende', orgNr: '212000-9994', operator: 'kommunal',
    municipality: 'Sundsvall', capacity: 6,
    targetGroup: { minAge: 16, maxAge: 20, gender: 'alla', needs: ['ensamkommande', 'psykisk-ohalsa'] },
  },
  {
    id: 'EXEMPEL-H03', kind: 'jourhem', name: 'Älvängens jourhem', municipality: 'Härnösand', capacity: 2,
    persons: [
      ['EXEMPEL-P01', 'Eva Exempeldotter', 'uppdragstagare', 1972],
      ['EXEMPEL-P02', 'Jonas Exempeldotter', 'uppdragstagare', 1970],
    ],
  },
  {
    id: 'EXEMPEL-H04', kind: 'familjehem', name: 'Familjen Exempelsson', municipality: 'Sundsvall', capacity: 1,
    agency: 'Konsulentstöd Exempel AB',
    persons: [
      ['EXEMPEL-P03', 'Anna Exempelsson', 'uppdragstagare', 1980],
      ['EXEMPEL-P04', 'Bertil Exempelsson', 'uppdragstagare', 1978],
      ['EXEMPEL-P05', 'Cecilia Exempelsson', 'barn-i-hemmet', 2012],
    ],
  },
  {
    id: 'EXEMPEL-H05', kind: 'sis', name: 'Statens exempelhem', orgNr: '202100-9994', operator: 'statlig',
    municipality: 'Örnsköldsvik', capacity: 12,
    targetGroup: { minAge: 15, maxAge: 18, gender: 'pojkar', needs: ['kriminalitet', 'missbruk', 'skyddsbehov'] },
  },
  {
    id: 'EXEMPEL-H06', kind: 'natverkshem', name: 'Mormor Exempelgrens nätverkshem', municipality: 'Ånge', capacity: 1,
    persons: [
      ['EXEMPEL-P06', 'Gun Exempelgren', 'uppdragstagare', 1958],
      ['EXEMPEL-P07', 'Olle Exempelgren', 'annan-vuxen', 1955],
    ],
  },
  {
    id: 'EXEMPEL-H07', kind: 'hvb', name: 'Björkhagens HVB', orgNr: '556000-0027', operator: 'enskild',
    municipality: 'Sundsvall', capacity: 5,
    targetGroup: { minAge: 13, maxAge: 17, gender: 'flickor', needs: ['sjalvskada', 'psykisk-ohalsa', 'hedersrelaterat-vald'] },
  },
  {
    id: 'EXEMPEL-H08', kind: 'hvb', name: 'Norrvikens HVB', orgNr: '556000-0035', operator: 'region',
    municipality: 'Härnösand', capacity: 10, active: false,
    targetGroup: { minAge: 10, maxAge: 15, gender: null, needs: ['neuropsykiatri'] },
  },
  {
    id: 'EXEMPEL-H09', kind: 'familjehem', name: 'Familjen Provström-Exempel', municipality: 'Timrå', capacity: 2,
    persons: [
      ['EXEMPEL-P08', 'Dragan Provström-Exempel', 'uppdragstagare', 1975],
      ['EXEMPEL-P09', 'Ylva Exempelberg', 'annan-vuxen', 1999],
    ],
  },
  {
    id: 'EXEMPEL-H10', kind: 'jourhem', name: 'Ödmårdens jourhem', municipality: 'Ånge', capacity: 1, active: false,
    persons: [['EXEMPEL-P10', 'Siv Exempelqvist', 'uppdragstagare', 1965]],
  },
  {
    id: 'EXEMPEL-H11', kind: 'stodboende', name: 'Solbackens stödboende', orgNr: '556000-0043', operator: 'enskild',
    municipality: 'Örnsköldsvik', capacity: 4, active: false,
    targetGroup: { minAge: 18, maxAge: 20, gender: 'alla', needs: [] },
  },
  {
    id: 'EXEMPEL-H12', kind: 'familjehem', name: 'Familjen Exempelhed', municipality: 'Örnsköldsvik', capacity: 1,
    agency: 'Konsulentstöd Exempel AB',
    persons: [
      ['EXEMPEL-P11', 'Kim Exempelhed', 'uppdragstagare', 1984],
      ['EXEMPEL-P12', 'Ali Exempelhed', 'barn-i-hemmet', 2015],
      ['EXEMPEL-P13', 'Mira Exempelhed', 'barn-i-hemmet', 2018],
    ],
  },
];

type LegalBasis = ExchangePlacement['legalBasis'];
type EndReason = NonNullable<ExchangePlacement['endReason']>;
type EventType = ExchangeEvent['type'];

interface DemoChild {
  id: string;
  /** A first name with an invented family name, or initials only (data minimisation). */
  name: string;
  /** Age on `today`. */
  age: [years: number, months: number];
  protectedIdentity?: true;
}

// No personnummer: a test number would have to match birth dates that move with `today`.
const demoChildren: DemoChild[] = [
  { id: 'EXEMPEL-C01', name: 'Alva Exempelbäck', age: [9, 4] },
  { id: 'EXEMPEL-C02', name: 'Bilal Exempelstam', age: [15, 8] },
  { id: 'EXEMPEL-C03', name: 'Cornelia Exempellund', age: [14, 2] },
  { id: 'EXEMPEL-C04', name: 'Dante Exempelmark', age: [6, 7] },
  { id: 'EXEMPEL-C05', name: 'Elin Exempelvik', age: [11, 1] },
  { id: 'EXEMPEL-C06', name: 'Filip Exempelås', age: [16, 10] },
  { id: 'EXEMPEL-C07', name: 'G. E.', age: [13, 5], protectedIdentity: true },
  { id: 'EXEMPEL-C08', name: 'Hamid Exempelnor', age: [16, 9] },
  { id: 'EXEMPEL-C09', name: 'Ida Exempeldal', age: [12, 6] },
  { id: 'EXEMPEL-C10', name: 'J. E.', age: [3, 2] },
  { id: 'EXEMPEL-C11', name: 'Leo Exempelgård', age: [14, 3] },
];

/** A date counted from today: calendar months first (clamped, rules.md), then days. */
type At = (months: number, days?: number) => IsoDate;

interface DemoPlacement {
  id: string;
  childId: string;
  legalBasis: LegalBasis;
  decidedOn: IsoDate;
  caseworker: string;
  unit: string;
  /** The first stay starts the placement; each stay ends where the next begins, the last on `endedOn`. */
  stays: { homeId: string; from: IsoDate; decidedOn?: IsoDate; investigationCompletedOn?: IsoDate }[];
  ended?: { on: IsoDate; reason: EndReason };
  events: [EventType, IsoDate][];
  /**
   * Dygnskostnad in kronor, of the kind of home the child is (or was last) in: HVB 4 000–9 000,
   * familjehem 900–1 800, jourhem 1 500–2 500, nätverkshem 600–1 200, stödboende 2 000–3 500, SiS
   * 4 500–6 500. Absent on two, as in a real register where not every cost is known (a new
   * placement's may come later; an old one's was never written down).
   */
  dailyCost?: number;
}

const A = 'Handläggare Exempel A';
const B = 'Handläggare Exempel B';
const C = 'Handläggare Exempel C';
const NORD = 'Barn och unga Nord';
const SYD = 'Barn och unga Syd';

/**
 * The placements as of `today`, and what each shows in the bevakningslista. Every deadline lies
 * at least ten days from a status boundary (today, today + 30 days), so month-end clamping never
 * changes the picture. Familjen Exempelsson (H04) is left without placements on purpose: a stay
 * fixes a home's kind, and the register's tests change that home's kind.
 */
function demoPlacements(at: At): DemoPlacement[] {
  return [
    // Two years in the same familjehem: the övervägande om vårdnadsöverflyttning is due within 30 days.
    {
      id: 'EXEMPEL-PL01', childId: 'EXEMPEL-C01', legalBasis: 'SoL', decidedOn: at(-24, 12), caseworker: A, unit: NORD, dailyCost: 1400,
      stays: [{ homeId: 'EXEMPEL-H12', from: at(-24, 15) }],
      events: [
        ['vardplan', at(-24, 15)], ['halsoundersokning-begard', at(-24, 20)], ['genomforandeplan', at(-23, 5)],
        ['overvagande', at(-18, 10)], ['overvagande', at(-12, 5)], ['overvagande', at(-7, 0)], ['overvagande', at(-2, 0)],
        ['barnsamtal', at(-4, 0)], ['barnsamtal', at(-1, -10)],
      ],
    },
    // Frivillig HVB placement that broke down, followed by LVU (3 §) at a SiS home.
    {
      id: 'EXEMPEL-PL12', childId: 'EXEMPEL-C02', legalBasis: 'SoL', decidedOn: at(-10, -5), caseworker: B, unit: SYD, dailyCost: 6800,
      stays: [{ homeId: 'EXEMPEL-H01', from: at(-10, 0) }],
      ended: { on: at(-6, 0), reason: 'sammanbrott' },
      events: [
        ['vardplan', at(-10, 0)], ['halsoundersokning-begard', at(-10, 6)], ['genomforandeplan', at(-10, 21)],
        ['barnsamtal', at(-8, 0)],
      ],
    },
    // The barnsamtal is overdue; the first omprövning is further ahead.
    {
      id: 'EXEMPEL-PL02', childId: 'EXEMPEL-C02', legalBasis: 'LVU3', decidedOn: at(-4, -8), caseworker: B, unit: SYD, dailyCost: 5300,
      stays: [{ homeId: 'EXEMPEL-H05', from: at(-4, -6) }],
      events: [
        ['vardplan', at(-4, 0)], ['halsoundersokning-begard', at(-4, 2)], ['genomforandeplan', at(-4, 18)],
        ['barnsamtal', at(-3, -12)],
      ],
    },
    // Omplacering: from a jourhem (investigation completed) to an HVB; the övervägande is overdue.
    {
      id: 'EXEMPEL-PL03', childId: 'EXEMPEL-C03', legalBasis: 'SoL', decidedOn: at(-8, -3), caseworker: A, unit: NORD, dailyCost: 7900,
      stays: [
        { homeId: 'EXEMPEL-H10', from: at(-8, 0), investigationCompletedOn: at(-6, 0) },
        { homeId: 'EXEMPEL-H07', from: at(-5, 0), decidedOn: at(-5, -4) },
      ],
      events: [
        ['vardplan', at(-8, 0)], ['halsoundersokning-begard', at(-8, 10)], ['genomforandeplan', at(-8, 20)],
        ['overvagande', at(-6, -20)], ['barnsamtal', at(-4, 0)], ['barnsamtal', at(-1, 4)],
      ],
    },
    // Jourhem with no completed investigation: the time limit and the first övervägande are near.
    {
      id: 'EXEMPEL-PL04', childId: 'EXEMPEL-C04', legalBasis: 'SoL', decidedOn: at(-6, 12), caseworker: B, unit: NORD, dailyCost: 2100,
      stays: [{ homeId: 'EXEMPEL-H03', from: at(-6, 15) }],
      events: [
        ['vardplan', at(-6, 18)], ['halsoundersokning-begard', at(-6, 25)], ['genomforandeplan', at(-5, 10)],
        ['barnsamtal', at(-4, 0)], ['barnsamtal', at(-1, -20)],
      ],
    },
    // Jourhem past its two months after the investigation, with särskilda skäl documented.
    {
      id: 'EXEMPEL-PL05', childId: 'EXEMPEL-C05', legalBasis: 'LVU2', decidedOn: at(-4, 2), caseworker: A, unit: SYD, dailyCost: 1950,
      stays: [{ homeId: 'EXEMPEL-H03', from: at(-4, 3), investigationCompletedOn: at(-2, -20) }],
      events: [
        ['vardplan', at(-4, 10)], ['halsoundersokning-begard', at(-4, 17)], ['genomforandeplan', at(-4, 30)],
        ['barnsamtal', at(-1, -5)], ['jourhem-sarskilda-skal', at(0, -25)],
      ],
    },
    // Stödboende: the barnsamtal is due within 30 days.
    {
      id: 'EXEMPEL-PL06', childId: 'EXEMPEL-C06', legalBasis: 'SoL', decidedOn: at(-7, -10), caseworker: C, unit: SYD, dailyCost: 2650,
      stays: [{ homeId: 'EXEMPEL-H02', from: at(-7, 0) }],
      events: [
        ['vardplan', at(-7, 0)], ['halsoundersokning-begard', at(-7, 3)], ['genomforandeplan', at(-7, 20)],
        ['barnsamtal', at(-5, 0)], ['overvagande', at(-1, 0)], ['barnsamtal', at(-2, -15)],
      ],
    },
    // LVU (2 §) in a familjehem, child with protected identity: everything in order.
    {
      id: 'EXEMPEL-PL07', childId: 'EXEMPEL-C07', legalBasis: 'LVU2', decidedOn: at(-14, -3), caseworker: A, unit: NORD, dailyCost: 1250,
      stays: [{ homeId: 'EXEMPEL-H09', from: at(-14, 0) }],
      events: [
        ['vardplan', at(-14, 4)], ['halsoundersokning-begard', at(-14, 10)], ['genomforandeplan', at(-13, 0)],
        ['overvagande', at(-10, 0)], ['overvagande', at(-4, -9)],
        ['barnsamtal', at(-7, 0)], ['barnsamtal', at(-4, 0)], ['barnsamtal', at(-1, -10)],
      ],
    },
    // Ended LVU (3 §) care: the follow-up after the care (lex lilla hjärtat) is due within 30 days.
    {
      id: 'EXEMPEL-PL08', childId: 'EXEMPEL-C08', legalBasis: 'LVU3', decidedOn: at(-15, -2), caseworker: B, unit: SYD, dailyCost: 5400,
      stays: [{ homeId: 'EXEMPEL-H01', from: at(-15, 0) }],
      ended: { on: at(-5, -10), reason: 'planerad' },
      events: [
        ['vardplan', at(-15, 5)], ['halsoundersokning-begard', at(-15, 8)], ['genomforandeplan', at(-14, 0)],
        ['omprovning', at(-9, 0)], ['barnsamtal', at(-12, 0)], ['barnsamtal', at(-9, 0)], ['barnsamtal', at(-6, 0)],
      ],
    },
    // Ended LVU (2 §) care, followed up: nothing left to watch.
    {
      id: 'EXEMPEL-PL09', childId: 'EXEMPEL-C09', legalBasis: 'LVU2', decidedOn: at(-26, -5), caseworker: A, unit: NORD,
      stays: [{ homeId: 'EXEMPEL-H09', from: at(-26, 0) }],
      ended: { on: at(-11, 0), reason: 'planerad' },
      events: [
        ['vardplan', at(-26, 3)], ['halsoundersokning-begard', at(-26, 10)], ['genomforandeplan', at(-25, 0)],
        ['overvagande', at(-20, 0)], ['overvagande', at(-14, 0)], ['barnsamtal', at(-13, 0)],
        ['uppfoljning-avslutad', at(-7, 0)],
      ],
    },
    // Then voluntarily with her grandmother (nätverkshem): the genomförandeplan was never made.
    {
      id: 'EXEMPEL-PL10', childId: 'EXEMPEL-C09', legalBasis: 'SoL', decidedOn: at(-11, -7), caseworker: A, unit: NORD, dailyCost: 850,
      stays: [{ homeId: 'EXEMPEL-H06', from: at(-11, 0) }],
      events: [
        ['vardplan', at(-11, 0)], ['halsoundersokning-begard', at(-11, 12)],
        ['overvagande', at(-4, 8)], ['barnsamtal', at(-4, 0)], ['barnsamtal', at(-1, -15)],
      ],
    },
    // Just placed in a familjehem: the genomförandeplan is due within 30 days.
    {
      id: 'EXEMPEL-PL11', childId: 'EXEMPEL-C10', legalBasis: 'SoL', decidedOn: at(0, -24), caseworker: B, unit: NORD,
      stays: [{ homeId: 'EXEMPEL-H09', from: at(0, -20) }],
      events: [['vardplan', at(0, -20)], ['halsoundersokning-begard', at(0, -17)]],
    },
    // An ongoing HVB placement with everything in order.
    {
      id: 'EXEMPEL-PL13', childId: 'EXEMPEL-C11', legalBasis: 'SoL', decidedOn: at(-3, -15), caseworker: B, unit: SYD, dailyCost: 6200,
      stays: [{ homeId: 'EXEMPEL-H01', from: at(-3, -12) }],
      events: [
        ['vardplan', at(-3, -12)], ['halsoundersokning-begard', at(-3, -6)], ['genomforandeplan', at(-2, -20)],
        ['barnsamtal', at(-1, -2)],
      ],
    },
  ];
}

type Verdict = NonNullable<ExchangeEvent['verdict']>;

/** Home events: IVO's inspections of two of the HVB, with what IVO concluded. */
const demoHomeEvents = (at: At): [homeId: string, type: EventType, date: IsoDate, verdict: Verdict][] => [
  ['EXEMPEL-H01', 'ivo-tillsyn', at(-5, 0), 'utan-anmarkning'],
  ['EXEMPEL-H07', 'ivo-tillsyn', at(-9, 12), 'kritik'],
];

type Register = ExchangeRegisterCheck['register'];
type Outcome = ExchangeRegisterCheck['outcome'];
type Permit = NonNullable<ExchangeRegisterCheck['permit']>;

/**
 * Register checks of the foster homes' uppdragstagare and IVO permits of the enskilda HVB and
 * stödboende, as of `today` (rules.md's checks; decision dates are the placements' above):
 * - Älvängens jourhem (H03): Jonas's belastningsregistret has a remark (`remark` at both stays).
 * - Mormor Exempelgrens nätverkshem (H06): Gun's belastningsregistret is two years old at the
 *   decision (`too-old`) and was never repeated (re-check overdue); her misstankeregistret is due
 *   within 30 days. Olle (annan vuxen, not required) was checked all the same.
 * - Familjen Provström-Exempel (H09): everything in order at all three decisions.
 * - Ödmårdens jourhem (H10): Siv was never checked in misstankeregistret (`missing`).
 * - Familjen Exempelhed (H12): Kim's misstankeregistret was checked after the decision
 *   (`after-decision`); the belastningsregistret re-check is due within 30 days.
 * - Familjen Exempelsson (H04), no placements yet: both adults checked two months ago, Anna also
 *   in socialregistret (offered, not required): ready for a decision; no re-check while no child lives there.
 * - Östergårdens HVB (H01): verified before each decision, the newest recently (`ok`).
 * - Björkhagens HVB (H07): verified four months before the decision (`too-old`); the permit
 *   covers 12–15 years, so an older teenager cannot be placed there.
 * - Solbackens stödboende (H11): the latest verification found the permit not valid.
 * Every date is at least a week from the decision it is judged against, and re-checks at least
 * ten days from a status boundary, so the picture is the same whatever day the demo is loaded.
 */
function demoChecks(at: At): {
  subject: ['person' | 'home', string];
  register: Register;
  on: IsoDate;
  outcome: Outcome;
  by: string;
  reference?: string;
  permit?: Permit;
}[] {
  const person = (id: string): ['person', string] => ['person', `EXEMPEL-P${id}`];
  const home = (id: string): ['home', string] => ['home', `EXEMPEL-H${id}`];
  const both = (who: ['person', string], on: IsoDate, by: string, outcomes: [Outcome, Outcome] = ['utan-anmarkning', 'utan-anmarkning']) => [
    { subject: who, register: 'belastningsregistret' as const, on, outcome: outcomes[0], by },
    { subject: who, register: 'misstankeregistret' as const, on, outcome: outcomes[1], by },
  ];
  const ostergarden: Permit = {
    forms: ['hvb'], minAge: 13, maxAge: 17, places: 8,
    targetGroup: 'Ungdomar 13–17 år med missbruk eller kriminalitet', holderOrgNr: '556000-0019',
  };
  return [
    // H03, decisions at(-6, 12) and at(-4, 2).
    ...both(person('01'), at(-7, 0), A),
    ...both(person('02'), at(-7, 0), A, ['med-anmarkning', 'utan-anmarkning']),
    // H04, no placements.
    ...both(person('03'), at(-2, 0), B),
    { subject: person('03'), register: 'socialregistret', on: at(-2, 0), outcome: 'utan-anmarkning', by: B },
    ...both(person('04'), at(-2, 0), B),
    // H06, decision at(-11, -7).
    { subject: person('06'), register: 'belastningsregistret', on: at(-25, 0), outcome: 'utan-anmarkning', by: C },
    { subject: person('06'), register: 'misstankeregistret', on: at(-11, -15), outcome: 'utan-anmarkning', by: A },
    { subject: person('07'), register: 'belastningsregistret', on: at(-11, -15), outcome: 'utan-anmarkning', by: A },
    // H09, decisions at(-26, -5), at(-14, -3) and at(0, -24).
    ...both(person('08'), at(-26, -20), B),
    ...both(person('08'), at(-14, -20), A),
    ...both(person('08'), at(-1, -10), B),
    // H10, decision at(-8, -3).
    { subject: person('10'), register: 'belastningsregistret', on: at(-8, -20), outcome: 'utan-anmarkning', by: A },
    // H12, decision at(-24, 12).
    { subject: person('11'), register: 'belastningsregistret', on: at(-24, 0), outcome: 'utan-anmarkning', by: A },
    { subject: person('11'), register: 'misstankeregistret', on: at(-23, 0), outcome: 'utan-anmarkning', by: A },
    { subject: person('11'), register: 'belastningsregistret', on: at(-12, 15), outcome: 'utan-anmarkning', by: C },
    { subject: person('11'), register: 'misstankeregistret', on: at(-10, 0), outcome: 'utan-anmarkning', by: C },
    // H01, decisions at(-15, -2), at(-10, -5) and at(-3, -15).
    { subject: home('01'), register: 'ivo-tillstand', on: at(-15, -20), outcome: 'giltigt', by: B, reference: 'IVO 3.5.1-10234/2019', permit: ostergarden },
    { subject: home('01'), register: 'ivo-tillstand', on: at(-10, -20), outcome: 'giltigt', by: B, reference: 'IVO 3.5.1-10234/2019', permit: ostergarden },
    { subject: home('01'), register: 'ivo-tillstand', on: at(-3, -25), outcome: 'giltigt', by: B, reference: 'IVO 3.5.1-10234/2019', permit: ostergarden },
    // H07, decision at(-5, -4).
    {
      subject: home('07'), register: 'ivo-tillstand', on: at(-9, 0), outcome: 'giltigt', by: A, reference: 'IVO 3.5.1-20871/2021',
      permit: { forms: ['hvb'], minAge: 12, maxAge: 15, places: 5, targetGroup: 'Flickor 12–15 år med självskadebeteende', holderOrgNr: '556000-0027' },
    },
    // H11 (inactive, no placements).
    {
      subject: home('11'), register: 'ivo-tillstand', on: at(-6, 0), outcome: 'ogiltigt', by: C, reference: 'IVO 3.5.1-31120/2022',
      permit: { forms: ['stodboende'], minAge: 18, maxAge: 20, places: 4, holderOrgNr: '556000-0043' },
    },
  ];
}

/**
 * One correction, so the history has something to show: Jonas's remark was first recorded as
 * without one. The version before the correction, as the history keeps it.
 */
function demoRevisions(file: ExchangeFile): { before: CheckWrite; by: string; at: string; reason: string }[] {
  const check = file.registerChecks?.find((c) => c.personId === 'EXEMPEL-P02' && c.register === 'belastningsregistret');
  if (!check) return [];
  const recordedAt = check.recordedAt ?? `${check.checkedOn}T09:00:00.000Z`;
  return [
    {
      before: {
        id: check.id,
        personId: check.personId ?? null,
        homeId: null,
        register: check.register,
        checkedOn: check.checkedOn,
        outcome: 'utan-anmarkning',
        reference: check.reference ?? null,
        permit: null,
        recordedBy: C,
        recordedAt: `${check.checkedOn}T08:00:00.000Z`,
      },
      by: check.recordedBy ?? A,
      at: recordedAt,
      reason: 'Utdraget visade en anmärkning; fel utfall registrerades först.',
    },
  ];
}

/** Every demo id starts with this; nothing real ever does (the form's ids are UUIDs). */
export const demoIdPrefix = 'EXEMPEL-';

/** The whole demo register as an exchange file, dated relative to `today`. */
export function demoExchangeFile(today: IsoDate): ExchangeFile {
  const at: At = (months, days = 0) => addDays(addMonths(today, months), days);
  const kindOf = new Map<string, HomeKind>(demoHomes.map((h) => [h.id, h.kind]));
  const placements = demoPlacements(at);
  let eventNumber = 0;
  const eventId = () => `${demoIdPrefix}E${String(++eventNumber).padStart(2, '0')}`;
  let diaryNumber = 100;

  return {
    format: exchangeFormat,
    version: exchangeVersion,
    homes: demoHomes.map((home) => ({
      id: home.id,
      kind: home.kind,
      name: home.name,
      orgNr: home.orgNr,
      operator: home.operator,
      municipality: home.municipality,
      capacity: home.capacity,
      targetGroup: home.targetGroup && {
        minAge: home.targetGroup.minAge ?? undefined,
        maxAge: home.targetGroup.maxAge ?? undefined,
        gender: home.targetGroup.gender ?? undefined,
        needs: home.targetGroup.needs,
      },
      agency: home.agency,
      status: home.active === false ? 'inaktiv' : 'aktiv',
    })),
    persons: demoHomes.flatMap((home) =>
      (home.persons ?? []).map(([id, name, role, birthYear]) => ({ id, homeId: home.id, name, role, birthYear })),
    ),
    registerChecks: demoChecks(at).map((check, i) => ({
      id: `${demoIdPrefix}RK${String(i + 1).padStart(2, '0')}`,
      ...(check.subject[0] === 'person' ? { personId: check.subject[1] } : { homeId: check.subject[1] }),
      register: check.register,
      checkedOn: check.on,
      outcome: check.outcome,
      reference: check.reference ?? `Dnr ${check.on.slice(0, 4)}/${++diaryNumber}`,
      permit: check.permit,
      recordedBy: check.by,
      // Recorded the morning after the extract came (never after today: `on` is at least a week back).
      recordedAt: `${addDays(check.on, 1)}T09:00:00.000Z`,
    })),
    children: demoChildren.map((child) => ({
      id: child.id,
      name: child.name,
      birthDate: at(-12 * child.age[0] - child.age[1], -9),
      protectedIdentity: child.protectedIdentity ?? false,
    })),
    placements: placements.map((p) => ({
      id: p.id,
      childId: p.childId,
      legalBasis: p.legalBasis,
      decidedOn: p.decidedOn,
      startedOn: p.stays[0]!.from,
      endedOn: p.ended?.on,
      endReason: p.ended?.reason,
      caseworker: p.caseworker,
      unit: p.unit,
      dailyCost: p.dailyCost,
      stays: p.stays.map((stay, k) => ({
        homeId: stay.homeId,
        // A stay's form is its home's kind (rules.md); taken from the home, it cannot disagree.
        form: kindOf.get(stay.homeId)!,
        from: stay.from,
        to: p.stays[k + 1]?.from ?? p.ended?.on,
        decidedOn: stay.decidedOn,
        investigationCompletedOn: stay.investigationCompletedOn,
      })),
    })),
    events: [
      ...placements.flatMap((p) => p.events.map(([type, date]) => ({ id: eventId(), placementId: p.id, type, date }))),
      ...demoHomeEvents(at).map(([homeId, type, date, verdict]) => ({ id: eventId(), homeId, type, date, verdict })),
    ],
  };
}

export function createDemoService(db: Kysely<Database>, clock: Clock) {
  return {
    /** Whether the register holds demo homes, so the app can say so until they are removed. */
    async present(): Promise<boolean> {
      return (await repo.countHomesWithIdPrefix(db, demoIdPrefix)) > 0;
    },

    /**
     * Loads the demo register, dated relative to `today` (the clock's by default), through the
     * exchange import's checks: all of it or, if anything is wrong, nothing.
     */
    async load(today: IsoDate = clock.today()): Promise<DemoLoadResult> {
      if (!isIsoDate(today)) throw new ServiceError('VALIDATION', `Ogiltigt datum för exempeldata: ${today}.`);
      const file = demoExchangeFile(today);
      return repo.inTransaction(db, async (trx) => {
        if (!(await isEmpty(trx))) {
          throw new ServiceError(
            'CONFLICT',
            'Exempeldata kan bara laddas i ett tomt register. Registret har redan hem eller barn, och exempeldata blandas aldrig med riktiga uppgifter.',
          );
        }
        const checked = validateExchangeFile(file, await readKnown(trx, mentionedIds(file)));
        // The demo is ours: a problem here is a bug, not the user's to fix.
        if (!checked.ok) throw new Error(`Exempeldata är felaktiga: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
        // The register is empty: nothing is replaced, so no history is written at this time.
        const counts = await upsertAll(trx, checked.file, `${today}T00:00:00.000Z`);
        for (const { before, by, at, reason } of demoRevisions(checked.file)) {
          await insertRevision(trx, before, 1, { action: 'rattad', changedBy: by, changedAt: at, reason });
        }
        return {
          homes: counts.homes.created,
          persons: counts.persons.created,
          children: counts.children.created,
          placements: counts.placements.created,
          events: counts.events.created,
        };
      });
    },

    /**
     * Removes the demo register: records with demo ids, and the events recorded on demo
     * placements (trying the bevakningslista means recording events). Refused, with nothing
     * removed, while other records refer to demo homes, their households or demo children.
     */
    async remove(): Promise<DemoLoadResult> {
      try {
        return await repo.inTransaction(db, async (trx) => {
          const blockers = await referencesFromOutside(trx);
          if (blockers.length > 0) {
            throw new ServiceError(
              'CONFLICT',
              `Exempeldata kan inte tas bort eftersom andra uppgifter hänvisar till den: ${blockers.join('; ')}. Rätta eller ta bort dem först. Ingenting har tagits bort.`,
            );
          }
          return deleteDemo(trx);
        });
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
        // A reference the check above does not know of (a newer table): the transaction rolled back.
        throw new ServiceError(
          'CONFLICT',
          'Exempeldata kan inte tas bort: andra uppgifter hänvisar till exempelhemmen eller exempelbarnen. Ingenting har tagits bort.',
        );
      }
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;

// ---------------------------------------------------------------------------------------------
// SQL of the demo: which records are demo, who refers to them, and their removal.

type Trx = Transaction<Database>;

/** Exact and case-sensitive, unlike LIKE. */
const isDemo = (column: string) => sql<boolean>`substr(${sql.ref(column)}, 1, ${demoIdPrefix.length}) = ${demoIdPrefix}`;
const notDemo = (column: string) => sql<boolean>`substr(${sql.ref(column)}, 1, ${demoIdPrefix.length}) <> ${demoIdPrefix}`;

async function count(query: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }): Promise<number> {
  return Number((await query.executeTakeFirstOrThrow()).n);
}

async function isEmpty(trx: Trx): Promise<boolean> {
  const homes = await repo.countHomes(trx);
  const children = await count(trx.selectFrom('children').select((eb) => eb.fn.countAll<number>().as('n')));
  const placements = await count(trx.selectFrom('placements').select((eb) => eb.fn.countAll<number>().as('n')));
  return homes + children + placements === 0;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What keeps the demo from being removed, in Swedish: records that are not demo but refer to it. */
async function referencesFromOutside(trx: Trx): Promise<string[]> {
  const demoHomes = trx.selectFrom('homes').select('id').where(isDemo('id'));
  const demoPersons = trx.selectFrom('persons').select('id').where('homeId', 'in', demoHomes);
  const demoPlacements = trx.selectFrom('placements').select('id').where(isDemo('id'));
  const blockers: string[] = [];

  const inDemoHomes = await trx
    .selectFrom('stays')
    .innerJoin('homes', 'homes.id', 'stays.homeId')
    .select(['stays.placementId', 'homes.name'])
    .distinct()
    .where(isDemo('stays.homeId'))
    .where(notDemo('stays.placementId'))
    .orderBy('homes.name')
    .execute();
  if (inDemoHomes.length > 0) {
    const placements = new Set(inDemoHomes.map((r) => r.placementId)).size;
    const homes = [...new Set(inDemoHomes.map((r) => r.name))].join(', ');
    blockers.push(`${plural(placements, 'placering', 'placeringar')} som inte är exempeldata har vistelser i exempelhem (${homes})`);
  }

  const ofDemoChildren = await count(
    trx.selectFrom('placements').select((eb) => eb.fn.countAll<number>().as('n')).where(isDemo('childId')).where(notDemo('id')),
  );
  if (ofDemoChildren > 0) {
    blockers.push(`${plural(ofDemoChildren, 'placering', 'placeringar')} som inte är exempeldata gäller exempelbarn`);
  }

  const homeEvents = await count(
    trx.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where(isDemo('homeId')).where(notDemo('id')),
  );
  if (homeEvents > 0) blockers.push(`${plural(homeEvents, 'händelse', 'händelser')} har registrerats på exempelhem`);

  const checks = await count(
    trx
      .selectFrom('registerChecks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(notDemo('id'))
      .where((eb) => eb.or([eb('personId', 'in', demoPersons), eb('homeId', 'in', demoHomes)])),
  );
  if (checks > 0) blockers.push(`${plural(checks, 'registerkontroll', 'registerkontroller')} gäller exempelhem eller personer i dem`);

  let others = 0;
  for (const table of ['notes', 'assessments', 'deviations'] as const) {
    others += await count(
      trx
        .selectFrom(table as 'notes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(notDemo('id'))
        .where((eb) => eb.or([eb('homeId', 'in', demoHomes), eb('placementId', 'in', demoPlacements)])),
    );
  }
  if (others > 0) blockers.push(`${plural(others, 'anteckning, bedömning eller avvikelse', 'anteckningar, bedömningar eller avvikelser')} gäller exempeldata`);
  return blockers;
}

/** Deletes in foreign-key order: what refers first, then what it referred to. */
async function deleteDemo(trx: Trx): Promise<DemoLoadResult> {
  const demoPlacements = trx.selectFrom('placements').select('id').where(isDemo('id'));
  const deleted = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);

  // The history of demo checks, and of checks a user recorded on demo homes and people and then removed.
  const demoHomeIds = trx.selectFrom('homes').select('id').where(isDemo('id'));
  await trx
    .deleteFrom('registerCheckHistory')
    .where((eb) =>
      eb.or([
        isDemo('checkId'),
        eb('homeId', 'in', demoHomeIds),
        eb('personId', 'in', trx.selectFrom('persons').select('id').where('homeId', 'in', demoHomeIds)),
      ]),
    )
    .execute();
  const events = deleted(
    await trx
      .deleteFrom('events')
      .where((eb) => eb.or([isDemo('id'), eb('placementId', 'in', demoPlacements)]))
      .executeTakeFirst(),
  );
  // The demo itself has none of these, but a record with a demo id is demo wherever it is.
  for (const table of ['notes', 'assessments', 'deviations', 'registerChecks'] as const) {
    await trx.deleteFrom(table as 'notes').where(isDemo('id')).execute();
  }
  await trx.deleteFrom('stays').where('placementId', 'in', demoPlacements).execute();
  const placements = deleted(await trx.deleteFrom('placements').where(isDemo('id')).executeTakeFirst());
  const children = deleted(await trx.deleteFrom('children').where(isDemo('id')).executeTakeFirst());
  const { homes, persons } = await repo.deleteHomesWithIdPrefix(trx, demoIdPrefix);
  return { homes, persons, children, placements, events };
}
