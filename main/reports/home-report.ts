/**
 * "Vårdgivarhistorik" as a PDF: a home's dossier to bring to a placement meeting or attach to a
 * file. The same facts as the history page: the home, its checks, IVO's inspections, the
 * placements there (by age, never by name), the follow-up assessments, what the children said,
 * the deviations and the newest notes. Main/reports may not import the contract, so the input is
 * the part of it the report prints.
 */
import type { IsoDate } from '../domain/dates';
import {
  assessmentDimensionNames,
  assessmentDimensions,
  childVoiceNames,
  deviationKindNames,
  deviationStatusNames,
  endReasonNames,
  homeKindNames,
  ivoVerdictNames,
  legalBasisNames,
  noteCategoryNames,
  operatorNames,
  severityNames,
  type AssessmentDimension,
  type ChildVoice,
  type DeviationKind,
  type DeviationStatus,
  type EndReason,
  type HomeKind,
  type IvoVerdict,
  type LegalBasis,
  type NoteCategory,
  type Operator,
  type Severity,
} from '../domain/vocabulary';
import { heading, keyValues, paragraph, table } from './document';
import { CREATOR, type DocumentDefinition } from './pdf';

export const HOME_REPORT_TITLE = 'Vårdgivarhistorik';

export interface HomeReportInput {
  date: IsoDate;
  home: { name: string; kind: HomeKind; operator: string | null; municipality: string | null; orgNr: string | null; capacity: number | null; agency: string | null; active: boolean };
  checks: readonly { label: string; status: 'ok' | 'problem' | 'none'; text: string }[];
  inspections: readonly { date: string; verdict: IvoVerdict | null; comment: string | null }[];
  placements: readonly { ageAtStart: number; legalBasis: LegalBasis; form: HomeKind; from: string; to: string | null; days: number; endReason: EndReason | null; movedOn: boolean; breakdown: boolean }[];
  placementCounts: { total: number; breakdowns: number; ongoing: number };
  assessments: Readonly<Record<AssessmentDimension, readonly { assessedOn: string; score: number }[]>>;
  voices: readonly { assessedOn: string; childVoice: ChildVoice; comment: string | null }[];
  deviations: readonly { reportedOn: string; kind: DeviationKind; severity: Severity; status: DeviationStatus; description: string }[];
  notes: { notes: readonly { writtenOn: string; category: string; author: string; text: string }[]; total: number };
  /** The quality index on the day and a year before, as the history page shows it. */
  quality: HomeReportQuality;
  createdAt?: Date;
}

export interface HomeReportQuality {
  score: number | null;
  grade: string | null;
  confidence: 'low' | 'medium' | 'high';
  eligible: boolean;
  settingsVersion: number;
  components: readonly { name: string; score: number | null; evidence: number }[];
  /** What holds it back: the barriers, then why there is no number. */
  reasons: readonly string[];
  yearAgo: { on: string; score: number | null; grade: string | null };
}

const confidenceWords = { low: 'låg', medium: 'medel', high: 'hög' } as const;
const indexText = (score: number | null, grade: string | null) => (score === null || grade === null ? 'inget index (för lite underlag)' : `${score} (${grade})`);

function qualitySection(q: HomeReportQuality) {
  return [
    heading('Kvalitetsindex', 2),
    keyValues([
      ['Index', indexText(q.score, q.grade)],
      ['Säkerhet', confidenceWords[q.confidence]],
      ['Kan ta emot barn', q.eligible ? 'Ja' : 'Nej'],
      [`Ett år tidigare (${q.yearAgo.on})`, indexText(q.yearAgo.score, q.yearAgo.grade)],
      ['Inställningar', q.settingsVersion === 0 ? 'standard' : `version ${q.settingsVersion}`],
    ]),
    ...(q.reasons.length === 0 ? [] : [paragraph(q.reasons.join(' '))]),
    ...(q.components.length === 0
      ? []
      : [
          table({
            header: ['Område', 'Poäng', 'Underlag'],
            rows: q.components.map((c) => [c.name, c.score === null ? '–' : String(Math.round(c.score)), String(c.evidence)]),
            widths: ['*', 'auto', 'auto'],
            alignRight: [1, 2],
          }),
        ]),
  ];
}

const checkStatusNames = { ok: 'I ordning', problem: 'Brist', none: 'Saknas' } as const;

function endText(p: HomeReportInput['placements'][number]): string {
  if (p.to === null) return 'Pågår';
  if (p.movedOn) return 'Flyttade vidare';
  return p.endReason === null ? 'Avslutad' : endReasonNames[p.endReason];
}

const mean = (points: readonly { score: number }[]) => points.reduce((sum, p) => sum + p.score, 0) / points.length;
const oneDecimal = (n: number) => n.toFixed(1).replace('.', ',');
const categoryName = (category: string) => (Object.hasOwn(noteCategoryNames, category) ? noteCategoryNames[category as NoteCategory] : category);

