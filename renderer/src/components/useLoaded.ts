/** Loading an API answer for a page: stale answers dropped, a failed reload keeps what was shown. */
import { useEffect, useEffectEvent, useState } from 'react';
import type { Result } from '../../../preload/api';
import { api } from '../bridge/api';

export interface Loaded<T> {
  /** The last answer that came back (kept when a reload fails). */
  value: T | null;
  /** Why the last load failed, in Swedish; null when it succeeded. */
  error: string | null;
}

/**
 * The answer of `load` for the current `key` (e.g. today, the register's version and a retry
 * count): it loads again whenever the key changes, and an answer to an older key is dropped.
 */
export function useLoaded<T>(load: () => Promise<Result<T>>, key: string): Loaded<T> | null {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  // The latest `load` without making it a dependency: only `key` says when to load again.
  const loadNow = useEffectEvent(load);
  useEffect(() => {
    let current = true;
    void loadNow().then((result) => {
      if (!current) return;
      setLoaded((previous) => (result.ok ? { value: result.value, error: null } : { value: previous?.value ?? null, error: result.error.message }));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return loaded;
}

/** How many days ahead "snart" reaches: the municipality's setting, null until known. */
export function useLeadDays(version: number): number | null {
  const [leadDays, setLeadDays] = useState<number | null>(null);
  useEffect(() => {
    let current = true;
    void api.getRuleSettings({}).then((result) => {
      if (!current || !result.ok) return;
      const lead = result.value.parameters.find((parameter) => parameter.key === 'leadDays');
      setLeadDays(lead ? lead.value : null);
    });
    return () => {
      current = false;
    };
  }, [version]);
  return leadDays;
}
