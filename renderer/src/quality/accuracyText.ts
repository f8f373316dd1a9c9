/** Träffsäkerhet's figures in words, the same in the page, the settings' preview and their tests. */
import { percentText } from '../../../preload/api';
import type { AccuracyRow } from '../../../preload/api';

/** The rate in percent ("17", "2,5"), or a dash without placements. */
export const rateText = (row: AccuracyRow): string => (row.rate === null ? '–' : percentText(row.rate));

/** The 95 % interval in percent ("5–45"), or a dash without placements. */
export const intervalText = (row: AccuracyRow): string =>
  row.low === null || row.high === null ? '–' : `${percentText(row.low)}–${percentText(row.high)}`;

/** What a row's numbers are worth: none, too few, or enough to compare (said as nothing). */
export const rowNote = (row: AccuracyRow): string => (row.placements === 0 ? 'Inga placeringar' : row.tooFew ? 'För få för att säga något' : '');

/** Which settings the numbers were computed with: every score shown names its version. */
export function settingsVersionText(version: number | null): string {
  if (version === null) return 'Beräknat med inställningarna i formuläret, som inte är sparade.';
  if (version === 0) return 'Beräknat med kvalitetsindexets standardinställningar (version 0).';
  return `Beräknat med kvalitetsindexets inställningar, version ${version}.`;
}