export function homeReport(input: HomeReportInput): DocumentDefinition {
  const { home, date, placementCounts: counts } = input;
  const dimensions = assessmentDimensions.filter((d) => input.assessments[d].length > 0);
  return {
    title: `${HOME_REPORT_TITLE}: ${home.name}`,
    author: CREATOR,
    subject: `Hemmets historia per ${date}: kontroller, tillsyn, placeringar, bedömningar, avvikelser och anteckningar`,
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    content: [
      heading(`${HOME_REPORT_TITLE}: ${home.name}`, 1),
      keyValues([
        ['Slag', homeKindNames[home.kind]],
        ...(home.operator ? [['Driftform', operatorNames[home.operator as Operator] ?? home.operator] as const] : []),
        ...(home.municipality ? [['Kommun', home.municipality] as const] : []),
        ...(home.orgNr ? [['Organisationsnummer', home.orgNr] as const] : []),
        ...(home.capacity !== null ? [['Platser', String(home.capacity)] as const] : []),
        ...(home.agency ? [['Konsulentverksamhet', home.agency] as const] : []),
        ['Status', home.active ? 'Aktivt' : 'Inaktivt'],
        ['Per dag', date],
      ]),
      paragraph('Placerade barn anges med ålder när vistelsen började, aldrig med namn. Skyddade barns placeringar räknas men pekas inte ut.'),

      ...qualitySection(input.quality),

      heading('Kontroller', 2),
      input.checks.length === 0
        ? paragraph('Inga kontroller gäller hemmet.')
        : table({ header: ['Kontroll', 'Läge', 'Beskrivning'], rows: input.checks.map((c) => [c.label, checkStatusNames[c.status], c.text]), widths: ['auto', 'auto', '*'] }),

      heading('Tillsyn av IVO', 2),
      input.inspections.length === 0
        ? paragraph('Ingen tillsyn är registrerad.')
        : table({
            header: ['Datum', 'Utfall', 'Kommentar'],
            rows: input.inspections.map((i) => [i.date, i.verdict === null ? '–' : ivoVerdictNames[i.verdict], i.comment ?? '']),
            widths: ['auto', 'auto', '*'],
          }),

      heading('Placeringar', 2),
      paragraph(`${counts.total} ${counts.total === 1 ? 'placering' : 'placeringar'}, varav ${counts.ongoing} pågår och ${counts.breakdowns} slutade i sammanbrott.`),
      ...(input.placements.length === 0
        ? []
        : [
            table({
              header: ['Från', 'Till', 'Dagar', 'Ålder', 'Lagrum', 'Slag', 'Hur det slutade'],
              rows: input.placements.map((p) => [p.from, p.to ?? '–', p.days, `${p.ageAtStart} år`, legalBasisNames[p.legalBasis], homeKindNames[p.form], endText(p)]),
              widths: ['auto', 'auto', 'auto', 'auto', 'auto', 'auto', '*'],
              alignRight: [2],
            }),
          ]),

      heading('Bedömningar efter besök och barnsamtal', 2),
      dimensions.length === 0
        ? paragraph('Inga bedömningar är registrerade.')
        : table({
            header: ['Område', 'Bedömningar', 'Medel (1–5)', 'Senast'],
            rows: dimensions.map((d) => {
              const points = input.assessments[d];
              return [assessmentDimensionNames[d], points.length, oneDecimal(mean(points)), `${points.at(-1)!.assessedOn}: ${points.at(-1)!.score}`];
            }),
            widths: ['*', 'auto', 'auto', 'auto'],
            alignRight: [1, 2],
          }),

      heading('Vad barnen har sagt', 2),
      input.voices.length === 0
        ? paragraph('Inget är registrerat.')
        : table({ header: ['Datum', 'Barnet', 'Kommentar'], rows: input.voices.map((v) => [v.assessedOn, childVoiceNames[v.childVoice], v.comment ?? '']), widths: ['auto', 'auto', '*'] }),

      heading('Avvikelser och lex Sarah', 2),
      input.deviations.length === 0
        ? paragraph('Inga avvikelser är registrerade.')
        : table({
            header: ['Datum', 'Slag', 'Allvarlighet', 'Status', 'Beskrivning'],
            rows: input.deviations.map((d) => [d.reportedOn, deviationKindNames[d.kind], severityNames[d.severity], deviationStatusNames[d.status], d.description]),
            widths: ['auto', 'auto', 'auto', 'auto', '*'],
          }),

      heading('Anteckningar', 2),
      ...(input.notes.notes.length === 0
        ? [paragraph('Inga signerade anteckningar.')]
        : [
            ...(input.notes.total > input.notes.notes.length
              ? [paragraph(`De ${input.notes.notes.length} senaste av ${input.notes.total} anteckningar; alla finns i programmet.`)]
              : []),
            table({
              header: ['Datum', 'Slag', 'Skriven av', 'Anteckning'],
              rows: input.notes.notes.map((n) => [n.writtenOn, categoryName(n.category), n.author, n.text]),
              widths: ['auto', 'auto', 'auto', '*'],
            }),
          ]),
    ],
  };
}
