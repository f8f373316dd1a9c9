/**
 * The nämndrapport's period and unit as the form holds them and as the address keeps them
 * (`#/rapporter/namnd?from=2025-01-01&to=2025-12-31&enhet=Barn och unga`), so Back, Forward and a
 * reload show the same report. The quick choices are counted from the user's date, given.
 */
import { dateProblem } from '../components/dateText';

export interface PeriodValues {
  from: string;
  to: string;
  /** '' for all units. */
  unit: string;
}

export interface QuickPeriod {
  label: string;
  from: string;
  to: string;
}

const keys = { from: 'from', to: 'to', unit: 'enhet' } as const;

/** "Förra året", "I år hittills", "Förra halvåret" (the last whole half-year before today). */
export function quickPeriods(today: string): QuickPeriod[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const lastHalf = month <= 6 ? { from: `${year - 1}-07-01`, to: `${year - 1}-12-31` } : { from: `${year}-01-01`, to: `${year}-06-30` };
  return [
    { label: 'Förra året', from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
    { label: 'I år hittills', from: `${year}-01-01`, to: today },
    { label: 'Förra halvåret', ...lastHalf },
  ];
}

/** The form before a report is asked for: last year, all units. */
export function defaultPeriod(today: string): PeriodValues {
  const [lastYear] = quickPeriods(today);
  return { from: lastYear!.from, to: lastYear!.to, unit: '' };
}

/** Whether the address asks for a report (both days given). */
export const hasPeriod = (params: URLSearchParams): boolean => params.has(keys.from) && params.has(keys.to);

export function periodFromParams(params: URLSearchParams, today: string): PeriodValues {
  if (!hasPeriod(params)) return defaultPeriod(today);
  return { from: params.get(keys.from) ?? '', to: params.get(keys.to) ?? '', unit: params.get(keys.unit) ?? '' };
}

export function paramsFromPeriod(values: PeriodValues): URLSearchParams {
  const params = new URLSearchParams();
  params.set(keys.from, values.from.trim());
  params.set(keys.to, values.to.trim());
  if (values.unit.trim()) params.set(keys.unit, values.unit.trim());
  return params;
}

/** The problems of a period at its fields, before asking: a day that is no date, a missing one, an end before the start. */
export function periodProblems(values: PeriodValues): Partial<Record<'from' | 'to', string>> {
  const problems: Partial<Record<'from' | 'to', string>> = {};
  for (const field of ['from', 'to'] as const) {
    const text = values[field].trim();
    const problem = text === '' ? 'Ange ett datum.' : dateProblem(text);
    if (problem) problems[field] = problem;
  }
  if (!problems.from && !problems.to && values.to.trim() < values.from.trim()) {
    problems.to = `Perioden slutar (${values.to.trim()}) innan den börjar (${values.from.trim()}).`;
  }
  return problems;
}

/** "2025-01-01 – 2025-12-31", as the PDF writes a period. */
export const periodText = ({ from, to }: { from: string; to: string }): string => `${from} – ${to}`;

/** A year's förteckning till IVO: 1 januari – 31 december. */
export const yearPeriod = (year: number): { from: string; to: string } => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The years offered for the förteckning: this year and the nine before, the latest first. */
export const listYears = (today: string): number[] => Array.from({ length: 10 }, (_, i) => Number(today.slice(0, 4)) - i);
