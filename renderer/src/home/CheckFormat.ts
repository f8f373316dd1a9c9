/**
 * How a register check and an IVO permit read in the home panel: plain Swedish sentences built
 * from the contract's values. Display only; nothing here decides a status.
 */
import type { PermitScope, RegisterCheck, RegisterCheckRevision } from '../../../preload/api';
import { checkOutcomeLabels, permitFormLabels, registerLabels } from '../labels';
import { dayOf } from '../today';


/** "registrerad av Saga Handläggarsson, 2026-11-20"; "rättad av …" once corrected; imported checks say so. */
export function recordedText(check: Pick<RegisterCheck, 'recordedBy' | 'recordedAt'> & { revisions?: number }): string {
  const verb = check.revisions ? 'rättad' : 'registrerad';
  if (!check.recordedBy) return 'importerad, okänt av vem';
  return check.recordedAt ? `${verb} av ${check.recordedBy}, ${dayOf(check.recordedAt)}` : `${verb} av ${check.recordedBy}`;
}

/** "13–17 år", "från 13 år", "upp till 17 år", or null when the permit says nothing of ages. */
export function agesText(scope: Pick<PermitScope, 'minAge' | 'maxAge'>): string | null {
  const { minAge, maxAge } = scope;
  if (minAge !== null && maxAge !== null) return `${minAge}–${maxAge} år`;
  if (minAge !== null) return `från ${minAge} år`;
  if (maxAge !== null) return `upp till ${maxAge} år`;
  return null;
}

/** What a permit covers, one short part each: "HVB och stödboende", "13–17 år", "12 platser". */
export function scopeParts(scope: PermitScope): string[] {
  const forms = scope.forms.map((form) => permitFormLabels[form]);
  const parts: string[] = [];
  if (forms.length > 0) parts.push(forms.length === 2 ? `${forms[0]} och ${forms[1]!.toLowerCase()}` : forms[0]!);
  const ages = agesText(scope);
  if (ages) parts.push(ages);
  if (scope.places !== null) parts.push(scope.places === 1 ? '1 plats' : `${scope.places} platser`);
  return parts;
}

/** A check in one line, for the history: "Belastningsregistret 2026-03-01, utan anmärkning, dnr SN 2026/12". */
export function checkSummary(check: RegisterCheck | RegisterCheckRevision): string {
  const parts = [`${registerLabels[check.register]} ${check.checkedOn}`, checkOutcomeLabels[check.outcome].toLowerCase()];
  if (check.permit) parts.push(...scopeParts(check.permit));
  if (check.permit?.targetGroup) parts.push(`målgrupp: ${check.permit.targetGroup}`);
  if (check.permit?.holderOrgNr) parts.push(`tillståndshavare ${check.permit.holderOrgNr}`);
  if (check.reference) parts.push(`referens ${check.reference}`);
  return parts.join(', ');
}
