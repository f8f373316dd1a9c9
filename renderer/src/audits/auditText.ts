/** The words of the Aktgranskning pages that more than one of them uses. */
import type { AuditRound, AuditRoundSummary } from '../../../preload/api';
import { kindLabels, legalBasisLabels } from '../labels';
import { dayOf, timeOf } from '../today';

/** "2026-01-01 – 2026-06-30". */
export const periodText = ({ from, to }: Pick<AuditRoundSummary, 'from' | 'to'>): string => `${from} – ${to}`;

/** "2026-11-22 14:32": a moment in the user's local time. */
export function whenText(timestamp: string): string {
  const time = timeOf(timestamp);
  return time === '' ? timestamp : `${dayOf(timestamp)} ${time}`;
}

/** "12 av 42". */
export const progressText = (audited: number, size: number): string => `${audited} av ${size}`;

/** "1 akt", "42 akter". */
export const filesText = (n: number): string => (n === 1 ? '1 akt' : `${n} akter`);

/** "1 placering", "412 placeringar". */
export const placementsText = (n: number): string => (n === 1 ? '1 placering' : `${n} placeringar`);

/** The round's filters in words, each "Alla" when the round took every one. */
export function filterFacts(round: Pick<AuditRound, 'unit' | 'form' | 'legalBasis' | 'caseworker'>): { label: string; value: string }[] {
  const form = round.form === null ? null : (kindLabels as Record<string, string>)[round.form] ?? round.form;
  const legalBasis = round.legalBasis === null ? null : (legalBasisLabels as Record<string, string>)[round.legalBasis] ?? round.legalBasis;
  return [
    { label: 'Enhet', value: round.unit ?? 'Alla enheter' },
    { label: 'Boendeform', value: form ?? 'Alla boendeformer' },
    { label: 'Lagrum', value: legalBasis ?? 'Alla lagrum' },
    { label: 'Handläggare', value: round.caseworker ?? 'Alla handläggare' },
  ];
}

/** The filters a round used, inside a sentence ("med enhet Barn och unga och lagrum SoL"), or '' when none. */
export function filterSentence(round: Pick<AuditRound, 'unit' | 'form' | 'legalBasis' | 'caseworker'>): string {
  const parts = filterFacts(round)
    .filter((_, index) => [round.unit, round.form, round.legalBasis, round.caseworker][index] !== null)
    .map(({ label, value }) => `${label.toLowerCase()} ${value}`);
  if (parts.length === 0) return '';
  const last = parts.pop()!;
  return ` med ${parts.length > 0 ? `${parts.join(', ')} och ${last}` : last}`;
}
