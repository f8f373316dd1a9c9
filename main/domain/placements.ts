/**
 * The rules a placement and its stays must meet, whoever writes them: the import of exchange
 * files (domain/exchange) and the placement form (services/placements). One source, so the form
 * can save everything the import lets in and the reverse.
 */
import { ageOn } from './checks';
import type { IsoDate } from './dates';
import type { HomeKind } from './vocabulary';

export interface PlacementShape {
  startedOn: IsoDate;
  endedOn?: IsoDate | null | undefined;
  endReason?: string | null | undefined;
  stays: readonly StayShape[];
}

export interface StayShape {
  homeId: string;
  form: HomeKind;
  from: IsoDate;
  to?: IsoDate | null | undefined;
  investigationCompletedOn?: IsoDate | null | undefined;
}

export interface PlacementProblem {
  /** Path within the placement (`['stays', 0, 'from']`). */
  path: (string | number)[];
  /** A Swedish sentence fragment, lowercase: the import prefixes it with its JSON path. */
  message: string;
}

export interface PlacementContext {
  /** The child's birth date, when known. */
  birthDate?: IsoDate | undefined;
  /** The kind of a home, when known (an unknown home is reported by the caller). */
  homeKind: (homeId: string) => HomeKind | undefined;
}

/** Placements are for children and young people under this age on their first day (SoL, LVU). */
export const oldestAge = 21;

export function placementProblems(placement: PlacementShape, context: PlacementContext): PlacementProblem[] {
  const problems: PlacementProblem[] = [];
  const report = (path: (string | number)[], message: string) => problems.push({ path, message });
  const endedOn = placement.endedOn ?? undefined;
  if (context.birthDate !== undefined && placement.startedOn < context.birthDate) {
    report(['startedOn'], `placeringen börjar före barnets födelsedatum (${context.birthDate})`);
  }
  // Care under SoL and LVU is for children and young people: 21 or older at the start cannot be true.
  const age = context.birthDate === undefined ? undefined : ageOn(context.birthDate, placement.startedOn);
  if (age !== undefined && age >= oldestAge) {
    report(['startedOn'], `barnet är ${age} år när placeringen börjar; placeringar gäller barn och unga under ${oldestAge} år`);
  }
  if (endedOn !== undefined && endedOn < placement.startedOn) {
    report(['endedOn'], `placeringen slutar (${endedOn}) innan den började (${placement.startedOn})`);
  }
  if (placement.endReason != null && endedOn === undefined) {
    report(['endReason'], 'placeringen har inget slutdatum');
  }
  checkStays(placement, (path, message) => report(['stays', ...path], message));
  placement.stays.forEach((stay, k) => {
    const kind = context.homeKind(stay.homeId);
    if (kind !== undefined && kind !== stay.form) {
      report(['stays', k, 'form'], `hemmet ${JSON.stringify(stay.homeId)} är ${kind} och kan inte ta emot en vistelse som ${stay.form}`);
    }
    if (stay.investigationCompletedOn != null && stay.form !== 'jourhem') {
      report(['stays', k, 'investigationCompletedOn'], 'gäller bara vistelser i jourhem');
    }
  });
  return problems;
}

/**
 * A placement's stays tile it: the first starts on `startedOn`, each ends the day the next
 * begins, and the last ends on `endedOn` or stays open while the placement lasts.
 */
function checkStays(placement: PlacementShape, report: (path: (string | number)[], message: string) => void): void {
  const { stays, startedOn } = placement;
  const endedOn = placement.endedOn ?? undefined;
  const first = stays[0];
  if (first && first.from !== startedOn) {
    report([0, 'from'], `första vistelsen ska börja när placeringen börjar (${startedOn}), inte ${first.from}`);
  }
  stays.forEach((stay, k) => {
    const to = stay.to ?? undefined;
    if (to !== undefined && to < stay.from) {
      report([k, 'to'], `vistelsen slutar (${to}) innan den började (${stay.from})`);
    }
    const next = stays[k + 1];
    if (next) {
      if (to === undefined) report([k, 'to'], `saknas; nästa vistelse börjar ${next.from}`);
      else if (to > next.from) report([k, 'to'], `överlappar nästa vistelse, som börjar ${next.from}`);
      else if (to < next.from) report([k, 'to'], `glapp till nästa vistelse, som börjar ${next.from}`);
    } else if (endedOn === undefined && to !== undefined) {
      report([k, 'to'], `placeringen pågår (har inget slutdatum), så den sista vistelsen kan inte sluta ${to}`);
    } else if (endedOn !== undefined && to === undefined) {
      report([k, 'to'], `saknas; placeringen slutade ${endedOn}`);
    } else if (endedOn !== undefined && to !== endedOn) {
      report([k, 'to'], `ska vara placeringens slutdatum ${endedOn}, inte ${to}`);
    }
  });
}
