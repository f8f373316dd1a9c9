import { useEffect, useState } from 'react';
import type { QualitySummary } from '../../../preload/api';
import { api } from '../bridge/api';

/** The most homes one getQualitySummaries call takes (the contract's limit). */
const PER_CALL = 500;

export interface QualitySummaries {
  /** By home id; a home not (yet) in it has no answer yet. */
  byHome: Record<string, QualitySummary>;
  /** The settings version the numbers were computed with, once known. */
  settingsVersion: number | null;
  /** Why the last fetch failed, in Swedish. */
  error: string | null;
}

const none: QualitySummaries = { byHome: {}, settingsVersion: null, error: null };

/**
 * The quality index of the homes a list shows, in one call per 500 homes (never one per row),
 * fetched again when the homes shown, the day or the register's version change. The numbers
 * already known stay while new ones are on their way (a narrower search shows the same homes).
 */
export function useQualitySummaries(homeIds: readonly string[], today: string, version: number): QualitySummaries {
  const [state, setState] = useState<QualitySummaries>(none);
  const key = homeIds.join('\u0000');
  useEffect(() => {
    const ids = key === '' ? [] : key.split('\u0000');
    if (ids.length === 0) return;
    let current = true;
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += PER_CALL) chunks.push(ids.slice(i, i + PER_CALL));
    void Promise.all(chunks.map((homeIds) => api.getQualitySummaries({ homeIds, date: today }))).then((answers) => {
      if (!current) return;
      const failed = answers.find((answer) => !answer.ok);
      if (failed && !failed.ok) {
        setState((previous) => ({ ...previous, error: failed.error.message }));
        return;
      }
      const byHome: Record<string, QualitySummary> = {};
      for (const answer of answers) if (answer.ok) Object.assign(byHome, answer.value);
      // Each number names its settings version; one call's numbers all have the same.
      const settingsVersion = Object.values(byHome)[0]?.settingsVersion ?? null;
      setState((previous) => ({ byHome: { ...previous.byHome, ...byHome }, settingsVersion, error: null }));
    });
    return () => {
      current = false;
    };
  }, [key, today, version]);
  return state;
}
