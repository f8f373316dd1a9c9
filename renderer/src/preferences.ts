/**
 * This computer's preferences (main keeps them beside the app's data), read once at start so a
 * form can offer them the moment it opens. Saving updates the copy here at once; main's answer
 * then replaces it.
 */
import type { Preferences, PreferencesInput } from '../../preload/api';
import { api } from './bridge/api';

let current: Preferences = { recordedBy: null };

/** Never fails: without its preferences the app still starts, with empty fields. */
export async function loadPreferences(): Promise<void> {
  try {
    const result = await api.getPreferences({});
    if (result.ok) current = result.value;
  } catch {
    // The forms then simply ask for the name.
  }
}

export const preferences = (): Preferences => current;

export function savePreferences(change: PreferencesInput): void {
  current = { ...current, ...change };
  // Not remembered is no loss worth a message: the form asks for the name again next time.
  void api.savePreferences(change).then((result) => {
    if (result.ok) current = result.value;
  });
}

/** Who is signed in: the forms offer their name as who recorded or changed something. */
export function setSignedInName(name: string): void {
  current = { ...current, recordedBy: name };
}
