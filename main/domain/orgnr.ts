import { hasValidLuhn } from './luhn';

export type OrgNrResult = { ok: true; value: string } | { ok: false; message: string };

// NNNNNN-NNNN or NNNNNNNNNN, optionally with the "16" prefix some registers add (16NNNNNN-NNNN).
const ORG_NR = /^(?:16)?(\d{6})-?(\d{4})$/;

/**
 * Organisationsnummer, normalized to `NNNNNN-NNNN`. A sole trader's org.nr is their personnummer,
 * so the third digit is not required to be ≥ 2.
 */
export function validateOrgNr(input: string): OrgNrResult {
  const match = ORG_NR.exec(input.trim());
  if (!match) return { ok: false, message: 'Organisationsnumret ska ha formen NNNNNN-NNNN.' };
  const digits = `${match[1]}${match[2]}`;
  if (/^0+$/.test(digits)) return { ok: false, message: 'Organisationsnumret kan inte bestå av bara nollor.' };
  if (!hasValidLuhn(digits)) return { ok: false, message: 'Organisationsnumrets kontrollsiffra stämmer inte.' };
  return { ok: true, value: `${match[1]}-${match[2]}` };
}
