import { useContext } from 'react';
import { AppContext } from '../shell/AppContext';

/**
 * The app's change counter where a component is not handed it (the home's panel): its quality
 * index is fetched again when anything was saved. 0 outside the app's shell.
 */
export const useAppVersion = (): number => useContext(AppContext)?.version ?? 0;
