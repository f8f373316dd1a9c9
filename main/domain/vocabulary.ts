/**
 * The words of the domain: every enumeration of the exchange format (spec/exchange-and-cli.md,
 * docs/data-format.md) and of rules.md, as Swedish terms in lowercase ASCII. Written once, here:
 * the domain's rules, the exchange format, the contract (preload/api) and through it the window
 * all use these lists and the types derived from them.
 */

/** A home's kind, in the order of the spec. */
export const homeKinds = ['hvb', 'stodboende', 'familjehem', 'jourhem', 'natverkshem', 'sis'] as const;
export type HomeKind = (typeof homeKinds)[number];
/** What the window and the reports call each kind. */
export const homeKindNames: Record<HomeKind, string> = {
  hvb: 'HVB',
  stodboende: 'Stödboende',
  sis: 'SiS-hem',
  familjehem: 'Familjehem',
  jourhem: 'Jourhem',
  natverkshem: 'Nätverkshem',
};
/** The kind inside a sentence ("när hemmet blir stödboende"): HVB and SiS keep their capitals. */
export const kindInText = (kind: HomeKind): string => (kind === 'hvb' || kind === 'sis' ? homeKindNames[kind] : homeKindNames[kind].toLowerCase());
/** Private homes of families: they have a household (persons), not an operator (huvudman). */
export const fosterHomeKinds = ['familjehem', 'jourhem', 'natverkshem'] as const satisfies readonly HomeKind[];
export const isFosterHomeKind = (kind: HomeKind): boolean => (fosterHomeKinds as readonly HomeKind[]).includes(kind);
/** A stay's form is the kind of home it is in. */
export const stayForms = homeKinds;
export type StayForm = HomeKind;
export const homeStatuses = ['aktiv', 'inaktiv'] as const;

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
/** The Swedish names of `commonNeeds`; other needs are free text and shown as written. */
export const needNames: Record<string, string> = {
  missbruk: 'Missbruk',
  kriminalitet: 'Kriminalitet',
  neuropsykiatri: 'Neuropsykiatriska svårigheter',
  'psykisk-ohalsa': 'Psykisk ohälsa',
  sjalvskada: 'Självskadebeteende',
  'hedersrelaterat-vald': 'Hedersrelaterat våld',
  skyddsbehov: 'Skyddsbehov',
  ensamkommande: 'Ensamkommande',
};

export const legalBases = ['SoL', 'LVU2', 'LVU3'] as const;
export type LegalBasis = (typeof legalBases)[number];
/** As the law's paragraphs are written (the window's and the reports' words). */
export const legalBasisNames: Record<LegalBasis, string> = { SoL: 'SoL', LVU2: 'LVU 2 §', LVU3: 'LVU 3 §' };
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
/** The verdict of an IVO inspection (`ivo-tillsyn`), mildest first (quality-index.md). */
export const ivoVerdicts = ['utan-anmarkning', 'kritik', 'forelaggande', 'aterkallelse'] as const;
export type IvoVerdict = (typeof ivoVerdicts)[number];

/** The deadline rules of rules.md ("Deadlines of a placement", and the home rule fler-an-tre-barn). */
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
  'lex-sarah-anmalan',
] as const;
export type DeadlineRule = (typeof deadlineRules)[number];
/** The rules of rules.md's checks section (register checks and permits). */
export const checkRules = ['registerkontroll', 'ivo-tillstand', 'registerkontroll-fortlopande'] as const;
export type CheckRule = (typeof checkRules)[number];
export const ruleIds = [...deadlineRules, ...checkRules] as const;
export type RuleId = (typeof ruleIds)[number];
export const deadlineStatuses = ['overdue', 'due-soon', 'upcoming'] as const;
export type DeadlineStatus = (typeof deadlineStatuses)[number];

/** Registers checked for a foster home's adults; `ivo-tillstand` is checked for a home. */
export const personRegisters = ['belastningsregistret', 'misstankeregistret', 'socialregistret', 'kronofogden', 'forsakringskassan'] as const;
export type PersonRegister = (typeof personRegisters)[number];
export const homeRegisters = ['ivo-tillstand'] as const;
export const registers = [...personRegisters, ...homeRegisters] as const;
export type Register = (typeof registers)[number];
export const personCheckOutcomes = ['utan-anmarkning', 'med-anmarkning'] as const;
export const permitOutcomes = ['giltigt', 'ogiltigt'] as const;
export const checkOutcomes = [...personCheckOutcomes, ...permitOutcomes] as const;
export type CheckOutcome = (typeof checkOutcomes)[number];
/** The kinds of home an IVO permit can cover (hem för vård eller boende, stödboende); `ivo-tillstand` is checked only for these. */
export const permitForms = ['hvb', 'stodboende'] as const satisfies readonly HomeKind[];
export type PermitForm = (typeof permitForms)[number];
/** Roles whose register checks a municipality can require (rules.md: uppdragstagare). */
export const checkedRoles = ['uppdragstagare', 'annan-vuxen'] as const;
export type CheckedRole = (typeof checkedRoles)[number];
/** Statuses of `registerkontroll` and `ivo-tillstand` (rules.md). */
export const decisionCheckStatuses = ['ok', 'missing', 'after-decision', 'too-old', 'remark', 'invalid'] as const;
export type DecisionCheckStatus = (typeof decisionCheckStatuses)[number];

