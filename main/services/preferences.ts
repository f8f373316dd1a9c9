/**
 * This computer's preferences for its user (preload/api/preferences.ts). Kept in a small
 * key-value store beside the app's data, not in the register: electron-store in the app, the same
 * file through `conf` in the browser host, memory in tests and on the command line.
 */
import type { Preferences, PreferencesInput } from '../../preload/api/preferences';

/** The part of electron-store's (and conf's) API the preferences need. */
export interface PreferenceStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** A store that forgets everything when the process ends. */
export function memoryPreferenceStore(): PreferenceStore {
  const values = new Map<string, unknown>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
  };
}

const RECORDED_BY = 'recordedBy';

export function createPreferencesService(store: PreferenceStore) {
  function get(): Preferences {
    const recordedBy = store.get(RECORDED_BY);
    // The file may have been edited by hand: anything but a name counts as none.
    return { recordedBy: typeof recordedBy === 'string' && recordedBy.trim() !== '' ? recordedBy : null };
  }
  return {
    get,
    save(input: PreferencesInput): Preferences {
      if (input.recordedBy !== undefined) {
        if (input.recordedBy === null) store.delete(RECORDED_BY);
        else store.set(RECORDED_BY, input.recordedBy);
      }
      return get();
    },
  };
}
