/**
 * A deviation's course: what may be recorded next, the status its steps give it, and for lex
 * Sarah the anmälan till IVO a report judged serious waits for (SoL 27 kap. 6 §, before 2025-07-01
 * SoL 14 kap. 7 §: "snarast"; the days are the municipality's routine, in the settings).
 */
import { addDays, type IsoDate } from './dates';
import type { DeviationKind, DeviationStatus, DeviationStep } from './vocabulary';

export interface StepFacts {
  step: DeviationStep;
  date: IsoDate;
  serious: boolean | null;
}

const statusSteps: Partial<Record<DeviationStep, DeviationStatus>> = {
  'under-utredning': 'under-utredning',
  atgardad: 'atgardad',
  avslutad: 'avslutad',
};

/** The status the steps give: the latest status step's, else öppen. */
export function deviationStatus(steps: readonly StepFacts[]): DeviationStatus {
  let status: DeviationStatus = 'oppen';
  for (const { step } of steps) status = statusSteps[step] ?? status;
  return status;
}

/** The latest bedömning: judged serious (allvarligt missförhållande or påtaglig risk), and when. */
function latestAssessment(steps: readonly StepFacts[]): StepFacts | null {
  return steps.filter((s) => s.step === 'bedomning').at(-1) ?? null;
}

export const reportedToIvo = (steps: readonly StepFacts[]): boolean => steps.some((s) => s.step === 'anmald-ivo');

/**
 * What may be recorded next, in order. An avvikelse goes öppen → under utredning → åtgärdad →
 * avslutad, steps may be skipped. A lex Sarah report is investigated, then judged; judged serious
 * it must be reported to IVO before it is closed.
 */
export function nextDeviationSteps(kind: DeviationKind, steps: readonly StepFacts[]): DeviationStep[] {
  const status = deviationStatus(steps);
  if (status === 'avslutad') return [];
  if (kind === 'avvikelse') {
    return [...(status === 'oppen' ? (['under-utredning'] as const) : []), ...(status === 'atgardad' ? [] : (['atgardad'] as const)), 'avslutad'];
  }
  const done = new Set(steps.map((s) => s.step));
  if (!done.has('under-utredning')) return ['under-utredning'];
  if (!done.has('bedomning')) return ['bedomning'];
  const waiting = latestAssessment(steps)?.serious === true && !done.has('anmald-ivo');
  return [...(waiting ? (['anmald-ivo'] as const) : []), ...(status === 'atgardad' ? [] : (['atgardad'] as const)), ...(waiting ? [] : (['avslutad'] as const))];
}

/**
 * `lex-sarah-anmalan`: a lex Sarah report whose latest bedömning (dated ≤ D) judged it serious
 * and that has no anmälan till IVO dated ≤ D is due `days` after that bedömning.
 */
export function ivoReportDueOn(kind: DeviationKind, steps: readonly StepFacts[], on: IsoDate, days: number): { dueOn: IsoDate; basisOn: IsoDate } | null {
  if (kind !== 'lex-sarah') return null;
  const judged = latestAssessment(steps.filter((s) => s.date <= on));
  if (judged === null || judged.serious !== true) return null;
  if (steps.some((s) => s.step === 'anmald-ivo' && s.date <= on)) return null;
  return { dueOn: addDays(judged.date, days), basisOn: judged.date };
}
