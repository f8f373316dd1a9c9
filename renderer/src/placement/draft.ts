/**
 * A new placement's form, kept while the user goes to the home to record what "Redo för beslut?"
 * asks for ("Öppna hemmet"), and given back when Placeringar is shown again. In memory only (it may
 * name a child), for this window, until it is taken back.
 */
let kept: unknown = null;

export function keepDraft<T>(values: T): void {
  kept = values;
}

export function hasDraft(): boolean {
  return kept !== null;
}

/** The kept form, once: taking it gives it back to one form only. */
export function takeDraft<T>(): T | null {
  const draft = kept as T | null;
  kept = null;
  return draft;
}