/** Follow-up assessments, children's voices and deviations (docs/data-format.md). */
export const assessmentDimensions = ['trygghet', 'skola', 'halsa', 'delaktighet', 'samverkan', 'kontinuitet'] as const;
export const childVoices = ['trivs', 'trivs-inte', 'vill-flytta'] as const;
export type AssessmentDimension = (typeof assessmentDimensions)[number];
export type ChildVoice = (typeof childVoices)[number];
export const deviationKinds = ['avvikelse', 'lex-sarah'] as const;
export type DeviationKind = (typeof deviationKinds)[number];
/** Suggested categories of a deviation; the exchange format also accepts other words. */
export const deviationCategories = ['handlaggning', 'dokumentation', 'bemotande', 'sakerhet', 'vard-och-behandling', 'ovrigt'] as const;
export const severities = ['lag', 'medel', 'allvarlig'] as const;
export type Severity = (typeof severities)[number];
/** In the order a deviation goes through them. */
export const deviationStatuses = ['oppen', 'under-utredning', 'atgardad', 'avslutad'] as const;
export type DeviationStatus = (typeof deviationStatuses)[number];
/**
 * What is done about a deviation, one step at a time: the status steps, and for lex Sarah the
 * bedömning (allvarligt missförhållande or påtaglig risk?) and the anmälan till IVO.
 */
export const deviationSteps = ['under-utredning', 'bedomning', 'anmald-ivo', 'atgardad', 'avslutad'] as const;
export type DeviationStep = (typeof deviationSteps)[number];

/** The categories of a journal note, in the order the form offers them. */
export const noteCategories = ['erfarenhet', 'uppfoljningsbesok', 'barnsamtal', 'kontakt', 'ivo', 'ovrigt'] as const;
export type NoteCategory = (typeof noteCategories)[number];

// ---------------------------------------------------------------------------------------------
// The journal's words in Swedish, as the window and the reports say them.

export const ivoVerdictNames: Record<IvoVerdict, string> = {
  'utan-anmarkning': 'Utan anmärkning',
  kritik: 'Kritik',
  forelaggande: 'Föreläggande',
  aterkallelse: 'Återkallelse av tillstånd',
};

export const assessmentDimensionNames: Record<AssessmentDimension, string> = {
  trygghet: 'Trygghet',
  skola: 'Skola',
  halsa: 'Hälsa',
  delaktighet: 'Delaktighet',
  samverkan: 'Samverkan',
  kontinuitet: 'Kontinuitet',
};

export const childVoiceNames: Record<ChildVoice, string> = {
  trivs: 'Trivs',
  'trivs-inte': 'Trivs inte',
  'vill-flytta': 'Vill flytta',
};

export const noteCategoryNames: Record<NoteCategory, string> = {
  erfarenhet: 'Erfarenhet',
  uppfoljningsbesok: 'Uppföljningsbesök',
  barnsamtal: 'Barnsamtal',
  kontakt: 'Kontakt',
  ivo: 'IVO',
  ovrigt: 'Övrigt',
};

export const deviationKindNames: Record<DeviationKind, string> = {
  avvikelse: 'Avvikelse',
  'lex-sarah': 'Lex Sarah',
};

/** The suggested categories of a deviation; an imported one may carry another word, said as written. */
export const deviationCategoryNames: Record<(typeof deviationCategories)[number], string> = {
  handlaggning: 'Handläggning',
  dokumentation: 'Dokumentation',
  bemotande: 'Bemötande',
  sakerhet: 'Säkerhet',
  'vard-och-behandling': 'Vård och behandling',
  ovrigt: 'Övrigt',
};

export const severityNames: Record<Severity, string> = {
  lag: 'Låg',
  medel: 'Medel',
  allvarlig: 'Allvarlig',
};

export const deviationStatusNames: Record<DeviationStatus, string> = {
  oppen: 'Öppen',
  'under-utredning': 'Under utredning',
  atgardad: 'Åtgärdad',
  avslutad: 'Avslutad',
};

export const endReasonNames: Record<EndReason, string> = {
  planerad: 'Planerad',
  sammanbrott: 'Sammanbrott',
  hemflytt: 'Hemflytt',
  myndig: 'Myndig',
  annan: 'Annan',
};

export const operatorNames: Record<Operator, string> = { enskild: 'Enskild', kommunal: 'Kommunal', region: 'Region', statlig: 'Statlig' };

// ---------------------------------------------------------------------------------------------
// The window's lists that can be exported to Excel or CSV, and their names (sheet, file, log).

export const exportLists = ['register', 'placements', 'deadlines', 'checks', 'deviations', 'auditRounds', 'matching'] as const;
export type ExportList = (typeof exportLists)[number];
export const exportListTitles: Record<ExportList, string> = {
  register: 'Register',
  placements: 'Placeringar',
  deadlines: 'Bevakningslista',
  checks: 'Kontroller',
  deviations: 'Avvikelser',
  auditRounds: 'Aktgranskningar',
  matching: 'Hitta placering',
};
