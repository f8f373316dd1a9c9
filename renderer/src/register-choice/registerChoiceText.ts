/**
 * Registerval's words and form state that depend on what is saved: kept apart from the page so
 * they are unit-tested (test/unit/renderer/register-choice-text.test.ts).
 */
import type { RegisterChoiceView } from '../../../preload/api';

/** The fields a kept password is bound to (main/services/register-choice seals it with them). */
export interface AddressFields {
  host: string;
  port: string;
  database: string;
  user: string;
}

/**
 * The form names another server, port, database or user than the saved choice: a kept password
 * was typed for the saved address and is not used for another (the service refuses), so the page
 * must not say "leave it empty to keep it".
 */
export function addressChanged(view: RegisterChoiceView, fields: AddressFields): boolean {
  const { choice } = view;
  if (choice.kind !== 'shared') return true;
  return (
    fields.host.trim() !== choice.host ||
    fields.port.trim() !== String(choice.port) ||
    fields.database.trim() !== choice.database ||
    fields.user.trim() !== choice.user
  );
}

/** The hint under Lösenord: where a password is kept, and whether one is kept for this address. */
export function passwordHint(view: RegisterChoiceView, changed: boolean): string {
  switch (view.passwordStore) {
    case 'keystore':
      if (view.passwordKept && changed) return 'Det sparade lösenordet gäller bara servern, porten, databasen och användaren det angavs för. Skriv lösenordet för den nya adressen.';
      return view.passwordKept
        ? 'Ett lösenord är sparat, skyddat av datorns nyckelring. Lämna fältet tomt för att behålla det.'
        : 'Sparas skyddat av datorns nyckelring, som registrets krypteringsnyckel, och aldrig i klartext.';
    case 'no-keystore':
      return 'Datorns nyckelring går inte att använda, så lösenordet kan inte sparas. Här används det bara för att testa anslutningen; programmet tar sedan lösenordet från PGPASSWORD, om IT har angett det.';
    case 'browser':
      return 'Lösenordet sparas bara i skrivbordsappen, skyddat av datorns nyckelring. Här används det bara för att testa anslutningen; webbläsarläget tar lösenordet från PGPASSWORD.';
  }
}

/** The form as the page holds it (text fields as typed). */
export interface ChoiceValues extends AddressFields {
  kind: 'local' | 'shared';
  password: string;
  unencrypted: boolean;
  caFile: string;
}

/**
 * The form differs from the saved choice, so leaving the page would lose it (the unsaved-changes
 * question). Fields typed under "Gemensamt register" and then left for "Lokalt" count as nothing:
 * saving would keep none of them either.
 */
export function choiceDirty(view: RegisterChoiceView, values: ChoiceValues): boolean {
  const { choice } = view;
  if (values.kind !== choice.kind) return true;
  if (choice.kind === 'local') return false;
  return addressChanged(view, values) || values.password !== '' || values.caFile.trim() !== (choice.caFile ?? '') || values.unencrypted !== (choice.tls === 'disable');
}
