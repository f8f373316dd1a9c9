/**
 * Dates are typed and shown as ÅÅÅÅ-MM-DD, the form the register and the contract use. A text
 * field, not `<input type="date">`, whose look follows the browser's locale (mm/dd/yyyy in an
 * English Chromium) and which hands over an empty value for a date it cannot read.
 */
import { dateProblem as contractDateProblem } from '../../../preload/api';

export const DATE_PLACEHOLDER = 'ÅÅÅÅ-MM-DD';
/** For the `pattern` attribute (the forms are `noValidate`: it describes, the check is ours). */
export const DATE_PATTERN = '[0-9]{4}-[0-9]{2}-[0-9]{2}';
/** Read out with every date field (aria-describedby): letters like ÅÅÅÅ are no help spoken. */
export const DATE_FORMAT_DESCRIPTION = 'Skriv år-månad-dag med siffror, till exempel 2026-11-22.';

/**
 * What is wrong with a typed date, in the contract's words (so the field says the same before a
 * save as the service says after it), or null. Empty is no problem here: whether a date is
 * required is the form's question.
 */
export function dateProblem(text: string): string | null {
  return text.trim() === '' ? null : contractDateProblem(text);
}
