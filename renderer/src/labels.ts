/** Swedish labels for the contract's enumerations (the values themselves are lowercase ASCII). */
import type {
  AssessmentDimension,
  ChecklistAnswer,
  CheckedRole,
  ChildVoice,
  CheckOutcome,
  DecisionCheckStatus,
  IvoVerdict,
  PermitForm,
  Register,
  DeadlineStatus,
  EndReason,
  EventType,
  HomeKind,
  LegalBasis,
  NoteCategory,
  Operator,
  PersonRole,
  RuleId,
  TargetGender,
} from '../../preload/api';
import type { DeviationKind, DeviationStatus, DeviationStep, Severity, deviationCategories } from '../../preload/api';
import {
  assessmentDimensionNames,
  childVoiceNames,
  deviationCategoryNames,
  deviationKindNames,
  deviationStatusNames,
  endReasonNames,
  homeKindNames,
  ivoVerdictNames,
  kindInText,
  needNames,
  noteCategoryNames,
  operatorNames,
  severityNames,
} from '../../preload/api';

export { kindInText };

export const kindLabels: Record<HomeKind, string> = homeKindNames;

export const operatorLabels: Record<Operator, string> = operatorNames;

export const roleLabels: Record<PersonRole, string> = {
  uppdragstagare: 'Uppdragstagare',
  'annan-vuxen': 'Annan vuxen',
  'barn-i-hemmet': 'Barn i hemmet',
};

export const genderLabels: Record<TargetGender, string> = {
  alla: 'Alla',
  flickor: 'Flickor',
  pojkar: 'Pojkar',
};

/** Labels for `commonNeeds`; other needs are free text and shown as written. */
export const needLabels: Record<string, string> = needNames;

/** Swedish alphabetical order: Å, Ä, Ö after Z; case and accents otherwise ignored. */
export const svCollator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** Compares with the Swedish collator and puts empty values last. */
export function compareSv(a: string | null | undefined, b: string | null | undefined): number {
  if (!a) return b ? 1 : 0;
  if (!b) return -1;
  return svCollator.compare(a, b);
}

// ---------------------------------------------------------------------------------------------
// Placements, events and deadlines

export const legalBasisLabels: Record<LegalBasis, string> = {
  SoL: 'SoL',
  LVU2: 'LVU 2 §',
  LVU3: 'LVU 3 §',
};

export const endReasonLabels: Record<EndReason, string> = endReasonNames;

/** What was done: the label of a recorded event. */
export const eventTypeLabels: Record<EventType, string> = {
  overvagande: 'Övervägande',
  omprovning: 'Omprövning',
  'vardnadsoverflyttning-overvagande': 'Övervägande om vårdnadsöverflyttning',
  barnsamtal: 'Barnsamtal (enskilt samtal)',
  vardplan: 'Vårdplan',
  genomforandeplan: 'Genomförandeplan',
  'halsoundersokning-begard': 'Hälsoundersökning begärd',
  'uppfoljning-avslutad': 'Uppföljning efter LVU avslutad',
  'jourhem-sarskilda-skal': 'Särskilda skäl för jourhem',
  uppfoljningsbesok: 'Uppföljningsbesök',
  'ivo-anmalan-fler-an-tre': 'IVO-anmälan: fler än tre barn',
  'ivo-tillsyn': 'IVO-tillsyn',
};

/**
 * A deadline's status. "Snart" rather than "inom 30 dagar": how many days ahead counts as soon is
 * a municipality's parameter (leadDays) on the Regler page.
 */
export const deadlineStatusLabels: Record<DeadlineStatus, string> = {
  overdue: 'Försenad',
  'due-soon': 'Snart',
  upcoming: 'Kommande',
};

