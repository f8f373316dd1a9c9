/**
 * What is known of a home and a placement beyond the register: journal notes (signed, then only
 * corrected), the search across them, follow-up assessments, deviations and lex Sarah with their
 * steps, and a home's whole history on one screen ("Vårdgivarhistorik").
 */
import { z } from 'zod';
import {
  assessmentDimensions,
  childVoices,
  deviationKinds,
  deviationStatuses,
  deviationSteps,
  noteCategories,
  severities,
  type AssessmentDimension,
  type ChildVoice,
  type DeviationKind,
  type DeviationStatus,
  type DeviationStep,
  type EndReason,
  type HomeKind,
  type IvoVerdict,
  type LegalBasis,
  type NoteCategory,
  type Severity,
} from '../../main/domain/vocabulary';
import { channel } from './channel';
import { date, empty, id, optionalText, orNull, pageLimit, pageOffset, plainText, trimmed } from './fields';

/** A piece of a text, `hit` when it is a word the search found (shown highlighted). */
export interface TextSegment {
  text: string;
  hit: boolean;
}

/**
 * Who or what a note, assessment or deviation is about, as the window names it. For a protected
 * child the home and the child are never named together: a view from the home leaves out the
 * placement, a view from the placement the home.
 */
export interface JournalTarget {
  homeId: string | null;
  /** The home's name; for a note on a placement, the home of its stay on the note's date. */
  homeName: string | null;
  placementId: string | null;
  /** The child as a list may name it: name or initials, "Skyddad identitet" for a protected child; null without a placement. */
  childLabel: string | null;
}

// ---------------------------------------------------------------------------------------------
// Notes

const noteCategory = z.enum(noteCategories, 'Välj en kategori.');

/** A note on a home or a placement (at least one); the window always knows which. */
const noteTarget = {
  homeId: id.optional(),
  placementId: id.optional(),
};
const hasTarget = (input: { homeId?: string | undefined; placementId?: string | undefined }) => input.homeId !== undefined || input.placementId !== undefined;
const targetMessage = { message: 'Anteckningen måste gälla ett hem eller en placering.', path: ['homeId'] };

/**
 * A draft as typed: saved again and again (`id` after the first save). Drafts may be incomplete;
 * signing asks for the rest.
 */
export const noteDraftInput = z
  .object({
    id: id.optional(),
    ...noteTarget,
    category: noteCategory,
    writtenOn: date,
    text: plainText('multi-line').max(20_000, 'Högst 20 000 tecken.'),
    /** The signed note this draft corrects. */
    corrects: orNull(id),
  })
  .strict()
  .refine(hasTarget, targetMessage);
export type NoteDraftInput = z.output<typeof noteDraftInput>;

export interface NoteDraft extends JournalTarget {
  id: string;
  category: NoteCategory;
  writtenOn: string;
  text: string;
  corrects: string | null;
  /** ISO timestamp of the last save. */
  savedAt: string;
}

/** A signed note: never changed; a correction is a note of its own shown with it. */
export interface Note extends JournalTarget {
  id: string;
  author: string;
  writtenOn: string;
  /** A category of the list, or another word from an imported file. */
  category: string;
  text: string;
  signedAt: string;
  corrects: string | null;
  /** The notes that correct this one, oldest first. */
  corrections: Note[];
}

export const listNotesInput = z
  .object({ ...noteTarget, offset: pageOffset, limit: pageLimit(200) })
  .strict()
  .refine(hasTarget, targetMessage);
export type ListNotesInput = z.output<typeof listNotesInput>;

export interface NotesPage {
  /** The notes that correct none, newest first, each with its corrections. */
  notes: Note[];
  /** How many such notes there are. */
  total: number;
  /** The signed-in user's drafts here, newest first. */
  drafts: NoteDraft[];
}

export const noteSearchOrders = ['newest', 'best'] as const;
export type NoteSearchOrder = (typeof noteSearchOrders)[number];

export const noteSearchInput = z
  .object({
    query: z.string().max(200, 'Sökningen är för lång.'),
    homeId: id.optional(),
    category: noteCategory.optional(),
    author: trimmed(200).optional(),
    from: date.optional(),
    to: date.optional(),
    order: z.enum(noteSearchOrders, 'Välj ordning.').default('newest'),
    offset: pageOffset,
    limit: pageLimit(100),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'Från-datumet är efter till-datumet.', path: ['to'] });
export type NoteSearchInput = z.output<typeof noteSearchInput>;

