import Store from 'electron-store';
import { parseWindowState, type WindowState, type WindowStateStore } from './window-state';

const KEY = 'window';

/**
 * The window's size and place in `window-state.json` in Electron's userData folder: a file of its
 * own, so it holds the window's geometry and never anything else (decision 6: machine preferences
 * in electron-store, personal data never). Both ways go through the schema, so only the four
 * numbers and the maximised flag are ever written. The store is a comfort: when it cannot be
 * opened, read or written, the window opens at its default size and the app goes on.
 */
export function openWindowStateStore(): WindowStateStore {
  let store: Store<Record<string, unknown>> | null = null;
  try {
    // A damaged file is replaced rather than stopping the start.
    store = new Store<Record<string, unknown>>({ name: 'window-state', clearInvalidConfig: true });
  } catch (error) {
    console.warn('Placeringskollen: fönstrets läge kan inte sparas:', error);
  }
  return {
    read() {
      try {
        return parseWindowState(store?.get(KEY));
      } catch {
        return null;
      }
    },
    write(state: WindowState) {
      const valid = parseWindowState(state);
      if (!store || !valid) return;
      try {
        store.set(KEY, valid);
      } catch (error) {
        console.warn('Placeringskollen: fönstrets läge kunde inte sparas:', error);
      }
    },
  };
}
