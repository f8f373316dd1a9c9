/**
 * How a note, assessment or deviation names what it is about (JournalTarget): the home by name,
 * the child by label, and for a protected child never both together (see the contract).
 */
import type { Kysely } from 'kysely';
import { homeNames, missingTargets, placementFacts, type PlacementFacts } from '../db/journal-repository';
import type { Database } from '../db/schema';
import type { JournalTarget } from '../../preload/api/journal';
import { ServiceError } from './errors';
import { childLabel } from './placements';

export interface Targeted {
  homeId: string | null;
  placementId: string | null;
  /** The day the home of a placement is looked up on (its stay then). */
  on: string;
}

/** Seen from a home (its history, a search hit) or from a placement (its page). */
export type TargetView = 'home' | 'placement';

/** The home of the placement's stay on `on` (the first stay before the placement began, the last after it ended). */
export function homeOn(facts: PlacementFacts, on: string): string | null {
  const stay = facts.stays.find((s) => s.from <= on && (s.to === null || on < s.to));
  if (stay) return stay.homeId;
  const first = facts.stays[0];
  if (first && on < first.from) return first.homeId;
  return facts.stays.at(-1)?.homeId ?? null;
}

/** The home and placement a note or deviation is written on must exist: a window may show what another has removed. */
export async function checkTarget(db: Kysely<Database>, target: { homeId?: string | undefined; placementId?: string | undefined }): Promise<void> {
  const missing = await missingTargets(db, target);
  if (missing.home) throw new ServiceError('NOT_FOUND', 'Hemmet finns inte längre i registret.', [{ path: '/homeId', message: 'Hemmet finns inte längre.' }]);
  if (missing.placement) {
    throw new ServiceError('NOT_FOUND', 'Placeringen finns inte längre i registret.', [{ path: '/placementId', message: 'Placeringen finns inte längre.' }]);
  }
}

/** A function naming each of `items`' targets, after reading what names them in two queries. */
export async function targetNamer(db: Kysely<Database>, items: readonly Targeted[], view: TargetView): Promise<(item: Targeted) => JournalTarget> {
  const facts = await placementFacts(db, items.flatMap((i) => (i.placementId === null ? [] : [i.placementId])));
  const homeOf = (item: Targeted): string | null => {
    if (item.homeId !== null || item.placementId === null) return item.homeId;
    const placement = facts.get(item.placementId);
    return placement ? homeOn(placement, item.on) : null;
  };
  const names = await homeNames(db, items.flatMap((i) => homeOf(i) ?? []));
  return (item) => {
    const placement = item.placementId === null ? undefined : facts.get(item.placementId);
    const homeId = homeOf(item);
    const child = placement && { name: placement.childName, birthDate: placement.birthDate, protectedIdentity: placement.protectedIdentity };
    const hidden = placement?.protectedIdentity === true;
    return {
      homeId: hidden && view === 'placement' ? null : homeId,
      homeName: hidden && view === 'placement' ? null : homeId === null ? null : (names.get(homeId) ?? null),
      placementId: hidden && view === 'home' ? null : item.placementId,
      childLabel: child ? childLabel(child) : null,
    };
  };
}

/** The name of a protected child a text must not show, or null. */
export function hiddenName(facts: PlacementFacts | undefined): string | null {
  return facts?.protectedIdentity ? facts.childName : null;
}