export interface NoteHit extends JournalTarget {
  id: string;
  author: string;
  writtenOn: string;
  category: string;
  /** The text around the first hit, the found words marked; a protected child's name masked. */
  snippet: TextSegment[];
  /** The note has been corrected: the hit says so and links to both. */
  corrected: boolean;
  /** The note corrects another one. */
  corrects: string | null;
}

export interface NoteSearchResult {
  hits: NoteHit[];
  /** Hits in all, counted up to 1 000 (`capped` beyond). */
  total: number;
  capped: boolean;
  /** The authors and homes to filter by, from every signed note. */
  authors: string[];
}

// ---------------------------------------------------------------------------------------------
// Assessments

const score = orNull(z.int('Välj ett betyg 1–5.').min(1, 'Välj ett betyg 1–5.').max(5, 'Välj ett betyg 1–5.'));

export const assessmentInput = z
  .object({
    placementId: id,
    assessedOn: date,
    /** The visit or barnsamtal it followed, when recorded from an event: checked to be one of the placement's, not stored (the date ties them). */
    eventId: orNull(id),
    scores: z.object(Object.fromEntries(assessmentDimensions.map((d) => [d, score])) as Record<AssessmentDimension, typeof score>).strict(),
    childVoice: orNull(z.enum(childVoices, 'Välj vad barnet sa.')),
    comment: optionalText(5000, 'multi-line'),
    /** The earlier assessment this one replaces. */
    corrects: orNull(id),
    recordedBy: trimmed(200),
  })
  .strict()
  .refine((a) => Object.values(a.scores).some((v) => v !== null) || a.childVoice !== null || a.comment !== null, {
    message: 'Ange minst ett betyg, vad barnet sa eller en kommentar.',
    path: ['scores'],
  });
export type AssessmentInput = z.output<typeof assessmentInput>;

export interface Assessment extends JournalTarget {
  id: string;
  assessedOn: string;
  assessor: string | null;
  scores: Partial<Record<AssessmentDimension, number>>;
  childVoice: ChildVoice | null;
  comment: string | null;
  recordedAt: string | null;
  corrects: string | null;
  /** A later assessment replaces this one. */
  replacedBy: string | null;
}

// ---------------------------------------------------------------------------------------------
// Deviations

export const deviationInput = z
  .object({
    homeId: id.optional(),
    placementId: id.optional(),
    reportedOn: date,
    kind: z.enum(deviationKinds, 'Välj avvikelse eller lex Sarah.'),
    category: optionalText(60),
    severity: z.enum(severities, 'Välj allvarlighetsgrad.'),
    description: trimmed(5000, 'multi-line'),
    recordedBy: trimmed(200),
  })
  .strict()
  .refine(hasTarget, { message: 'Avvikelsen måste gälla ett hem eller en placering.', path: ['homeId'] });
export type DeviationInput = z.output<typeof deviationInput>;

export const deviationStepInput = z
  .object({
    deviationId: id,
    step: z.enum(deviationSteps, 'Välj vad som har gjorts.'),
    date,
    text: optionalText(5000, 'multi-line'),
    /** `bedomning` only: judged an allvarligt missförhållande or a påtaglig risk of one. */
    serious: orNull(z.boolean('Ange om det är ett allvarligt missförhållande.')),
    recordedBy: trimmed(200),
  })
  .strict();
export type DeviationStepInput = z.output<typeof deviationStepInput>;

export interface DeviationStepRecord {
  ordinal: number;
  step: DeviationStep;
  date: string;
  text: string | null;
  serious: boolean | null;
  recordedBy: string | null;
  recordedAt: string | null;
}

/** The anmälan till IVO a lex Sarah report judged serious is waiting for. */
export interface IvoReportDeadline {
  dueOn: string;
  /** Counted from the bedömning. */
  basisOn: string;
  status: 'overdue' | 'due-soon' | 'upcoming';
  legalRef: string;
}

export interface Deviation extends JournalTarget {
  id: string;
  reportedOn: string;
  kind: DeviationKind;
  category: string | null;
  severity: Severity;
  description: string;
  status: DeviationStatus;
  reportedToIvo: boolean;
  recordedBy: string | null;
  steps: DeviationStepRecord[];
  /** What can be recorded next, in the order offered. */
  nextSteps: DeviationStep[];
  /** Lex Sarah judged serious and not yet reported: when the anmälan is due. */
  ivoDeadline: IvoReportDeadline | null;
}

export const deviationSortColumns = ['reportedOn', 'status', 'severity', 'home'] as const;

