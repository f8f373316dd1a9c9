import { describe, expect, it } from 'vitest';
import { createPreferencesService, memoryPreferenceStore } from '../../../main/services/preferences';

describe('preferences: what this computer remembers for its user', () => {
  it('has no name until one is saved, and keeps the one saved', () => {
    const preferences = createPreferencesService(memoryPreferenceStore());
    expect(preferences.get()).toEqual({ recordedBy: null });
    expect(preferences.save({ recordedBy: 'Saga Handläggarsson' })).toEqual({ recordedBy: 'Saga Handläggarsson' });
    expect(preferences.get()).toEqual({ recordedBy: 'Saga Handläggarsson' });
  });

  it('a preference left out keeps its value; null forgets it', () => {
    const store = memoryPreferenceStore();
    const preferences = createPreferencesService(store);
    preferences.save({ recordedBy: 'Saga Handläggarsson' });
    expect(preferences.save({})).toEqual({ recordedBy: 'Saga Handläggarsson' });
    expect(preferences.save({ recordedBy: null })).toEqual({ recordedBy: null });
    expect(store.get('recordedBy')).toBeUndefined();
  });

  it('a file edited by hand with something that is not a name counts as no name', () => {
    const store = memoryPreferenceStore();
    for (const value of [42, { name: 'x' }, '   ']) {
      store.set('recordedBy', value);
      expect(createPreferencesService(store).get()).toEqual({ recordedBy: null });
    }
  });
});
