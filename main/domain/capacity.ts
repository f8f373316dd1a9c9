/**
 * How full a home is on a day, and what one more child there means before the decision is taken:
 * more children than the home has places (a warning with the numbers), and more than three
 * children in a foster home (rules.md `fler-an-tre-barn`: such a decision is reported to IVO).
 * Pure: the placements and the day come in.
 */
import { isActiveOn } from './deadlines';
import type { CheckPlacement } from './checks';
import type { IsoDate } from './dates';
import { isFosterHomeKind, type HomeKind } from './vocabulary';

/** The placements with a child in `homeId` on `on`: active that day, with a stay there that covers it. */
export function placementsInHomeOn(placements: readonly CheckPlacement[], homeId: string, on: IsoDate): string[] {
  return placements
    .filter((p) => isActiveOn(p, on) && p.stays.some((s) => s.homeId === homeId && s.from <= on && (s.to === null || on < s.to)))
    .map((p) => p.id);
}

export interface OccupancyQuestion {
  kind: HomeKind;
  capacity: number | null;
  /** Children already placed there on the day, the child being decided on not counted. */
  placed: number;
  on: IsoDate;
  /** rules.md: more than this many children in one foster home is reported to IVO (a parameter, 3). */
  flerAnTreBarnLimit: number;
  /** The reference of `fler-an-tre-barn` in force on the day. */
  flerAnTreReference: string;
}

const places = (n: number) => `${n} ${n === 1 ? 'plats' : 'platser'}`;

/** What placing one more child means, in Swedish sentences; empty when nothing is to be said. */
export function occupancyWarnings({ kind, capacity, placed, on, flerAnTreBarnLimit, flerAnTreReference }: OccupancyQuestion): string[] {
  const warnings: string[] = [];
  const after = placed + 1;
  if (capacity !== null && after > capacity) {
    warnings.push(`Hemmet har ${places(capacity)} och ${placed} placerade barn ${on}: med det här barnet blir det ${after} barn på ${places(capacity)}.`);
  }
  if (isFosterHomeKind(kind) && after > flerAnTreBarnLimit) {
    warnings.push(
      `Med det här barnet bor ${after} placerade barn i hemmet ${on}, fler än ${flerAnTreBarnLimit}: beslutet ska anmälas till IVO (${flerAnTreReference}).`,
    );
  }
  return warnings;
}
