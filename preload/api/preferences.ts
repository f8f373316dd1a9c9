/**
 * What this computer remembers for its user between sessions (electron-store beside the app's
 * data): never personal data of a child, and nothing the register itself must know.
 */
import { z } from 'zod';
import { channel } from './channel';
import { empty, optionalText } from './fields';

export interface Preferences {
  /** Who records checks on this computer, offered in the forms until sign-in says who is working. */
  recordedBy: string | null;
}

/** The preferences to change; those left out keep their value. */
export const preferencesInput = z.object({ recordedBy: optionalText(200).optional() }).strict();
export type PreferencesInput = z.output<typeof preferencesInput>;

export const preferenceChannels = {
  getPreferences: channel(empty).returns<Preferences>(),
  savePreferences: channel(preferencesInput).returns<Preferences>(),
};