export const deviationPageInput = z
  .object({
    date,
    status: z.enum([...deviationStatuses, 'ej-avslutad'], 'Välj en status i listan.').optional(),
    kind: z.enum(deviationKinds, 'Välj avvikelse eller lex Sarah.').optional(),
    homeId: id.optional(),
    placementId: id.optional(),
    query: z.string().max(200, 'Sökningen är för lång.').optional(),
    offset: pageOffset,
    limit: pageLimit(200),
  })
  .strict();
export type DeviationPageInput = z.output<typeof deviationPageInput>;

export interface DeviationCounts {
  /** Not yet avslutad. */
  open: number;
  byStatus: Record<DeviationStatus, number>;
  /** Lex Sarah reports waiting for their anmälan till IVO, and of those overdue. */
  ivoWaiting: number;
  ivoOverdue: number;
}

export interface DeviationPage {
  /** Open first (by status), then newest. */
  rows: Deviation[];
  total: number;
  counts: DeviationCounts;
}

// ---------------------------------------------------------------------------------------------
// A home's history

export interface HistoryPlacement {
  /** Null for a protected child: the home's history never leads to who lives there. */
  placementId: string | null;
  /** Age in whole years when the stay here began; names are not shown here. */
  ageAtStart: number;
  legalBasis: LegalBasis;
  form: HomeKind;
  from: string;
  to: string | null;
  /** Days in the home (to the day asked about while it goes on). */
  days: number;
  /** How the placement ended, when it ended with this stay; null while it goes on or when it moved on. */
  endReason: EndReason | null;
  /** Moved on to another home (omplacering). */
  movedOn: boolean;
  breakdown: boolean;
}

export interface HistoryInspection {
  date: string;
  verdict: IvoVerdict | null;
  comment: string | null;
}

export interface HistoryAssessmentPoint {
  assessedOn: string;
  score: number;
}

export interface HomeHistory {
  home: {
    id: string;
    name: string;
    kind: HomeKind;
    operator: string | null;
    municipality: string | null;
    orgNr: string | null;
    capacity: number | null;
    agency: string | null;
    active: boolean;
  };
  /** The permit and register checks as of the day: one line each, in words, with how it stands. */
  checks: { label: string; status: 'ok' | 'problem' | 'none'; text: string }[];
  inspections: HistoryInspection[];
  placements: HistoryPlacement[];
  /** Placements in all, ended with sammanbrott, and those going on. */
  placementCounts: { total: number; breakdowns: number; ongoing: number };
  /** Per dimension, the assessments over time (replaced ones left out), oldest first. */
  assessments: Record<AssessmentDimension, HistoryAssessmentPoint[]>;
  /** The children's voices, newest first. */
  voices: { assessedOn: string; childVoice: ChildVoice; comment: string | null }[];
  deviations: Deviation[];
  /** The newest notes (a page; the rest by listNotes), with the total. */
  notes: NotesPage;
}

export const homeHistoryInput = z.object({ homeId: id, date }).strict();

/** A PDF made in main, as it travels to the window (JSON to the browser host: base64). */
export interface PdfFile {
  fileName: string;
  base64: string;
}

export const journalChannels = {
  listNotes: channel(listNotesInput).returns<NotesPage>(),
  /** The signed-in user's drafts everywhere, newest first (to resume after a closed window). */
  listNoteDrafts: channel(empty).returns<NoteDraft[]>(),
  saveNoteDraft: channel(noteDraftInput).returns<NoteDraft>(),
  removeNoteDraft: channel(z.object({ id }).strict()).returns<{ id: string }>(),
  /** Signs the draft as the signed-in user: it becomes a note that can never change. */
  signNote: channel(z.object({ id }).strict()).returns<Note>(),
  searchNotes: channel(noteSearchInput).returns<NoteSearchResult>(),

  listAssessments: channel(z.object({ placementId: id }).strict()).returns<Assessment[]>(),
  recordAssessment: channel(assessmentInput).returns<Assessment>(),

  listDeviationPage: channel(deviationPageInput).returns<DeviationPage>(),
  countDeviations: channel(z.object({ date }).strict()).returns<DeviationCounts>(),
  getDeviation: channel(z.object({ id, date }).strict()).returns<Deviation>(),
  recordDeviation: channel(deviationInput).returns<Deviation>(),
  addDeviationStep: channel(deviationStepInput).returns<Deviation>(),

  getHomeHistory: channel(homeHistoryInput).returns<HomeHistory>(),
  /** The same history as a PDF (Vårdgivarhistorik), to print or attach. */
  getHomeHistoryReport: channel(homeHistoryInput).returns<PdfFile>(),
};