/** The rules by name, as the Regler page and filters show them (same titles as the deadline rows). */
export const ruleLabels: Record<RuleId | 'egenkontroll-atgard', string> = {
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
  registerkontroll: 'Registerkontroll före placering',
  'ivo-tillstand': 'IVO-tillstånd för hemmet',
  'registerkontroll-fortlopande': 'Fortlöpande registerkontroller',
  'egenkontroll-atgard': 'Åtgärd efter aktgranskning',
};

/** Registers as a case worker names them. */
export const registerLabels: Record<Register, string> = {
  belastningsregistret: 'Belastningsregistret',
  misstankeregistret: 'Misstankeregistret',
  socialregistret: 'Socialregistret',
  kronofogden: 'Kronofogden',
  forsakringskassan: 'Försäkringskassan',
  'ivo-tillstand': 'IVO-tillstånd',
};

export const checkOutcomeLabels: Record<CheckOutcome, string> = {
  'utan-anmarkning': 'Utan anmärkning',
  'med-anmarkning': 'Med anmärkning',
  giltigt: 'Giltigt',
  ogiltigt: 'Inte giltigt',
};

/** The statuses of a check before a decision (rules.md); "Anmärkning" asks a person to look. */
export const decisionCheckStatusLabels: Record<DecisionCheckStatus, string> = {
  ok: 'OK',
  missing: 'Saknas',
  'after-decision': 'Efter beslut',
  'too-old': 'För gammal',
  remark: 'Anmärkning',
  invalid: 'Inte giltigt',
};

export const permitFormLabels: Record<PermitForm, string> = {
  hvb: 'HVB',
  stodboende: 'Stödboende',
};

export const ivoVerdictLabels: Record<IvoVerdict, string> = ivoVerdictNames;

export const checkedRoleLabels: Record<CheckedRole, string> = {
  uppdragstagare: 'Uppdragstagare',
  'annan-vuxen': 'Annan vuxen i hemmet',
};

// ---------------------------------------------------------------------------------------------
// Follow-up assessments and the children's voices

/** The dimensions a visit or barnsamtal is judged on (1–5), in the order the form asks them. */
export const assessmentDimensionLabels: Record<AssessmentDimension, string> = assessmentDimensionNames;

/** What the child said about living there. */
export const childVoiceLabels: Record<ChildVoice, string> = childVoiceNames;

// ---------------------------------------------------------------------------------------------
// Journal notes

export const noteCategoryLabels: Record<NoteCategory, string> = noteCategoryNames;

/** A note's category: a word of the list by its label; another word (from an imported file) as written. */
export const noteCategoryLabel = (category: string): string =>
  Object.hasOwn(noteCategoryLabels, category) ? noteCategoryLabels[category as NoteCategory] : category;

// ---------------------------------------------------------------------------------------------
// Deviations and lex Sarah


export const deviationKindLabels: Record<DeviationKind, string> = deviationKindNames;

export const severityLabels: Record<Severity, string> = severityNames;

export const deviationStatusLabels: Record<DeviationStatus, string> = deviationStatusNames;

/** What a step records, as the deviation's history says it. */
export const deviationStepLabels: Record<DeviationStep, string> = {
  'under-utredning': 'Utredning påbörjad',
  bedomning: 'Bedömning',
  'anmald-ivo': 'Anmäld till IVO',
  atgardad: 'Åtgärdad',
  avslutad: 'Avslutad',
};

/** The suggested categories; an imported deviation may carry another word, shown as written. */
export const deviationCategoryLabels: Record<(typeof deviationCategories)[number], string> = deviationCategoryNames;

/** A deviation's category in words: a suggested one by its label, any other as written. */
export const deviationCategoryLabel = (category: string): string =>
  (deviationCategoryLabels as Record<string, string>)[category] ?? category;

// ---------------------------------------------------------------------------------------------
// Aktgranskning (egenkontroll)

/** An answer to a checklist item, as the form and the round's tables say it. */
export const checklistAnswerLabels: Record<ChecklistAnswer, string> = {
  ja: 'Ja',
  nej: 'Nej',
  'ej-tillampligt': 'Ej tillämpligt',
};
