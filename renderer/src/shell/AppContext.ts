import { createContext, useContext } from 'react';
import type { AppInfo } from '../../../preload/api';
import type { ConfirmOptions } from '../components/ConfirmDialog';
import type { ToastMessage } from '../components/Toast';

/** What the shell (App.tsx) gives every page: the date, the data's version, messages and the unsaved-changes guard. */
export interface AppContextValue {
  /** The user's date; it moves on at midnight. */
  today: string;
  /** Changes whenever something was saved, so lists and counts are fetched again. */
  version: number;
  info: AppInfo | null;
  /** Something was saved: lists and the menu's counts are fetched again. */
  changed: () => void;
  notify: (message: string, action?: ToastMessage['action']) => void;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  loadDemo: () => Promise<void>;
  /** A form reports whether it has unsaved edits; leaving the page then asks first. */
  onDirtyChange: (dirty: boolean) => void;
  /** A save under way: leaving waits for it, so it can neither be lost nor land in the next page's form. */
  onSaving: (request: Promise<unknown>) => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp används utanför App.');
  return value;
}
