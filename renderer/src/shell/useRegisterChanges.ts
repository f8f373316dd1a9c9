/**
 * What others write (another window, the command line's import, a colleague on the shared
 * register) reaches the open lists without reloading: main is asked every few seconds, while the
 * window is shown, whether anything the lists show was written, and `onChange` runs when it was.
 * The window's own writes announce themselves (`changed`); `seen` takes the stamp after one, so it
 * is not taken for someone else's.
 */
import { useCallback, useEffect, useRef } from 'react';
import { api } from '../bridge/api';

/** How often main is asked: often enough to feel live, rare enough to cost nothing on a shared server. */
export const CHANGE_POLL_MS = 5000;

/** `onChange` should be stable (useCallback): a new one restarts the asking. */
export function useRegisterChanges(active: boolean, onChange: () => void): { seen: () => void } {
  const last = useRef<string | null>(null);

  const ask = useCallback(async (announce: boolean) => {
    const result = await api.getChangeStamp({});
    if (!result.ok) return; // asked again on the next tick
    const before = last.current;
    last.current = result.value.stamp;
    if (announce && before !== null && before !== result.value.stamp) onChange();
  }, [onChange]);

  useEffect(() => {
    if (!active) {
      last.current = null;
      return;
    }
    void ask(false);
    const tick = () => {
      if (document.visibilityState === 'visible') void ask(true);
    };
    const timer = setInterval(tick, CHANGE_POLL_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [active, ask]);

  return { seen: useCallback(() => void ask(false), [ask]) };
}
